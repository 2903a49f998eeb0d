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
final class RawStatement {
    private let statement: Statement
    private let handle: SQLiteStatement
    private let connection: SQLiteConnection
    private var index: Int32 = 0

    /// SQLite copies the bytes before the bind call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        guard let connection = db.sqliteConnection else { throw StoreError(.database, "the store's connection is closed") }
        self.connection = connection
    }

    func bind(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    func bind(_ value: Double?) {
        index += 1
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ value: String?) {
        index += 1
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
        blob.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(
                handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count),
                RawStatement.transient)
        }
    }

    /// Runs the bound statement to completion; true when it changed a row.
    @discardableResult
    func execute() throws -> Bool {
        defer {
            sqlite3_reset(handle)
            index = 0
        }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                sql: statement.sql)
        }
        return sqlite3_changes(connection) > 0
    }

    /// Runs the bound query; the first column of its first row, nil when it has no row.
    func firstInt64() throws -> Int64? {
        defer {
            sqlite3_reset(handle)
            index = 0
        }
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return sqlite3_column_int64(handle, 0) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                sql: statement.sql)
        }
        return nil
    }

    /// The rowid of the row the last successful INSERT on this connection added.
    var lastInsertedRowID: Int64 {
        sqlite3_last_insert_rowid(connection)
    }
}
