import Findings

/// One row of the findings list as the console shows it (the store's row, without the store).
public struct FindingListItem: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var severity: Severity
    public var state: TriageState
    public var threat: Threat
    public var tool: String
    public var ruleID: String
    public var title: String
    public var model: String?
    public var location: String?
    public var slaDue: Int64?
    /// The row's version when read: a triage write sends it back to detect a concurrent change.
    public var version: Int?
    public var assignee: String?

    public init(id: Int64, severity: Severity, state: TriageState, threat: Threat, tool: String, ruleID: String,
                title: String, model: String?, location: String?, slaDue: Int64? = nil, version: Int? = nil, assignee: String? = nil) {
        self.version = version
        self.assignee = assignee
        self.id = id
        self.severity = severity
        self.state = state
        self.threat = threat
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.model = model
        self.location = location
        self.slaDue = slaDue
    }

    public func isOverdue(now: Int64) -> Bool {
        state.isOpen && (slaDue.map { $0 < now } ?? false)
    }
}

/// The triage queue: findings matching a filter, in one order, loaded a keyset page at a time.
public struct FindingListState: Sendable, Equatable {
    public var filter: FindingFilter
    public var sort: FindingSort = .severity
    public var items: [FindingListItem] = []
    public var cursor = 0
    /// False once a page came back short: nothing more to load.
    public var hasMore = true
    /// True when the rows start below the first finding (after `G`): pages above load on the way up.
    public var hasBefore = false
    /// How many findings the query has, once known (a short first page, or a count after `G`).
    public var total: Int?
    /// The position of `items[0]` among all the query's rows (0 from the top; after `G`, from the total).
    public var offset = 0
    public var loading = false
    /// Bumped whenever the query changes, so pages of an older query are dropped.
    public var generation = 0
    /// The detail of the finding under the cursor, when the detail pane is open.
    public var showDetail = false
    public var detail: FindingDetail?
    public var detailScroll = 0
    /// Where Esc goes from the list.
    public var origin: ViewID = .matrix
    /// Marked rows (space, M for a range): bulk actions apply to them.
    public var marks: Set<Int64> = []
    /// The findings the last bulk action changed: `u` on one of them undoes them all.
    public var lastBatch: [Int64] = []
    /// Where the last mark was set, for a range.
    public var markAnchor: Int?

    public init(filter: FindingFilter = .empty) {
        self.filter = filter
    }

    public static let pageSize = 200
    /// A refresh reloads what was loaded, up to this many rows, so the cursor keeps its place.
    public static let refreshLimit = 2_000

    public var current: FindingListItem? { items.indices.contains(cursor) ? items[cursor] : nil }
}

/// The audit log: events newest first, keyset pages, filterable.
public struct AuditState: Sendable, Equatable {
    public var filter = FindingFilter.empty
    public var items: [AuditEntry] = []
    public var cursor = 0
    public var hasMore = true
    public var loading = false
    public var generation = 0

    public init() {}

    public static let pageSize = 200
}

/// The Models view: the risk table, and one model's detail when open.
public struct ModelsState: Sendable, Equatable {
    public var items: [ModelRisk] = []
    public var cursor = 0
    /// Substring of the name, from `/` in the Models view.
    public var nameFilter = ""
    public var detail: ModelDetailState?
    public var loaded = false
    /// The configured weights the scores use.
    public var weights = RiskWeights.standard

    public init() {}

    /// The rows shown: filtered by name, highest score first.
    public func visible() -> [ModelRisk] {
        let needle = nameFilter.lowercased()
        // Highest score first; the findings no model claims come last, whatever their score.
        return items.filter { needle.isEmpty || $0.name.lowercased().contains(needle) }
            .sorted { ($0.id != 0 ? 1 : 0, $0.score(weights: weights), $1.name) > ($1.id != 0 ? 1 : 0, $1.score(weights: weights), $0.name) }
    }
}

public struct ModelDetailState: Sendable, Equatable {
    public var model: ModelRisk
    public var breakdown: ModelBreakdown?
    public var top: [FindingListItem] = []
    /// Open findings past their SLA due date, soonest overdue first.
    public var overdue: [FindingListItem] = []
    public var scroll = 0

    public init(model: ModelRisk) {
        self.model = model
    }
}

/// The Ingest view's data and cursor.
public struct IngestViewState: Sendable, Equatable {
    public var snapshot = IngestSnapshot()
    public var cursor = 0
    public var loaded = false

    public init() {}
}
