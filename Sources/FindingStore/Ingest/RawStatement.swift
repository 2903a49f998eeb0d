import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the ingest hot path only
/// (three statements run once per finding). GRDB's `StatementArguments` boxes each value as an
/// existential and copies the array per execution; on a 100k-finding report that was a third of
/// the writer thread's time. Everything else in the store goes through GRDB.
///
/// Owned by one `IngestSink`, inside its write transaction: made with `makeStatement` (never the
/// shared cache), so a failed step cannot leave a half-used statement for anyone else.
///
/// On a server store the same calls collect the values and run the statement there; an INSERT
/// made with `returningID` reads its new id back in the same round trip (RETURNING id).
final class RawStatement {
    private struct SQLiteParts {
        let statement: Statement
        let handle: SQLiteStatement
        let connection: SQLiteConnection
    }

    private let sqlite: SQLiteParts?
    private let server: StoreConnection?
    private let sql: String
    private let returningID: Bool
    private var index: Int32 = 0
    private var values: [DatabaseValue] = []
    private var returnedID: Int64 = 0

    /// SQLite copies the bytes before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: StoreConnection, sql: String, returningID: Bool = false) throws {
        self.sql = sql
        self.returningID = returningID
        if let database = db.sqlite {
            let statement = try database.makeStatement(sql: sql)
            guard let connection = database.sqliteConnection else { throw StoreError(.database, "the store's connection is closed") }
            sqlite = SQLiteParts(statement: statement, handle: statement.sqliteStatement, connection: connection)
            server = nil
        } else {
            sqlite = nil
            server = db
        }
    }

    func bind(_ value: Int64?) {
        index += 1
        guard let handle = sqlite?.handle else { return values.append(value?.databaseValue ?? .null) }
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    func bind(_ value: Double?) {
        index += 1
        guard let handle = sqlite?.handle else { return values.append(value?.databaseValue ?? .null) }
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ value: String?) {
        index += 1
        guard let handle = sqlite?.handle else { return values.append(value?.databaseValue ?? .null) }
        guard var text = value else {
            sqlite3_bind_null(handle, index)
            return
        }
        guard !text.isEmpty else {
            // An empty string needs a non-null pointer, or SQLite stores NULL.
            sqlite3_bind_text(handle, index, "", 0, RawStatement.transient)
            return
        }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), RawStatement.transient)
            }
        }
    }

    func bind(blob: [UInt8]) {
        index += 1
        guard let handle = sqlite?.handle else { return values.append(Data(blob).databaseValue) }
        blob.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(
                handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count),
                RawStatement.transient)
        }
    }

    /// The bound values on the server, then cleared for the next run.
    private func runOnServer(_ server: StoreConnection, _ text: String) throws -> [DatabaseValue]? {
        defer {
            values.removeAll(keepingCapacity: true)
            index = 0
        }
        return try server.serverRows(text, values).first
    }

    /// Runs the bound statement to completion; true when it changed a row.
    @discardableResult
    func execute() throws -> Bool {
        if let server {
            if returningID {
                let row = try runOnServer(server, sql + " RETURNING id")
                guard let value = row?.first, let id = Int64.fromDatabaseValue(value) else { return false }
                returnedID = id
                return true
            }
            let changed = values
            defer {
                values.removeAll(keepingCapacity: true)
                index = 0
            }
            return try server.serverChanges(sql, changed) > 0
        }
        guard let sqlite else { return false }
        defer {
            sqlite3_reset(sqlite.handle)
            index = 0
        }
        var code = sqlite3_step(sqlite.handle)
        while code == SQLITE_ROW { code = sqlite3_step(sqlite.handle) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite.connection)),
                sql: sqlite.statement.sql)
        }
        return sqlite3_changes(sqlite.connection) > 0
    }

    /// Runs the bound query; the first column of its first row, nil when it has no row.
    func firstInt64() throws -> Int64? {
        if let server {
            guard let value = try runOnServer(server, sql)?.first else { return nil }
            return Int64.fromDatabaseValue(value)
        }
        guard let sqlite else { return nil }
        defer {
            sqlite3_reset(sqlite.handle)
            index = 0
        }
        let code = sqlite3_step(sqlite.handle)
        if code == SQLITE_ROW { return sqlite3_column_int64(sqlite.handle, 0) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite.connection)),
                sql: sqlite.statement.sql)
        }
        return nil
    }

    /// The rowid of the row the last successful INSERT on this connection added (on a server, the
    /// id this statement's last run returned).
    var lastInsertedRowID: Int64 {
        guard let sqlite else { return returnedID }
        return sqlite3_last_insert_rowid(sqlite.connection)
    }
}
