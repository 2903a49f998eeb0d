import GRDB

/// Detects commits by any connection or process with `PRAGMA data_version` on a connection of its
/// own (the value is per connection, so it cannot share the pool's readers). One cheap pragma per poll.
public final class ChangeMonitor: @unchecked Sendable {
    // Used only from the thread that polls; the queue serialises access anyway.
    private let queue: DatabaseQueue
    private var last: Int?

    public init(store: FindingStore) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        queue = try DatabaseQueue(path: store.path, configuration: config)
        last = try Self.version(queue)
    }

    /// True when something committed since the last call.
    public func changed() throws -> Bool {
        let now = try Self.version(queue)
        defer { last = now }
        return now != last
    }

    private static func version(_ queue: DatabaseQueue) throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
