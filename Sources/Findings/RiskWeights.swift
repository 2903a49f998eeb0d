/// Weight of one open finding per severity in a risk score (DESIGN.md §6; configurable).
public struct RiskWeights: Sendable, Equatable {
    public var critical: Double
    public var high: Double
    public var medium: Double
    public var low: Double
    public var info: Double

    public init(critical: Double = 10, high: Double = 5, medium: Double = 3, low: Double = 1, info: Double = 0) {
        self.critical = critical
        self.high = high
        self.medium = medium
        self.low = low
        self.info = info
    }

    public static let standard = RiskWeights()

    public mutating func set(_ severity: Severity, _ value: Double) {
        switch severity {
        case .critical: critical = value
        case .high: high = value
        case .medium: medium = value
        case .low: low = value
        case .info: info = value
        }
    }

    /// "critical 10, high 5, medium 3, low 1, info 0"
    public var summary: String {
        Severity.descending.map { "\($0.name) \(ModelRisk.number(weight($0)))" }.joined(separator: ", ")
    }

    public func weight(_ severity: Severity) -> Double {
        switch severity {
        case .critical: critical
        case .high: high
        case .medium: medium
        case .low: low
        case .info: info
        }
    }
}
