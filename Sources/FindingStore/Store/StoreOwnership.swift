import Foundation
import GRDB

/// mlsoc writes only to mlsoc stores (issue 23): a store is marked with `PRAGMA application_id`,
/// and a non-empty SQLite file that is neither marked nor an mlsoc store of an older release is
/// refused before anything touches it (no migration table, no switch to WAL). Creating and
/// migrating a store is serialised across processes by an advisory lock on its directory, so two
/// processes opening a new store at once cannot both migrate it.
enum StoreOwnership {
    /// "mlsc" as a big-endian 32-bit integer: what `PRAGMA application_id` holds in an mlsoc store.
    static let applicationID: Int32 = 0x6D6C_7363

    /// Why the file at `path` is not an mlsoc store mlsoc may write to, or nil when it is one (or
    /// is empty). Reads only: a read-only connection, closed before returning.
    static func foreignProblem(path: String) throws -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return nil }
        var config = Configuration()
        config.readonly = true
        config.label = "mlsoc-ownership-check"
        // Another process may be writing the store (an ingest that already opened it): wait for
        // its lock rather than call a busy store unreadable.
        config.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            return "\(path) cannot be read as SQLite (\(error)): mlsoc writes only to its own stores"
        }
        return try queue.read { db -> String? in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            if id == applicationID { return nil }
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if tables.isEmpty, id == 0 { return nil }
            // A store written before the mark: GRDB's migration table with mlsoc's first migration.
            if id == 0, tables.contains("grdb_migrations"),
                try Bool.fetchOne(db, sql: "SELECT 1 FROM grdb_migrations WHERE identifier = 'v1-core'") == true
            {
                return nil
            }
            // A creation by an older release killed before its first migration committed: GRDB's
            // empty migration table and nothing else.
            if id == 0, tables == ["grdb_migrations"], try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0 {
                return nil
            }
            let what = id != 0 ? "application_id \(id)" : "tables " + tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return
                "\(path) is another application's SQLite database (\(what)), not an mlsoc store: mlsoc changed nothing; pass --db with a new file or an mlsoc store"
        }
    }

    /// Runs `body` holding an exclusive advisory lock on the store's directory (flock: separate from
    /// SQLite's own fcntl locks on the file, which closing this descriptor cannot release).
    static func withCreationLock<T>(path: String, _ body: () throws -> T) throws -> T {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
