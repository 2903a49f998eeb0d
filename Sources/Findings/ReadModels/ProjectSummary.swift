/// One project with its open findings and risk, for the Projects list (DESIGN.md §3).
public struct ProjectSummary: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var owner: String?
    public var criticality: Double
    public var repository: String?
    public var open: [Severity: Int]
    public var weighted: [Severity: Double]
    public var scans: Int
    /// Open findings nobody is assigned to.
    public var unassigned = 0
    public var lastScan: Int64?

    public init(
        id: Int64, name: String, owner: String? = nil, criticality: Double = 1, repository: String? = nil,
        open: [Severity: Int] = [:], weighted: [Severity: Double] = [:], scans: Int = 0, lastScan: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.criticality = criticality
        self.repository = repository
        self.open = open
        self.weighted = weighted
        self.scans = scans
        self.lastScan = lastScan
    }

    public var openTotal: Int { open.values.reduce(0, +) }

    /// Σ weight(severity) × open findings (attack-success weighted) × the project's criticality.
    public func score(_ weights: RiskWeights) -> Double {
        Severity.allCases.reduce(0) { $0 + weights.weight($1) * (weighted[$1] ?? 0) } * criticality
    }
}
