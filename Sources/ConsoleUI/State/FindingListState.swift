import Findings

/// The triage queue: findings matching a filter, in one order, loaded a keyset page at a time.
public struct FindingListState: Sendable, Equatable {
    public var filter: FindingFilter
    public var sort: FindingSort = .severity
    public var items: [FindingRow] = []
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
    /// The findings the last bulk action changed: the next `u` undoes them all (any other triage
    /// action clears it).
    public var lastBatch: [Int64] = []
    /// Where the last mark was set, for a range.
    public var markAnchor: Int?
    /// Marked findings that are not among the loaded rows (`S` marks every similar one): bulk
    /// actions and `y` take them from here.
    public var markedRows: [Int64: FindingRow] = [:]
    /// How the list is folded (`=`, `:group`); `.none` lists the findings.
    public var grouping: FindingGrouping = .none
    /// The groups of the query, read once per query and after each write, never per key.
    public var groups: FindingGroups?
    public var groupCursor = 0
    /// The group whose findings are listed (Enter on a group); Esc goes back to the groups.
    public var expanded: FindingGroup?
    /// Column keys (`FindingColumn`) of a saved view or `:columns`; nil: the defaults.
    public var columns: [String]?

    public init(filter: FindingFilter = .empty) {
        self.filter = filter
    }

    public static let pageSize = 200
    /// A refresh reloads what was loaded, up to this many rows, so the cursor keeps its place.
    public static let refreshLimit = 2_000

    public var current: FindingRow? { items.indices.contains(cursor) ? items[cursor] : nil }

    /// True when the list shows groups rather than findings.
    public var showGroups: Bool { grouping != .none && expanded == nil }

    public var currentGroup: FindingGroup? {
        guard let groups = groups?.groups, groups.indices.contains(groupCursor) else { return nil }
        return groups[groupCursor]
    }

    /// What the store reads for the rows shown: the filter, the order, and the expanded group.
    public var query: FindingQuery { FindingQuery(filter: filter, sort: sort, group: expanded?.key) }

    /// The marked findings, loaded or not, in list order then as `S` found them.
    public var marked: [FindingRow] {
        let loaded = items.filter { marks.contains($0.id) }
        let shown = Set(loaded.map(\.id))
        return loaded + markedRows.values.filter { marks.contains($0.id) && !shown.contains($0.id) }.sorted { $0.id < $1.id }
    }
}
