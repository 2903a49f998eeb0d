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
