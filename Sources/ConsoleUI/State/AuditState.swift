import Findings

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
