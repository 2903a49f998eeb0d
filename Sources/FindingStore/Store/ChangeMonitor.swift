import GRDB

/// Detects commits by any connection or process. On SQLite: `PRAGMA data_version` on a connection of
/// its own (the value is per connection, so it cannot share the pool's readers), one cheap pragma per
/// poll. On a server: the server's notifications (LISTEN), so a poll reads a flag, not the store.
public final class ChangeMonitor: @unchecked Sendable {
    // Used only from the thread that polls; the queue serialises access anyway.
    private let queue: DatabaseQueue?
    private let listener: (any ServerChangeListener)?
    private var last: Int?

    public init(store: FindingStore) throws {
        if case let .server(backend, _) = store.backing {
            listener = try StoreError.boundary { try backend.changeListener() }
            queue = nil
            return
        }
        listener = nil
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        let queue = try DatabaseQueue(path: store.path, configuration: config)
        self.queue = queue
        last = try Self.version(queue)
    }

    /// True when the server says when something changed: a poll reads a flag and costs nothing,
    /// so a console may poll often (a triage elsewhere shows within a fraction of a second).
    public var isPushed: Bool { listener != nil }

    /// True when something committed since the last call.
    public func changed() throws -> Bool {
        guard let queue else { return try listener?.changed() ?? false }
        let now = try Self.version(queue)
        defer { last = now }
        return now != last
    }

    private static func version(_ queue: DatabaseQueue) throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
