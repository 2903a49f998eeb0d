import Foundation
import GRDB
import Synchronization

/// What the store's queries run on: SQLite's own connection, or a session on a server store
/// (PostgreSQL, through the PostgresStore module; FindingStore itself knows no server).
///
/// The queries are written once, as SQL both backends read (the server's tables mirror SQLite's,
/// docs/DECISIONS.md "One store interface, two backends"), and call `T.fetchAll(db, sql:, arguments:)`
/// as they would on a GRDB `Database`. On a server the statement is put into the server's dialect
/// (`ServerSQL`), run there, and its rows are decoded by GRDB itself from an in-memory SQLite
/// statement (`ServerCodec`), so a value reads the same from either backend.
public final class StoreConnection {
    enum Backend {
        case sqlite(Database)
        case server(any ServerSession, ServerCodec)
    }

    let backend: Backend

    init(_ database: Database) {
        backend = .sqlite(database)
    }

    init(server: any ServerSession, codec: ServerCodec) {
        backend = .server(server, codec)
    }

    /// The SQLite connection, for the SQLite-only paths (ingest's prepared statements, pragmas).
    var sqlite: Database? {
        if case let .sqlite(database) = backend { return database }
        return nil
    }

    /// Rows the last `execute` changed.
    public private(set) var lastChanges = 0

    var changesCount: Int {
        if case let .sqlite(database) = backend { return database.changesCount }
        return lastChanges
    }

    public func execute(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        switch backend {
        case let .sqlite(database): try database.execute(sql: sql, arguments: arguments)
        case let .server(session, codec):
            let statement = codec.translated(sql)
            lastChanges = try session.run(statement.text, try codec.values(of: arguments, for: statement)).affected
        }
    }

    /// A server statement's rows as raw values (the ingest's hot path, which reads ids only).
    func serverRows(_ sql: String, _ values: [DatabaseValue]) throws -> [[DatabaseValue]] {
        guard case let .server(session, codec) = backend else { return [] }
        return try session.run(codec.translated(sql).text, values).rows
    }

    /// Runs a server statement with these values in `?` order; the rows it changed.
    func serverChanges(_ sql: String, _ values: [DatabaseValue]) throws -> Int {
        guard case let .server(session, codec) = backend else { return 0 }
        lastChanges = try session.run(codec.translated(sql).text, values).affected
        return lastChanges
    }

    /// Runs `head VALUES ($1, …), (…) tail` on the server for many rows of values, in as few
    /// statements as the server binds at once; the rows each statement returns, in order. `head`
    /// and `tail` are written in the server's dialect and hold no parameters of their own (they are
    /// not translated: every batch size would be a text of its own). For the small batches (models,
    /// messages, summaries); the findings go as arrays (`serverWithArrays`).
    func serverWithValues(_ head: String, _ rows: [[DatabaseValue]], tail: String = "") throws -> [[DatabaseValue]] {
        try serverChunks(rows, perParameterBudget: StoreConnection.serverParameterBudget) { chunk in
            var number = 0
            let tuples = chunk.map { row in
                let placeholders = row.indices.map { _ in
                    number += 1
                    return "$\(number)"
                }
                return "(" + placeholders.joined(separator: ",") + ")"
            }
            return head + " VALUES " + tuples.joined(separator: ",") + (tail.isEmpty ? "" : " " + tail)
        }
    }

    /// Runs `head = ANY($1::T[]) tail` on the server: the values, all of one type, as one array
    /// parameter.
    func serverRowsIn(_ head: String, _ values: [DatabaseValue], tail: String = "") throws -> [[DatabaseValue]] {
        guard case let .server(session, _) = backend, let type = values.lazy.compactMap(ServerArrayType.init(holding:)).first else {
            return []
        }
        let result = try session.run(head + " = ANY($1::\(type.rawValue)[])" + (tail.isEmpty ? "" : " " + tail), arrays: [(type, values)])
        lastChanges = result.affected
        return result.rows
    }

    /// Runs `head SELECT c1, … FROM unnest($1::T1[], …) WITH ORDINALITY AS u (c1, …, n) ORDER BY n
    /// tail` on the server: every row in one short statement, one array parameter per column, the
    /// rows in order (an INSERT's ids follow it). A VALUES list takes a parameter per value, and the
    /// server's parsing and binding of those was a quarter of an ingest's time on it.
    func serverWithArrays(_ head: String, _ rows: [[DatabaseValue]], types: [ServerArrayType], tail: String = "") throws -> [[DatabaseValue]] {
        guard !rows.isEmpty,
            let sent = try startWithArrays(
                "\(head) \(StoreConnection.unnestRows(types))" + (tail.isEmpty ? "" : " " + tail), [(types, rows)])
        else { return [] }
        let result = try sent.wait()
        lastChanges = result.affected
        return result.rows
    }

    /// `SELECT c1, … FROM unnest($1::T1[], …) WITH ORDINALITY AS u (c1, …, n) ORDER BY n`: the rows
    /// of array parameters in the order sent, their columns named `names` (else c1, …), the
    /// parameters numbered from `first`.
    static func unnestRows(_ types: [ServerArrayType], names: [String]? = nil, first: Int = 1) -> String {
        let columns = (names ?? types.indices.map { "c\($0 + 1)" }).joined(separator: ", ")
        let parameters = types.enumerated().map { "$\($0.offset + first)::\($0.element.rawValue)[]" }.joined(separator: ", ")
        return "SELECT \(columns) FROM unnest(\(parameters)) WITH ORDINALITY AS u (\(columns), n) ORDER BY n"
    }

    /// Sends a statement whose parameters are the columns of these row sets, set after set, each
    /// column as one array; returns without waiting (nil on SQLite). Statements sent later run after it.
    func startWithArrays(_ sql: String, _ sets: [(types: [ServerArrayType], rows: [[DatabaseValue]])]) throws -> ServerPending? {
        guard case let .server(session, _) = backend else { return nil }
        var arrays: [(type: ServerArrayType, values: [DatabaseValue])] = []
        for set in sets {
            guard set.rows.allSatisfy({ $0.count == set.types.count }) else {
                throw StoreError(.database, "a batch of \(set.types.count) columns has a row of another width")
            }
            arrays += set.types.indices.map { column in (type: set.types[column], values: set.rows.map { $0[column] }) }
        }
        return try session.start(sql, arrays: arrays)
    }

    /// PostgreSQL binds at most 65,535 parameters per statement; a margin under it.
    static let serverParameterBudget = 30_000

    private func serverChunks(
        _ rows: [[DatabaseValue]], perParameterBudget budget: Int, _ sql: (ArraySlice<[DatabaseValue]>) -> String
    ) throws -> [[DatabaseValue]] {
        guard case let .server(session, _) = backend, let width = rows.first?.count, width > 0 else { return [] }
        let perChunk = max(1, budget / width)
        var returned: [[DatabaseValue]] = []
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perChunk)]
            let result = try session.run(sql(chunk), chunk.flatMap { $0 })
            lastChanges = result.affected
            returned += result.rows
            start += chunk.count
        }
        return returned
    }

    /// Every row of a server statement, materialised as one SQLite statement the caller's GRDB
    /// fetch runs (`body` is handed the codec's connection, that SQL and its arguments).
    func serverFetch<T>(
        _ session: any ServerSession, _ codec: ServerCodec, sql: String, arguments: StatementArguments, limit: Int? = nil,
        _ body: (Database, String, StatementArguments) throws -> [T]
    ) throws -> [T] {
        let statement = codec.translated(sql)
        let result = try session.run(statement.text, try codec.values(of: arguments, for: statement))
        return try codec.decode(result, limit: limit, body)
    }

    /// Runs `fetch` on SQLite, or on the server and then the codec.
    func fetch<T>(
        sql: String, arguments: StatementArguments, limit: Int? = nil, sqlite: (Database) throws -> [T],
        decode: (Database, String, StatementArguments) throws -> [T]
    ) throws -> [T] {
        switch backend {
        case let .sqlite(database): return try sqlite(database)
        case let .server(session, codec): return try serverFetch(session, codec, sql: sql, arguments: arguments, limit: limit, decode)
        }
    }
}

/// One server session, as the store needs it: a statement with `$n` parameters and its values in,
/// column names and rows of SQLite-shaped values out. Implemented by PostgresStore.
public protocol ServerSession: AnyObject {
    /// `affected`: how many rows the statement changed (or returned).
    func run(_ sql: String, _ values: [DatabaseValue]) throws -> ServerResult
    /// Sends `sql` with one array parameter per column (`$1` … `$n`: each column's values in row
    /// order, NULLs kept, as a binary array of its type) and returns without waiting for it. The
    /// session runs statements in the order they were sent; `ServerPending.wait` gives the result.
    func start(_ sql: String, arrays: [(type: ServerArrayType, values: [DatabaseValue])]) throws -> ServerPending
}

extension ServerSession {
    /// `start`, waited for.
    func run(_ sql: String, arrays: [(type: ServerArrayType, values: [DatabaseValue])]) throws -> ServerResult {
        try start(sql, arrays: arrays).wait()
    }
}

/// A statement sent to the server and perhaps still running there.
public struct ServerPending {
    private let result: () throws -> ServerResult

    public init(_ result: @escaping () throws -> ServerResult) {
        self.result = result
    }

    /// Waits for the statement to end: its result, or the server's error.
    public func wait() throws -> ServerResult {
        try result()
    }
}

/// The server type of a column sent as one array parameter (its SQL name).
public enum ServerArrayType: String, Sendable {
    case bigint
    case double = "double precision"
    case text, bytea

    /// The type of a value as the store holds it; nil for NULL.
    init?(holding value: DatabaseValue) {
        switch value.storage {
        case .null: return nil
        case .int64: self = .bigint
        case .double: self = .double
        case .string: self = .text
        case .blob: self = .bytea
        }
    }
}

public struct ServerResult: Sendable {
    public var columns: [String]
    public var rows: [[DatabaseValue]]
    public var affected: Int

    public init(columns: [String], rows: [[DatabaseValue]], affected: Int) {
        self.columns = columns
        self.rows = rows
        self.affected = affected
    }
}

/// A server store: where its sessions come from, and what it is called in messages.
public protocol ServerBackend: AnyObject, Sendable {
    /// The store's name without its password.
    var description: String { get }
    /// The database role the sessions log in as (it goes into audit events with the OS account).
    var role: String { get }
    /// Runs `body` on a session of its own: a reading one, or the one that writes. `write` sessions
    /// run `body` in one transaction that holds the store's write lock, committed when `body`
    /// returns and rolled back when it throws.
    func withSession<T>(write: Bool, _ body: (any ServerSession) throws -> T) throws -> T
    /// Runs one statement on the reading session as its role, outside any transaction mlsoc opens:
    /// for the tests that prove the server itself refuses a reader's writes (the dashboard's role),
    /// not only mlsoc's read-only transactions. No command calls it.
    func executeAsReader(_ sql: String) throws
    /// Every table, index and trigger, as text: for checks that nothing changed the schema.
    func schemaDescription() throws -> String
    /// A listener for the store's change notifications.
    func changeListener() throws -> any ServerChangeListener
    /// After a write added `findings` new findings: refreshes the planner's statistics when they
    /// are a large share of the store (or it never had any), so the next page reads index ranges.
    func refreshStatistics(afterAdding findings: Int) throws
    func close()
}

/// Tells whether anything committed on the server since the last call (LISTEN/NOTIFY).
public protocol ServerChangeListener: AnyObject, Sendable {
    func changed() throws -> Bool
    /// A round trip on the listening session: a notification of a commit that returned before
    /// this call has arrived when it returns (the server sends what it received before its reply).
    func settle() throws
}

// MARK: - Fetching from either backend

/// GRDB's own fetch for one type, as the helpers below take it.
typealias GRDBFetch<T> = (Database, String, StatementArguments) throws -> T

extension StoreConnection {
    func all<T>(_ sql: String, _ arguments: StatementArguments, _ fetch: GRDBFetch<[T]>) throws -> [T] {
        try self.fetch(sql: sql, arguments: arguments, sqlite: { try fetch($0, sql, arguments) }, decode: fetch)
    }

    func one<T>(_ sql: String, _ arguments: StatementArguments, _ fetch: GRDBFetch<T?>) throws -> T? {
        try self.fetch(sql: sql, arguments: arguments, limit: 1, sqlite: { try fetch($0, sql, arguments).map { [$0] } ?? [] }) {
            try fetch($0, $1, $2).map { [$0] } ?? []
        }.first
    }

    /// On SQLite GRDB's cursor (its rows are reused, as GRDB's are); on a server a cursor of the
    /// server's, fetched a thousand rows at a time, so an export of ten million findings holds a
    /// thousand in memory on either backend. Like GRDB's, it lives as long as the read or write it
    /// was opened in (the server closes it with the transaction).
    func cursor<T>(
        _ sql: String, _ arguments: StatementArguments, _ fetch: @escaping GRDBFetch<[T]>, _ cursor: (Database) throws -> AnyCursor<T>
    ) throws -> AnyCursor<T> {
        if let database = sqlite { return try cursor(database) }
        guard case let .server(session, codec) = backend else { return AnyCursor([]) }
        let statement = codec.translated(sql)
        let name = "mlsoc_cursor_\(StoreConnection.cursorNumbers.wrappingAdd(1, ordering: .relaxed).newValue)"
        _ = try session.run("DECLARE \(name) NO SCROLL CURSOR FOR " + statement.text, try codec.values(of: arguments, for: statement))
        var buffer: [T] = []
        var index = 0
        var exhausted = false
        return AnyCursor {
            while index == buffer.count {
                if exhausted { return nil }
                let result = try session.run("FETCH \(StoreConnection.cursorChunk) FROM \(name)", [])
                if result.rows.count < StoreConnection.cursorChunk {
                    exhausted = true
                    _ = try session.run("CLOSE \(name)", [])
                }
                buffer = try codec.decode(result, limit: nil, fetch)
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    static let cursorChunk = 1_000
    /// Names for server cursors, unique in the process (a transaction may hold several open).
    private static let cursorNumbers = Atomic<Int>(0)
}

extension DatabaseValueConvertible {
    package static func fetchAll(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try db.all(sql, arguments) { try fetchAll($0, sql: $1, arguments: $2) }
    }

    package static func fetchOne(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try db.one(sql, arguments) { try fetchOne($0, sql: $1, arguments: $2) }
    }
}

extension Optional where Wrapped: DatabaseValueConvertible {
    package static func fetchAll(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Wrapped?] {
        try db.all(sql, arguments) { try fetchAll($0, sql: $1, arguments: $2) }
    }
}

extension FetchableRecord {
    package static func fetchAll(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try db.all(sql, arguments) { try fetchAll($0, sql: $1, arguments: $2) }
    }

    package static func fetchOne(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try db.one(sql, arguments) { try fetchOne($0, sql: $1, arguments: $2) }
    }

    package static func fetchCursor(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> AnyCursor<
        Self
    > {
        try db.cursor(sql, arguments, { try fetchAll($0, sql: $1, arguments: $2) }) { AnyCursor(try fetchCursor($0, sql: sql, arguments: arguments)) }
    }
}

/// A row as a record: the server and SQLite paths of `Row` are the records' own.
private struct RowRecord: FetchableRecord {
    let row: Row

    init(row: Row) {
        self.row = row.copy()
    }
}

extension Row {
    package static func fetchAll(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try RowRecord.fetchAll(db, sql: sql, arguments: arguments).map(\.row)
    }

    package static func fetchOne(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try RowRecord.fetchOne(db, sql: sql, arguments: arguments)?.row
    }

    /// Each row its own copy, on either backend.
    package static func fetchCursor(_ db: StoreConnection, sql: String, arguments: StatementArguments = StatementArguments()) throws -> AnyCursor<Row>
    {
        AnyCursor(try RowRecord.fetchCursor(db, sql: sql, arguments: arguments).map(\.row))
    }
}

// MARK: - Statements the ingest repeats

/// A statement the ingest runs again and again: SQLite's cached prepared statement, or on a server
/// the statement's text (PostgresNIO prepares it on the server per run).
final class StoreStatement {
    let connection: StoreConnection
    let sql: String
    let prepared: Statement?

    init(_ connection: StoreConnection, sql: String) throws {
        self.connection = connection
        self.sql = sql
        prepared = try connection.sqlite?.cachedStatement(sql: sql)
    }

    func execute(arguments: StatementArguments = StatementArguments()) throws {
        if let prepared { try prepared.execute(arguments: arguments) } else { try connection.execute(sql: sql, arguments: arguments) }
    }
}

extension StoreConnection {
    func cachedStatement(sql: String) throws -> StoreStatement {
        try StoreStatement(self, sql: sql)
    }

    /// The id the last INSERT made (on a server, the session's last sequence value: every id
    /// column is an identity column).
    var lastInsertedRowID: Int64 {
        get throws {
            if let sqlite { return sqlite.lastInsertedRowID }
            return try Int64.fetchOne(self, sql: "SELECT lastval()") ?? 0
        }
    }
}

extension DatabaseValueConvertible {
    static func fetchOne(_ statement: StoreStatement, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        if let prepared = statement.prepared { return try fetchOne(prepared, arguments: arguments) }
        return try fetchOne(statement.connection, sql: statement.sql, arguments: arguments)
    }
}

extension FetchableRecord {
    static func fetchOne(_ statement: StoreStatement, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        if let prepared = statement.prepared { return try fetchOne(prepared, arguments: arguments) }
        return try fetchOne(statement.connection, sql: statement.sql, arguments: arguments)
    }
}

extension Row {
    static func fetchOne(_ statement: StoreStatement, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        if let prepared = statement.prepared { return try fetchOne(prepared, arguments: arguments) }
        return try fetchOne(statement.connection, sql: statement.sql, arguments: arguments)
    }

    static func fetchCursor(_ statement: StoreStatement, arguments: StatementArguments = StatementArguments()) throws -> AnyCursor<Row> {
        if let prepared = statement.prepared { return AnyCursor(try fetchCursor(prepared, arguments: arguments)) }
        return try fetchCursor(statement.connection, sql: statement.sql, arguments: arguments)
    }
}
