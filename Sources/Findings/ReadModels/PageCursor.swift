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
