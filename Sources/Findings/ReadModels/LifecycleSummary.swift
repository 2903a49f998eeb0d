/// Open findings by target × lifecycle stage of their model: the pivoted matrix.
public struct LifecycleSummary: Sendable, Equatable {
    /// Stage columns in lifecycle order, then findings whose model has no stage (or no model).
    public static let stages = ["design", "develop", "deploy", "monitor", ""]
    private var open: [Target: [String: [Severity: Int]]] = [:]

    public init() {}

    public mutating func add(target: Target, stage: String?, severity: Severity, count: Int) {
        let column = Self.stages.contains(stage ?? "") ? stage ?? "" : ""
        open[target, default: [:]][column, default: [:]][severity, default: 0] += count
    }

    public func openCount(_ target: Target, stage: String) -> Int {
        open[target]?[stage]?.values.reduce(0, +) ?? 0
    }

    public func risk(_ target: Target, stage: String, weights: RiskWeights = .standard) -> Double {
        open[target]?[stage]?.reduce(0) { $0 + weights.weight($1.key) * Double($1.value) } ?? 0
    }

    public func worst(_ target: Target, stage: String) -> Severity? {
        Severity.descending.first { (open[target]?[stage]?[$0] ?? 0) > 0 }
    }

    public func maxRisk(weights: RiskWeights = .standard) -> Double {
        Target.allCases.flatMap { target in Self.stages.map { risk(target, stage: $0, weights: weights) } }.max() ?? 0
    }
}
