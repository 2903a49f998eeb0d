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
    /// Open findings of the report's scopes that it no longer reports, now resolved.
    public var resolved: Int
    /// Scan errors and tool notifications kept with the scan.
    public var warnings: Int = 0

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
