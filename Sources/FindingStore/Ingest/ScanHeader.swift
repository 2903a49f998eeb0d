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
    /// The events some hook wants (config.yaml `hooks:`): the ingest writes those to the outbox.
    public var hookEvents: Set<HookEvent> = []

    public init(
        format: String, sourcePath: String, sha256: [UInt8], ingestedAt: Int64, actor: String,
        sla: SLAPolicy = .standard, category: String = "", weights: RiskWeights = .standard
    ) {
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
