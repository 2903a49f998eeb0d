import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL store, with its schema checked or migrated.
///
/// Synchronous: every call waits on PostgresNIO's event-loop futures, never on Swift concurrency's
/// threads, so the store's synchronous API may be called from anywhere (a test's task, a console
/// thread) without a task waiting for a thread its caller holds. Only COPY (store copy) is async.
public final class PostgresSession: Sendable {
    public let location: PostgresLocation
    let connection: PostgresConnection
    let logger: Logger

    private init(location: PostgresLocation, connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.logger = logger
    }

    /// Connects; the error names the store (without its password) and says what the server said.
    public static func connect(_ location: PostgresLocation) throws -> PostgresSession {
        var logger = Logger(label: "mlsoc.postgres")
        logger.logLevel = .critical
        var configuration: PostgresConnection.Configuration
        switch location.endpoint {
        case let .tcp(host, port):
            configuration = .init(
                host: host, port: port, username: location.user, password: location.password, database: location.database,
                tls: try tls(location))
        case let .socket(directory, port):
            configuration = .init(
                unixSocketPath: directory + "/.s.PGSQL.\(port)", username: location.user, password: location.password,
                database: location.database)
        }
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
            return PostgresSession(location: location, connection: connection, logger: logger)
        } catch {
            throw PostgresStoreError("cannot connect to \(location): \(PostgresSession.message(error))")
        }
    }

    private static func tls(_ location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch location.sslMode {
        case .disable: return .disable
        case .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = location.rootCertificate { tls.trustRoots = .file(root) }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw PostgresStoreError("\(location): cannot set up TLS: \(error)")
        }
        return [.allow, .prefer].contains(location.sslMode) ? .prefer(context) : .require(context)
    }

    public func close() {
        try? connection.close().wait()
    }

    /// The server's own words for an error (its message and detail), else the error itself.
    static func message(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let server = error.serverInfo {
                let text = [server[.message], server[.detail]].compactMap { $0 }.joined(separator: ": ")
                return server[.sqlState].map { "\(text) (SQLSTATE \($0))" } ?? text
            }
            let underlying = error.underlying.map { "\($0)" } ?? ""
            if underlying.contains("CERTIFICATE_VERIFY_FAILED") {
                return "the server's TLS certificate could not be verified: name its CA with sslrootcert=FILE, or check the host name"
            }
            if underlying.contains("Connection refused") { return "connection refused: is PostgreSQL running and listening there?" }
            return "\(error.code)" + (underlying.isEmpty ? "" : ": \(underlying)")
        }
        return "\(error)"
    }

    /// Runs one statement (or several, without parameters); errors carry the server's words.
    @discardableResult
    func run(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        try query(sql, bindings).rows
    }

    /// Runs one statement: its rows, and how many rows it changed.
    func query(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
        try result(of: send(sql, bindings))
    }

    /// Sends one statement and returns at once: the connection runs statements in the order they
    /// were sent, so one sent later sees this one's effects. `result(of:)` waits for it.
    func send(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) -> EventLoopFuture<PostgresQueryResult> {
        connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
    }

    /// What a sent statement gave; errors carry the server's words.
    func result(of sent: EventLoopFuture<PostgresQueryResult>) throws -> PostgresQueryResult {
        do {
            return try sent.wait()
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw PostgresStoreError("\(location): \(PostgresSession.message(error))")
        }
    }

    /// Several statements, one after another (PostgresNIO speaks the extended protocol only, which
    /// takes one statement at a time).
    func script(_ sql: String) throws {
        for statement in PostgresSession.statements(sql) { try run(statement) }
    }

    /// `sql` split at the semicolons that end statements: not inside quotes, `$$` bodies or comments.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inQuote = false
        var inDollar = false
        var inComment = false
        var previous: Character = " "
        for character in sql {
            if inComment {
                if character == "\n" { inComment = false }
                current.append(character)
            } else if inQuote {
                if character == "'" { inQuote = false }
                current.append(character)
            } else if inDollar {
                if character == "$", previous == "$" { inDollar = false }
                current.append(character)
            } else if character == ";" {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
            } else {
                if character == "'" { inQuote = true }
                if character == "-", previous == "-" { inComment = true }
                if character == "$", previous == "$" { inDollar = true }
                current.append(character)
            }
            // A closing `$$` must not open the next one.
            previous = (character == "$" && previous == "$") ? " " : character
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }

    func scalar(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) throws -> Int64 {
        guard let row = try run(sql, bindings).first else { return 0 }
        return try row.decode(Int64?.self) ?? 0
    }

    // MARK: - Schema

    /// The migrations this server store has, in order; empty for a database without mlsoc's tables.
    public func appliedMigrations() throws -> [String] {
        let exists = try scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'mlsoc_migrations'")
        guard exists > 0 else { return [] }
        return try run("SELECT identifier FROM mlsoc_migrations ORDER BY applied").map { try $0.decode(String.self) }
    }

    /// Brings the store's schema up to this mlsoc's, each migration in its own transaction; a store
    /// a newer mlsoc wrote is refused.
    public func migrate() throws {
        try script(
            "CREATE TABLE IF NOT EXISTS mlsoc_migrations (identifier text PRIMARY KEY, applied timestamptz NOT NULL DEFAULT clock_timestamp())")
        let applied = try appliedMigrations()
        let known = PostgresSchema.migrations.map(\.identifier)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw PostgresStoreError("the store \(location) was written by a newer mlsoc (migration \(unknown)): use that version")
        }
        for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
            try script("BEGIN")
            do {
                try script(migration.sql)
                var bindings = PostgresBindings()
                bindings.append(migration.identifier)
                try run("INSERT INTO mlsoc_migrations (identifier) VALUES ($1)", bindings)
                try script("COMMIT")
            } catch {
                try? script("ROLLBACK")
                throw error
            }
        }
    }

    /// Grants `role` SELECT on a migrated store and nothing more (PostgresSchema.readerGrants).
    public static func grantReader(_ location: PostgresLocation, role: String) throws {
        let session = try connect(location) { session in
            try session.checkSchema()
            for statement in PostgresSchema.readerGrants(role: role, database: location.database) { try session.run(statement) }
        }
        session.close()
    }

    /// A session for `location` on which `prepare` ran; closed again when `prepare` throws.
    static func connect(_ location: PostgresLocation, then prepare: (PostgresSession) throws -> Void) throws -> PostgresSession {
        let session = try connect(location)
        do {
            try prepare(session)
        } catch {
            session.close()
            throw error
        }
        return session
    }

    /// A new, empty database `name` on the server `admin` names (dropped first when it exists): the
    /// benchmark's fresh store. `name` is a plain identifier (it cannot be a bound parameter).
    public static func recreateDatabase(_ admin: PostgresLocation, name: String) throws -> PostgresLocation {
        guard !name.isEmpty, name.count <= 63, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw PostgresStoreError("'\(name)' is not a plain database name (a-z, 0-9, _)")
        }
        let session = try connect(admin)
        defer { session.close() }
        try session.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        try session.run("CREATE DATABASE \(name)")
        var location = admin
        location.database = name
        return location
    }

    /// A store a read-only user opens: its schema must be this mlsoc's, since it cannot migrate.
    public func checkSchema() throws {
        let applied = try appliedMigrations()
        guard !applied.isEmpty else {
            throw PostgresStoreError("\(location) is not an mlsoc store (no mlsoc_migrations table): copy a store there first (mlsoc store copy)")
        }
        let known = PostgresSchema.migrations.map(\.identifier)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw PostgresStoreError("the store \(location) was written by a newer mlsoc (migration \(unknown)): use that version")
        }
        if applied.count < known.count {
            throw PostgresStoreError(
                "the store \(location) has an older schema: upgrade it with `mlsoc store migrate --db URL` as its owner "
                    + "(or open it once with a writer: the console, ingest)")
        }
    }
}
