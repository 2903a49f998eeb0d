import Foundation
import GRDB

/// The SQLite findings store: one file, one `DatabasePool` per process, WAL, every change a migration.
public final class FindingStore: Sendable {
    /// How the store is opened.
    public enum Mode: Sendable {
        /// Creates the file (mode 0600) and migrates it when needed.
        case readWrite
        /// SQLITE_OPEN_READONLY plus `PRAGMA query_only`; never creates or migrates.
        case readOnly
    }

    /// Where the store is: a SQLite file's path, or a server store's name (without its password).
    public let path: String
    public let mode: Mode
    let backing: Backing

    enum Backing: Sendable {
        case sqlite(DatabasePool)
        case server(any ServerBackend, ServerCodec)
    }

    /// The SQLite pool; a server store has none, and the SQLite-only paths (ingest) say so.
    var pool: DatabasePool {
        get throws {
            guard case let .sqlite(pool) = backing else {
                throw StoreError(.cannotOpen, "this does not run on a PostgreSQL store yet (\(path)): use a SQLite store")
            }
            return pool
        }
    }

    /// The database role a server store's sessions log in as; nil for SQLite.
    public var serverRole: String? {
        if case let .server(backend, _) = backing { return backend.role }
        return nil
    }

    /// True for a store on a server (PostgreSQL).
    public var isServer: Bool {
        if case .server = backing { return true }
        return false
    }

    /// A store on a server: `backend` gives its sessions (PostgresStore opens it and checks its schema).
    public init(server backend: any ServerBackend, mode: Mode) throws {
        path = backend.description
        self.mode = mode
        backing = .server(backend, try ServerCodec())
    }

    /// Opens (and for `.readWrite`, creates and migrates) the store at `path`.
    public init(path: String, mode: Mode = .readWrite, fileMode: mode_t = 0o600) throws {
        self.path = path
        self.mode = mode
        if mode == .readWrite {
            try FindingStore.createFileIfMissing(path: path, fileMode: fileMode)
        } else if !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.cannotOpen, "no store at \(path): ingest a report first (mlsoc ingest FILE) or pass --db PATH")
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.readonly = mode == .readOnly
        config.label = "mlsoc"
        let readOnly = mode == .readOnly
        var schemaProblem: String?
        config.prepareDatabase { db in
            if readOnly {
                // A read-only store: never a write, and no pragma that would need one.
                try db.execute(sql: "PRAGMA query_only = 1")
            } else {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        let pool: DatabasePool
        do {
            if mode == .readWrite {
                pool = try StoreOwnership.withCreationLock(path: path) {
                    if let foreign = try StoreOwnership.foreignProblem(path: path) { throw StoreError(.cannotOpen, foreign) }
                    let pool = try DatabasePool(path: path, configuration: config)
                    // A newer mlsoc's store: this one would write it without keeping what the newer
                    // schema keeps on write (its summaries), so it is left untouched.
                    if try pool.read({ db in try Schema.migrator.hasBeenSuperseded(db) }) {
                        throw StoreError(.cannotOpen, "the store \(path) was written by a newer mlsoc: use that version (this one changed nothing)")
                    }
                    // Marked before the first migration: a process killed while it creates the
                    // store leaves a file the next run knows as its own and finishes.
                    if try pool.read({ db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }) != StoreOwnership.applicationID {
                        try pool.write { db in try db.execute(sql: "PRAGMA application_id = \(StoreOwnership.applicationID)") }
                    }
                    try Schema.migrator.migrate(pool)
                    return pool
                }
            } else {
                pool = try DatabasePool(path: path, configuration: config)
                schemaProblem = try pool.read { db in try FindingStore.readOnlySchemaProblem(db, path: path) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            if mode == .readOnly, let advice = FindingStore.readOnlyAdvice(path: path) {
                throw StoreError(.cannotOpen, "cannot open the store \(path) read-only: \(advice)", underlying: error)
            }
            throw StoreError(.cannotOpen, "cannot open the store \(path)", underlying: error)
        }
        if let schemaProblem { throw StoreError(.cannotOpen, schemaProblem) }
        backing = .sqlite(pool)
    }

    /// The migrations the SQLite store at `path` has, read without opening it as a store (so nothing
    /// is migrated or created), unknown ones included: empty for a missing file or one without
    /// mlsoc's schema.
    public static func appliedMigrations(path: String) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in try Schema.migrator.appliedIdentifiers(db) }
        } catch {
            throw StoreError(.cannotOpen, "cannot read the schema of \(path)", underlying: error)
        }
    }

    /// A read-only open never migrates: a store an older mlsoc wrote must be opened once by a writer
    /// first, and a newer mlsoc's store is not read with queries that may not fit it.
    private static func readOnlySchemaProblem(_ db: Database, path: String) throws -> String? {
        let applied = try Schema.migrator.appliedIdentifiers(db)
        if applied.isEmpty {
            return "\(path) is not an mlsoc store (it has no mlsoc schema): ingest a report into it first, or pass --db PATH"
        }
        if try Schema.migrator.hasBeenSuperseded(db) {
            return "the store \(path) was written by a newer mlsoc: read it with that version"
        }
        if try !Schema.migrator.hasCompletedMigrations(db) {
            return """
                the store \(path) was written by an older mlsoc and needs a schema upgrade, which a read-only open \
                never does: upgrade it with `mlsoc store migrate --db \(path)` (or open it once with a writing command: the console, ingest)
                """
        }
        return nil
    }

    /// Creates the file and its directory with owner-only permissions, so SQLite's -wal and -shm
    /// files (which copy the database file's mode) are owner-only too.
    private static func createFileIfMissing(path: String, fileMode: mode_t) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { return }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !fm.fileExists(atPath: directory) {
            do {
                try fm.createDirectory(
                    atPath: directory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(.cannotCreate, "cannot create the directory \(directory) for the store", underlying: error)
            }
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, fileMode)
        if fd < 0 {
            let code = errno
            if code == EEXIST { return }
            throw StoreError(.cannotCreate, "cannot create the store \(path): \(String(cString: strerror(code)))")
        }
        fchmod(fd, fileMode)
        close(fd)
    }

    /// Why a read-only open may fail for this account, in words a person can act on.
    static func readOnlyAdvice(path: String) -> String? {
        let fm = FileManager.default
        if !fm.isReadableFile(atPath: path) {
            return "this account cannot read it; the owner can grant it with `chmod g+r \(path) \(path)-wal \(path)-shm` (and the group)"
        }
        let companions = [path + "-wal", path + "-shm"]
        let missing = companions.filter { !fm.fileExists(atPath: $0) }
        if !missing.isEmpty {
            return
                "\(missing.joined(separator: " and ")) do not exist, and this account may not create them; they exist while a writer (`mlsoc watch`, the console) has the store open"
        }
        let unreadable = companions.filter { !fm.isReadableFile(atPath: $0) }
        if !unreadable.isEmpty {
            return
                "\(unreadable.joined(separator: " and ")) cannot be read by this account; grant it with `chmod g+r \(unreadable.joined(separator: " "))`"
        }
        return nil
    }

    /// After an ingest added `findings` new findings: on a server, the planner's statistics are
    /// refreshed when they were a large share of the store (`ServerBackend.refreshStatistics`). On
    /// SQLite nothing: its planner reads the indexes themselves.
    public func refreshStatistics(afterAdding findings: Int) throws {
        guard case let .server(backend, _) = backing else { return }
        try StoreError.boundary { try backend.refreshStatistics(afterAdding: findings) }
    }

    /// Runs `quick_check`; "ok" when the file is sound.
    public func quickCheck() throws -> String {
        try readSQLite { db in try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "" }
    }
}

extension FindingStore {
    /// A read on one of the pool's reader connections (or a server's reading session), with the
    /// backend's errors as `StoreError`.
    func read<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        switch backing {
        case let .sqlite(pool): return try StoreError.boundary { try pool.read { try body(StoreConnection($0)) } }
        case let .server(backend, codec):
            return try StoreError.boundary { try backend.withSession(write: false) { try body(StoreConnection(server: $0, codec: codec)) } }
        }
    }

    /// A read on SQLite itself, for the SQLite-only paths (ingest, pragmas).
    func readSQLite<T>(_ body: (Database) throws -> T) throws -> T {
        let pool = try pool
        return try StoreError.boundary { try pool.read(body) }
    }

    /// The one writer connection, outside a transaction, with SQLite's errors as `StoreError`.
    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        let pool = try pool
        return try StoreError.boundary { try pool.writeWithoutTransaction(body) }
    }
}

extension FindingStore {
    /// Runs one statement on the store's writer connection, as it was opened: for the tests that
    /// prove a read-only store's own connection refuses every write (SQLITE_OPEN_READONLY and
    /// `query_only`), not just that mlsoc has no method that writes. Package-only; no command calls it.
    package func executeOnWriterConnection(sql: String) throws {
        if case let .server(backend, _) = backing {
            guard mode == .readWrite else { return try StoreError.boundary { try backend.executeAsReader(sql) } }
            return try StoreError.boundary { try backend.withSession(write: true) { _ = try $0.run(sql, []) } }
        }
        try writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}

extension FindingStore {
    /// SQL on the store's own connections, on either backend: for the tests that change rows
    /// behind the store's back (a state set by hand) and compare its summaries with the rows.
    /// Package-only; no command calls it.
    package func readForTests<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try read(body)
    }

    package func writeForTests<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try writeImmediate(body)
    }
}

extension FindingStore {
    /// Reads an integer pragma on one of the store's own connections (diagnostics and tests).
    public func pragma(_ name: String) throws -> Int? {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return try readSQLite { db in try Int.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}

extension FindingStore {
    /// The schema as SQLite keeps it (every table, index and trigger), for checks that nothing changed it.
    public func schemaSQL() throws -> String {
        if case let .server(backend, _) = backing { return try StoreError.boundary { try backend.schemaDescription() } }
        return try readSQLite { db in
            try String.fetchAll(db, sql: "SELECT coalesce(sql, name) FROM sqlite_master ORDER BY type, name").joined(separator: "\n")
        }
    }
}

extension FindingStore {
    /// The names of a SQLite store's tables of record, by name: not SQLite's own, GRDB's migration
    /// list, or the path trigram index (schema v29: a virtual table, its shadow tables and its
    /// mark, all made again from `path`). The tables a copy moves and the server schema mirrors.
    public static let recordTablesSQL = """
        SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
        AND name NOT IN ('grdb_migrations', 'pathTextIndexed') ORDER BY name
        """

    /// Adds the paths the trigram index does not hold yet (schema v29: those above
    /// `pathTextIndexed.through`) to it, in one statement, and moves the mark: before an ingest's
    /// COMMIT, and a copy's (the bench's raw baseline runs it too). SQLite only; a no-op when none
    /// are new.
    public static let indexNewPathsSQL = """
        INSERT INTO pathText (rowid, text) SELECT id, text FROM path WHERE id > (SELECT through FROM pathTextIndexed);
        UPDATE pathTextIndexed SET through = newest FROM (SELECT coalesce(max(id), 0) AS newest FROM path) WHERE through < newest;
        """

    /// Runs `indexNewPathsSQL`.
    public static func indexNewPaths(_ db: Database) throws {
        try db.execute(sql: indexNewPathsSQL)
    }

    /// The SQLite schema's migrations, in order: the PostgreSQL schema is versioned against the last.
    public static var schemaMigrations: [String] { Schema.migrator.migrations }
}
