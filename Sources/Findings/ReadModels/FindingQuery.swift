/// What a findings page shows: a filter, an order, and optionally one model or one group.
public struct FindingQuery: Sendable, Equatable {
    public var filter: FindingFilter
    public var sort: FindingSort
    /// Only the findings of this model (0: of no model), by id rather than by name.
    public var modelID: Int64?
    /// Only the findings of this group (an expanded group of the grouped view, or "similar" for `S`).
    public var group: FindingGroupKey?

    public init(filter: FindingFilter = .empty, sort: FindingSort = .severity, modelID: Int64? = nil, group: FindingGroupKey? = nil) {
        self.filter = filter
        self.sort = sort
        self.modelID = modelID
        self.group = group
    }
}
