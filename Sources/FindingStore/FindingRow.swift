import Findings

/// One row of a findings page: what a table shows, without evidence.
public struct FindingRow: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var fingerprint: Fingerprint
    public var tool: String
    public var ruleID: String
    public var title: String
    public var message: String
    public var severity: Severity
    /// The tool's own score (0…10), when it gives one.
    public var score: Double?
    public var threat: Threat
    public var state: TriageState
    public var model: String?
    public var location: Location?
    public var taxonomy: TaxonomyIDs
    public var firstSeen: Int64
    public var lastSeen: Int64
    public var version: Int
    /// When the SLA runs out (seconds since the epoch); nil for severities without one.
    public var slaDue: Int64?
    /// Red-team findings' attack-success rate (0…1).
    public var attackSuccessRate: Double?
    public var assignee: String?

    public init(id: Int64, fingerprint: Fingerprint, tool: String, ruleID: String, title: String, message: String,
                severity: Severity, threat: Threat, state: TriageState, model: String?, location: Location?,
                taxonomy: TaxonomyIDs, firstSeen: Int64, lastSeen: Int64, version: Int, slaDue: Int64? = nil,
                attackSuccessRate: Double? = nil, score: Double? = nil, assignee: String? = nil) {
        self.assignee = assignee
        self.score = score
        self.attackSuccessRate = attackSuccessRate
        self.id = id
        self.fingerprint = fingerprint
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.message = message
        self.severity = severity
        self.threat = threat
        self.state = state
        self.model = model
        self.location = location
        self.taxonomy = taxonomy
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.version = version
        self.slaDue = slaDue
    }

    /// Where the next keyset page in `sort` order starts after this row.
    public func cursor(for sort: FindingSort) -> PageCursor {
        switch sort {
        case .severity: PageCursor(key: Int64(severity.rawValue), id: id)
        case .newest, .oldest: PageCursor(key: 0, id: id)
        case .due: PageCursor(key: slaDue ?? Int64.max, id: id)
        }
    }
}

/// Where a keyset page starts: after the row with this sort key and id.
public struct PageCursor: Sendable, Equatable {
    public var key: Int64
    public var id: Int64

    public init(key: Int64, id: Int64) {
        self.key = key
        self.id = id
    }

    public init(severity: Severity, id: Int64) {
        self.init(key: Int64(severity.rawValue), id: id)
    }
}

/// What a findings page shows: a filter, an order, and optionally one model.
public struct FindingQuery: Sendable, Equatable {
    public var filter: FindingFilter
    public var sort: FindingSort
    /// Only the findings of this model (0: of no model), by id rather than by name.
    public var modelID: Int64?

    public init(filter: FindingFilter = .empty, sort: FindingSort = .severity, modelID: Int64? = nil) {
        self.filter = filter
        self.sort = sort
        self.modelID = modelID
    }
}

extension FindingStore {
    /// A finding's message, from the `message` table (schema v10); use with `messageJoin`.
    static let messageColumn = "coalesce(msg.text, '') AS message"
    static let messageJoin = "LEFT JOIN message msg ON msg.id = f.messageId"
    /// The artefact as reported: stored as '' when it is the location's path.
    static let artifactColumn = "CASE WHEN f.artifact = '' THEN f.path ELSE f.artifact END AS artifactPath"
}
