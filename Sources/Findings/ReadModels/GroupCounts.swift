/// Open findings of one group (a target, a tool) by severity.
public struct GroupCounts: Sendable, Equatable {
    public var key: String
    public var open: [Severity: Int]
    /// As `ModelRisk.weighted`.
    public var weighted: [Severity: Double]

    public init(key: String, open: [Severity: Int], weighted: [Severity: Double]? = nil) {
        self.key = key
        self.open = open
        self.weighted = weighted ?? open.mapValues(Double.init)
    }

    public func score(weights: RiskWeights = .standard) -> Double {
        weighted.reduce(0) { $0 + weights.weight($1.key) * $1.value }
    }
}
