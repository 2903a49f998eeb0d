import GRDB

/// Detects commits by any connection or process. On SQLite: `PRAGMA data_version` on a connection of
/// its own (the value is per connection, so it cannot share the pool's readers), one cheap pragma per
/// poll. On a server: the server's notifications (LISTEN), so a poll reads a flag, not the store.
public final class ChangeMonitor: @unchecked Sendable {
    // Used only from the thread that polls; the queue serialises access anyway.
    private let queue: DatabaseQueue?
    private let backend: (any ServerBackend)?
    private var listener: (any ServerChangeListener)?
    private var last: Int?
    private let retry: Duration
    private var retryAt: ContinuousClock.Instant?
    /// Why the server's notifications stopped (its connection closed: a restart, a failover, an
    /// idle timeout), until a new listener is up. The console says so; nothing is refreshed live
    /// meanwhile.
    public private(set) var failure: String?

    /// `retry`: how long after a lost listener a new one is tried (and again, while it fails).
    public init(store: FindingStore, retry: Duration = .seconds(5)) throws {
        self.retry = retry
        if case let .server(backend, _) = store.backing {
            self.backend = backend
            listener = try StoreError.boundary { try backend.changeListener() }
            queue = nil
            return
        }
        backend = nil
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
    public var isPushed: Bool { backend != nil }

    /// True when something committed since the last call. On a server whose notifications
    /// stopped, it throws once, then tries a new listener every `retry`; when one is up it says
    /// true (what changed meanwhile was not announced).
    public func changed() throws -> Bool {
        guard let queue else { return try serverChanged() }
        let now = try Self.version(queue)
        defer { last = now }
        return now != last
    }

    /// Takes in the console's own commit, which it reloads for itself: what committed up to now
    /// no longer counts as a change. On a server the notification of that commit may still be on
    /// its way, so a round trip on the listening session comes first.
    public func absorbOwnWrite() {
        if queue == nil { try? listener?.settle() }
        _ = try? changed()
    }

    private func serverChanged() throws -> Bool {
        let clock = ContinuousClock()
        if let listener {
            do {
                return try listener.changed()
            } catch {
                self.listener = nil
                failure = "\(error)"
                retryAt = clock.now + retry
                throw error
            }
        }
        guard let backend, let retryAt, clock.now >= retryAt else { return false }
        do {
            listener = try backend.changeListener()
            self.retryAt = nil
            failure = nil
            return true
        } catch {
            self.retryAt = clock.now + retry
            return false
        }
    }

    private static func version(_ queue: DatabaseQueue) throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
