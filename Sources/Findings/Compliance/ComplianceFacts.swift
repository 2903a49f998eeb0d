/// What the store knows that compliance evaluation reads: the models, their findings grouped by
/// cell and ids, the scans, SLA breaches and the triage trail. Read in one go by
/// `FindingStore.complianceFacts(now:)`.
public struct ComplianceFacts: Sendable, Equatable {
    public var models: [Model]
    public var findings: [FindingGroup]
    public var scans: [Scan]
    /// Open findings past their SLA due date, by model id.
    public var slaBreaches: [Int64: Int]
    /// The triage trail, by model id.
    public var triage: [Int64: Triage]

    public init(
        models: [Model] = [], findings: [FindingGroup] = [], scans: [Scan] = [], slaBreaches: [Int64: Int] = [:], triage: [Int64: Triage] = [:]
    ) {
        self.models = models
        self.findings = findings
        self.scans = scans
        self.slaBreaches = slaBreaches
        self.triage = triage
    }

    public struct Model: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var version: String
        public var kind: String
        public var stage: String?
        public var projectID: Int64
        public var project: String

        public init(
            id: Int64, name: String, version: String = "", kind: String = "model", stage: String? = nil, projectID: Int64 = 1,
            project: String = "default"
        ) {
            self.id = id
            self.name = name
            self.version = version
            self.kind = kind
            self.stage = stage
            self.projectID = projectID
            self.project = project
        }
    }

    /// Findings of one model with the same cell and ids: how many are open, how many accepted.
    public struct FindingGroup: Sendable, Equatable {
        public var modelID: Int64
        public var threat: Threat
        public var ids: [String]
        public var open: Int
        public var accepted: Int
        /// A few of the finding numbers, for the evidence list.
        public var sample: [Int64]

        public init(modelID: Int64, threat: Threat, ids: [String], open: Int, accepted: Int, sample: [Int64] = []) {
            self.modelID = modelID
            self.threat = threat
            self.ids = ids
            self.open = open
            self.accepted = accepted
            self.sample = sample
        }
    }

    /// One ingested report: which tool, which version, its hash and when; the models it reported
    /// findings for, and its project.
    public struct Scan: Sendable, Equatable {
        public var id: Int64
        public var tool: String
        public var toolVersion: String?
        public var sha256: String
        public var ingestedAt: Int64
        public var projectID: Int64
        /// What the report says it was run against: the model it is about (garak, promptfoo,
        /// fickling) and its coverage targets (a garak target, an image, an MCP server).
        public var targets: Set<String>
        public var sourcePath: String
        public var modelIDs: Set<Int64>

        public init(
            id: Int64, tool: String, toolVersion: String? = nil, sha256: String, ingestedAt: Int64, projectID: Int64 = 1, targets: Set<String> = [],
            sourcePath: String = "", modelIDs: Set<Int64> = []
        ) {
            self.id = id
            self.tool = tool
            self.toolVersion = toolVersion
            self.sha256 = sha256
            self.ingestedAt = ingestedAt
            self.projectID = projectID
            self.targets = targets
            self.sourcePath = sourcePath
            self.modelIDs = modelIDs
        }

        /// A scan is about a model when it reported findings for it; when it names models as its
        /// targets, about those only; otherwise about every model of its project (a registry
        /// model, of project 0, is in every project).
        public func covers(_ model: Model, modelNames: Set<String>) -> Bool {
            if modelIDs.contains(model.id) { return true }
            if !targets.isDisjoint(with: modelNames) { return targets.contains(model.name) }
            return model.projectID == 0 || projectID == model.projectID
        }
    }

    public struct Triage: Sendable, Equatable {
        /// The newest triage event by a person (not the ingest) on the model's findings.
        public var lastDecision: Int64?
        /// Acceptances in force without an approver or an end date.
        public var unapprovedAcceptances: Int

        public init(lastDecision: Int64? = nil, unapprovedAcceptances: Int = 0) {
            self.lastDecision = lastDecision
            self.unapprovedAcceptances = unapprovedAcceptances
        }
    }
}
