import Findings

/// What the store records about one report before its findings arrive.
public struct ScanHeader: Sendable {
    public var format: String
    public var sourcePath: String
    /// SHA-256 of the report file: the same file twice is a no-op.
    public var sha256: [UInt8]
    public var ingestedAt: Int64
    public var actor: String
    public var sla: SLAPolicy
    /// Reimport category, as GitHub code scanning's: reports of one tool with different categories
    /// do not replace each other. Empty: the report's own (SARIF automationDetails.id), else none.
    public var category: String
    /// Weights of the daily model snapshots written with the report.
    public var weights: RiskWeights
    /// The project the caller named (`--project`, the inbox's `INBOX/<project>/`): it wins over what
    /// the report says.
    public var project: String?
    /// The project of the config's path rules: used when neither the caller nor the report names one.
    public var fallbackProject: String?
    /// Projects the config declares (owner, criticality, repository), kept in the store as they are used.
    public var knownProjects: [ProjectRecord] = []
    /// What the report is about beyond its bytes (the project given, `--covers`, a subject taken
    /// from the file name): the same bytes with another subject are another scan.
    public var subject: String = ""
    /// `--covers`: what the scan looked at, instead of what the report says.
    public var covers: [Coverage.Entry]?

    public init(format: String, sourcePath: String, sha256: [UInt8], ingestedAt: Int64, actor: String,
                sla: SLAPolicy = .standard, category: String = "", weights: RiskWeights = .standard) {
        self.format = format
        self.sourcePath = sourcePath
        self.sha256 = sha256
        self.ingestedAt = ingestedAt
        self.actor = actor
        self.sla = sla
        self.category = category
        self.weights = weights
    }
}

/// A project as the config declares it (DESIGN.md §3).
public struct ProjectRecord: Sendable, Equatable {
    public var name: String
    public var owner: String?
    public var criticality: Double?
    public var repository: String?

    public init(name: String, owner: String? = nil, criticality: Double? = nil, repository: String? = nil) {
        self.name = name
        self.owner = owner
        self.criticality = criticality
        self.repository = repository
    }
}

/// What one report did to the store.
public struct IngestOutcome: Sendable, Equatable {
    public var scanID: Int64?
    /// True when this exact file was ingested before: nothing was written.
    public var alreadyIngested: Bool
    public var tool: String
    public var total: Int
    public var new: Int
    public var unchanged: Int
    public var reopened: Int
    /// Repeats of one identity inside the same report, kept as further occurrences.
    public var repeated: Int
    /// Findings written twice at the same place inside the same report: counted once.
    public var duplicates = 0
    /// Findings seen again that today's mapping put in another cell.
    public var remapped = 0
    /// Open findings of the report's scopes that it no longer reports, now resolved.
    public var resolved: Int
    /// Scan errors and tool notifications kept with the scan.
    public var warnings: Int = 0
    /// The project the scan belongs to.
    public var project = ""
    /// What the scan looked at, in a few words ("unknown" when the report does not say).
    public var coverage = ""
    /// Why this scan resolved nothing although it could have (no coverage, an incomplete run); nil otherwise.
    public var resolvedNothingBecause: String?

    public init(scanID: Int64? = nil, alreadyIngested: Bool = false, tool: String = "", total: Int = 0, new: Int = 0,
                unchanged: Int = 0, reopened: Int = 0, repeated: Int = 0, resolved: Int = 0) {
        self.scanID = scanID
        self.alreadyIngested = alreadyIngested
        self.tool = tool
        self.total = total
        self.new = new
        self.unchanged = unchanged
        self.reopened = reopened
        self.repeated = repeated
        self.resolved = resolved
    }
}
