/// Value types the store fills and the console draws; none of them knows SQLite.

/// One model's risk as the Models view shows it (DESIGN.md §6).
public struct ModelRisk: Sendable, Equatable, Identifiable {
    /// The store's model id; 0 stands for the findings no model claims.
    public var id: Int64
    public var name: String
    public var version: String
    public var kind: String
    public var owner: String?
    public var stage: String?
    public var criticality: Double
    public var source: String
    /// Open findings by severity.
    public var open: [Severity: Int]
    /// Open findings by severity, each counted by its attack-success rate when it has one (garak,
    /// promptfoo); equal to `open` otherwise. The score uses these.
    public var weighted: [Severity: Double]
    public var slaBreaches: Int
    /// Daily scores, oldest first (the last is today's when an ingest ran today).
    public var trend: [Double]
    /// The project the model belongs to; "" for the registry's models (config), which serve every project.
    public var project = ""

    public init(id: Int64, name: String, version: String = "", kind: String = "model", owner: String? = nil, stage: String? = nil,
                criticality: Double = 1, source: String = "", open: [Severity: Int] = [:], weighted: [Severity: Double]? = nil,
                slaBreaches: Int = 0, trend: [Double] = []) {
        self.id = id
        self.name = name
        self.version = version
        self.kind = kind
        self.owner = owner
        self.stage = stage
        self.criticality = criticality
        self.source = source
        self.open = open
        self.weighted = weighted ?? open.mapValues(Double.init)
        self.slaBreaches = slaBreaches
        self.trend = trend
    }

    public var openCount: Int { open.values.reduce(0, +) }

    /// Σ weight(severity) × open findings (each × its attack-success rate when it has one), times
    /// the criticality factor.
    public func score(weights: RiskWeights = .standard) -> Double {
        weighted.reduce(0) { $0 + weights.weight($1.key) * $1.value } * criticality
    }

    /// The formula with this model's numbers, as the detail shows it.
    public func formula(weights: RiskWeights = .standard, times: String = "×") -> String {
        let terms = Severity.descending.compactMap { severity -> String? in
            guard let count = weighted[severity], count > 0, weights.weight(severity) > 0 else { return nil }
            return "\(Self.number(count, places: 2))\(times)\(Self.number(weights.weight(severity))) \(severity.name)"
        }
        let sum = terms.isEmpty ? "0" : terms.joined(separator: " + ")
        return "(\(sum)) \(times) criticality \(Self.number(criticality)) = \(Self.number(score(weights: weights)))"
    }

    public var worstOpen: Severity? { Severity.descending.first { (open[$0] ?? 0) > 0 } }

    /// A number with at most `places` decimals and no trailing zeros: 25.5, 1.25, 3.
    public static func number(_ value: Double, places: Int = 1) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        var fraction = String(abs(scaled % scale))
        while fraction.count < places { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = (scaled < 0 && scaled / scale == 0 ? "-" : "") + String(scaled / scale)
        return fraction.isEmpty ? whole : whole + "." + fraction
    }
}

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

/// Where one model's score comes from: its matrix, and open findings by target and by tool; and
/// what its ML-BOM says: the model card's main facts and its lineage.
public struct ModelBreakdown: Sendable, Equatable {
    public var byTarget: [GroupCounts]
    public var byTool: [GroupCounts]
    public var matrix: MatrixSummary
    /// Model card facts as (label, value), in a fixed order: task, approach, architecture, metrics, uses.
    public var card: [CardFact]
    /// Datasets the model card names (for a model), or models trained on it (for a dataset).
    public var lineage: [String]

    public init(byTarget: [GroupCounts] = [], byTool: [GroupCounts] = [], matrix: MatrixSummary = MatrixSummary(),
                card: [CardFact] = [], lineage: [String] = []) {
        self.byTarget = byTarget
        self.byTool = byTool
        self.matrix = matrix
        self.card = card
        self.lineage = lineage
    }
}

public struct CardFact: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

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

/// One ingested report with what it changed, for the Ingest view.
public struct ScanSummary: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var tool: String
    public var format: String
    public var sourcePath: String
    public var ingestedAt: Int64
    public var actor: String
    public var total: Int
    public var new: Int
    public var unchanged: Int
    public var reopened: Int
    public var closed: Int
    public var warnings: Int
    /// The project the scan belongs to, and what it covered in a few words ("" when not recorded).
    public var project = ""
    public var coverage: String?

    public init(id: Int64, tool: String, format: String, sourcePath: String, ingestedAt: Int64, actor: String, total: Int,
                new: Int, unchanged: Int, reopened: Int, closed: Int, warnings: Int) {
        self.id = id
        self.tool = tool
        self.format = format
        self.sourcePath = sourcePath
        self.ingestedAt = ingestedAt
        self.actor = actor
        self.total = total
        self.new = new
        self.unchanged = unchanged
        self.reopened = reopened
        self.closed = closed
        self.warnings = warnings
    }
}

/// One row of the audit log: a finding's event with enough of the finding to read it alone.
public struct AuditEntry: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var findingID: Int64
    public var at: Int64
    public var actor: String
    public var kind: String
    public var from: String?
    public var to: String?
    public var reason: String?
    public var tool: String
    public var ruleID: String

    public init(id: Int64, findingID: Int64, at: Int64, actor: String, kind: String, from: String?, to: String?, reason: String?,
                tool: String = "", ruleID: String = "") {
        self.id = id
        self.findingID = findingID
        self.at = at
        self.actor = actor
        self.kind = kind
        self.from = from
        self.to = to
        self.reason = reason
        self.tool = tool
        self.ruleID = ruleID
    }
}

/// Everything the detail pane shows about one finding.
public struct FindingDetail: Sendable, Equatable {
    public var id: Int64
    public var fingerprint: String
    public var tool: String
    public var ruleID: String
    public var title: String
    public var message: String
    public var severity: Severity
    public var score: Double?
    public var threat: Threat
    public var state: TriageState
    public var model: String?
    public var artifact: String?
    public var location: String?
    public var taxonomy: TaxonomyIDs
    public var evidence: String?
    /// Why the finding sits in its cell, as recorded when it was last ingested.
    public var mapping: String?
    public var firstSeen: Int64
    public var lastSeen: Int64
    public var slaDue: Int64?
    public var assignee: String?
    public var justification: String?
    public var version: Int
    public var events: [AuditEntry]
    /// The other places the finding occurs (`path:line`, with the model there when it has one).
    public var otherLocations: [String] = []
    /// An acceptance's end and who accepted (only while the finding is accepted).
    public var acceptedUntil: Int64?
    public var acceptedBy: String?

    public init(id: Int64, fingerprint: String, tool: String, ruleID: String, title: String, message: String, severity: Severity,
                score: Double?, threat: Threat, state: TriageState, model: String?, artifact: String?, location: String?,
                taxonomy: TaxonomyIDs, evidence: String?, mapping: String?, firstSeen: Int64, lastSeen: Int64, slaDue: Int64?,
                assignee: String?, justification: String?, version: Int, events: [AuditEntry]) {
        self.id = id
        self.fingerprint = fingerprint
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.message = message
        self.severity = severity
        self.score = score
        self.threat = threat
        self.state = state
        self.model = model
        self.artifact = artifact
        self.location = location
        self.taxonomy = taxonomy
        self.evidence = evidence
        self.mapping = mapping
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.slaDue = slaDue
        self.assignee = assignee
        self.justification = justification
        self.version = version
        self.events = events
    }
}

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
    public var lastScan: Int64?

    public init(id: Int64, name: String, owner: String? = nil, criticality: Double = 1, repository: String? = nil,
                open: [Severity: Int] = [:], weighted: [Severity: Double] = [:], scans: Int = 0, lastScan: Int64? = nil) {
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
