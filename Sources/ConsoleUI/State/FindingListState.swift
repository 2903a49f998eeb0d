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

    public init(filter: FindingFilter = .empty) {
        self.filter = filter
    }

    public static let pageSize = 200
    /// A refresh reloads what was loaded, up to this many rows, so the cursor keeps its place.
    public static let refreshLimit = 2_000

    public var current: FindingRow? { items.indices.contains(cursor) ? items[cursor] : nil }
}
