/// Finding counts per matrix cell, by severity and open/closed: what the matrix view draws.
public struct MatrixSummary: Sendable, Equatable {
    /// Counts of open findings, indexed by threat then severity.
    private var open: [Threat: [Severity: Int]]
    /// Counts of closed findings per threat.
    private var closed: [Threat: Int]

    public init() {
        open = [:]
        closed = [:]
    }

    /// Adds `count` findings of one cell, severity and state.
    public mutating func add(threat: Threat, severity: Severity, state: TriageState, count: Int) {
        if state.isOpen {
            open[threat, default: [:]][severity, default: 0] += count
        } else {
            closed[threat, default: 0] += count
        }
    }

    public func openCount(_ threat: Threat, _ severity: Severity) -> Int {
        open[threat]?[severity] ?? 0
    }

    public func openCount(_ threat: Threat) -> Int {
        open[threat]?.values.reduce(0, +) ?? 0
    }

    public func closedCount(_ threat: Threat) -> Int { closed[threat] ?? 0 }

    public func openCount(severity: Severity) -> Int {
        open.values.reduce(0) { $0 + ($1[severity] ?? 0) }
    }

    public var totalOpen: Int { open.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
    public var totalClosed: Int { closed.values.reduce(0, +) }
    public var total: Int { totalOpen + totalClosed }

    /// Σ weight(severity) × open count for one cell.
    public func risk(_ threat: Threat, weights: RiskWeights = .standard) -> Double {
        guard let cell = open[threat] else { return 0 }
        return cell.reduce(0) { $0 + weights.weight($1.key) * Double($1.value) }
    }

    /// The highest cell risk, the scale for heat.
    public func maxRisk(weights: RiskWeights = .standard) -> Double {
        Threat.allCases.map { risk($0, weights: weights) }.max() ?? 0
    }
}
