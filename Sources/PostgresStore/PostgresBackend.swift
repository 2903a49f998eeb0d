import FindingStore
import Foundation
import GRDB
import PostgresNIO

/// A PostgreSQL store as FindingStore's queries see it (`ServerBackend`): one session that reads and,
/// for a writing store, one that writes, each used by one caller at a time.
///
/// Reads run in a REPEATABLE READ, READ ONLY transaction, so one read sees one snapshot as a SQLite
/// read does. Writes run in a transaction that first takes a transaction-scoped advisory lock, one
/// per store: writers queue as SQLite's BEGIN IMMEDIATE makes them queue, so triage's
/// read-check-write (optimistic locking on `version`) behaves the same on both backends.
public final class PostgresBackend: ServerBackend, @unchecked Sendable {
    public let location: PostgresLocation
    public let role: String
    private let reader: PostgresSession
    private let writer: PostgresSession?
    private let readerLock = NSLock()
    private let writerLock = NSLock()

    /// The advisory lock key every mlsoc writer of a store takes ("mlsoc" in ASCII).
    static let writeLockKey: Int64 = 0x6D6C_736F_63

    private init(location: PostgresLocation, role: String, reader: PostgresSession, writer: PostgresSession?) {
        self.location = location
        self.role = role
        self.reader = reader
        self.writer = writer
    }

    /// Connects; a writing store is migrated to this mlsoc's schema, a read-only one must be at it.
    public static func open(_ location: PostgresLocation, readOnly: Bool) throws -> PostgresBackend {
        let reader = try PostgresSession.connect(location)
        var writer: PostgresSession?
        do {
            // The reading session refuses writes itself, whatever runs on it (the dashboard's
            // role makes the server refuse them for good: `store grant-reader`).
            try reader.run("SET default_transaction_read_only = on")
            if readOnly {
                try reader.checkSchema()
            } else {
                writer = try PostgresSession.connect(location)
                try writer?.migrate()
            }
            let role = try reader.run("SELECT current_user").first?.decode(String.self) ?? location.user
            return PostgresBackend(location: location, role: role, reader: reader, writer: writer)
        } catch {
            reader.close()
            writer?.close()
            throw error
        }
    }

    public var description: String { location.description }

    public func withSession<T>(write: Bool, _ body: (any ServerSession) throws -> T) throws -> T {
        guard write else {
            return try readerLock.withLock {
                try transaction(reader, begin: ["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"], body)
            }
        }
        guard let writer else { throw StoreError(.readOnly, "the store \(location) is open read-only") }
        return try writerLock.withLock {
            try transaction(writer, begin: ["BEGIN", "SELECT pg_advisory_xact_lock(\(PostgresBackend.writeLockKey))"], body)
        }
    }

    private func transaction<T>(_ session: PostgresSession, begin: [String], _ body: (any ServerSession) throws -> T) throws -> T {
        let server = PostgresServerSession(session)
        for statement in begin { _ = try server.run(statement, []) }
        let result: T
        do {
            result = try body(server)
        } catch {
            _ = try? server.run("ROLLBACK", [])
            throw error
        }
        _ = try server.run("COMMIT", [])
        return result
    }

    /// ANALYZE the tables a bulk ingest grows, when it added a fifth of the findings or more (or
    /// the table was never analyzed). Autovacuum does the same later (its naptime, then its turn
    /// among the server's databases); until it does, a store just filled has no statistics and
    /// its pages were sorted whole (0.8 s a page at 1M instead of 0.08 s). ANALYZE samples, so
    /// this costs about a second at a million findings, and by the rule above happens a handful
    /// of times over a store's growth.
    public func refreshStatistics(afterAdding findings: Int) throws {
        guard findings > 0, let writer else { return }
        try writerLock.withLock {
            let estimate = try writer.run("SELECT reltuples::bigint FROM pg_class WHERE oid = 'finding'::regclass").first?.decode(Int64.self) ?? -1
            guard estimate < 0 || Int64(findings) * 5 >= estimate else { return }
            try writer.run("ANALYZE finding, findingEvidence, message, rule, model, groupSummary, summaryCell, modelSummary, dueSummary")
        }
    }

    public func executeAsReader(_ sql: String) throws {
        try readerLock.withLock { _ = try PostgresServerSession(reader).run(sql, []) }
    }

    public func schemaDescription() throws -> String {
        try readerLock.withLock {
            let sql = """
                SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = current_schema()
                UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
                UNION ALL SELECT 'trigger ' || tgname || ' on ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal
                ORDER BY 1
                """
            return try reader.run(sql).map { try $0.decode(String.self) }.joined(separator: "\n")
        }
    }

    public func changeListener() throws -> any ServerChangeListener {
        try PostgresChangeListener.start(location)
    }

    public func close() {
        reader.close()
        writer?.close()
    }

    deinit {
        close()
    }
}

/// One statement at a time on a PostgreSQL session, from synchronous code.
final class PostgresServerSession: ServerSession {
    private let session: PostgresSession

    init(_ session: PostgresSession) {
        self.session = session
    }

    func run(_ sql: String, _ values: [DatabaseValue]) throws -> ServerResult {
        var bindings = PostgresBindings()
        for value in values {
            switch value.storage {
            case .null: bindings.appendNull()
            case let .int64(number): bindings.append(number)
            case let .double(number): bindings.append(number)
            case let .string(text): bindings.append(text)
            case let .blob(data): bindings.append(ByteBuffer(bytes: data))
            }
        }
        return try run(sql, bindings, values: "\(values)")
    }

    func start(_ sql: String, arrays: [(type: ServerArrayType, values: [DatabaseValue])]) throws -> ServerPending {
        var bindings = PostgresBindings()
        for array in arrays { try bindings.append(ServerArray(type: array.type, values: array.values)) }
        let sent = session.send(sql, bindings)
        let described = "\(arrays.count) arrays of \(arrays.first?.values.count ?? 0)"
        return ServerPending { [session] in try PostgresServerSession.result(sql, values: described) { try session.result(of: sent) } }
    }

    private func run(_ sql: String, _ bindings: PostgresBindings, values: @autoclosure () -> String) throws -> ServerResult {
        try PostgresServerSession.result(sql, values: values()) { try session.query(sql, bindings) }
    }

    /// The rows of a statement's result as the store holds values, and the count it changed.
    private static func result(_ sql: String, values: @autoclosure () -> String, of query: () throws -> PostgresQueryResult) throws -> ServerResult {
        // A statement that changes rows reports how many through RETURNING (the row count of a
        // command tag is not part of PostgresNIO's public API).
        do {
            let result = try query()
            if PostgresServerSession.tracedAll {
                FileHandle.standardError.write(Data("mlsoc: SQL (\(result.rows.count) rows): \(sql) -- \(values())\n".utf8))
            }
            var columns: [String] = []
            var rows: [[DatabaseValue]] = []
            rows.reserveCapacity(result.rows.count)
            for row in result.rows {
                if columns.isEmpty { columns = row.map(\.columnName) }
                rows.append(try row.map(PostgresServerSession.value(of:)))
            }
            return ServerResult(columns: columns, rows: rows, affected: result.metadata.rows ?? 0)
        } catch let error as PostgresStoreError {
            if PostgresServerSession.traced { FileHandle.standardError.write(Data("mlsoc: failed SQL: \(sql)\n".utf8)) }
            throw StoreError(.database, "the store failed: \(error.description)")
        }
    }

    /// MLSOC_TRACE_SQL=1: a failed statement is printed to standard error (for a bug report).
    static let traced = ["1", "2"].contains(ProcessInfo.processInfo.environment["MLSOC_TRACE_SQL"])
    /// MLSOC_TRACE_SQL=2: every statement, with its row count.
    static let tracedAll = ProcessInfo.processInfo.environment["MLSOC_TRACE_SQL"] == "2"

    /// A server value as SQLite would hold it: integers, booleans as 0 and 1, numeric (a sum of
    /// bigints) as an integer when whole, floats, text, bytes.
    static func value(of cell: PostgresCell) throws -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8, .int4, .int2: return try cell.decode(Int64.self).databaseValue
        case .float8, .float4: return try cell.decode(Double.self).databaseValue
        case .bool: return (try cell.decode(Bool.self) ? 1 : 0).databaseValue
        case .bytea:
            var buffer = try cell.decode(ByteBuffer.self)
            return Data(buffer.readBytes(length: buffer.readableBytes) ?? []).databaseValue
        case .numeric:
            let number = try cell.decode(Decimal.self)
            var rounded = Decimal()
            var copy = number
            NSDecimalRound(&rounded, &copy, 0, .plain)
            if rounded == number, let whole = Int64(exactly: NSDecimalNumber(decimal: number).int64Value), Decimal(whole) == number {
                return whole.databaseValue
            }
            return NSDecimalNumber(decimal: number).doubleValue.databaseValue
        default: return try cell.decode(String.self).databaseValue
        }
    }
}

/// LISTEN mlsoc_changed on a session of its own: the server says when a write committed, so a
/// console refreshes within a round trip and never polls the store.
final class PostgresChangeListener: ServerChangeListener, @unchecked Sendable {
    private let lock = NSLock()
    private var pending = false
    private var failure: (any Error)?
    private let session: PostgresSession
    private var context: PostgresListenContext?

    private init(session: PostgresSession) {
        self.session = session
    }

    static func start(_ location: PostgresLocation) throws -> PostgresChangeListener {
        let session = try PostgresSession.connect(location)
        let listener = PostgresChangeListener(session: session)
        listener.context = session.connection.addListener(channel: "mlsoc_changed") { [weak listener] _, _ in listener?.mark(nil) }
        session.connection.closeFuture.whenComplete { [weak listener] _ in
            listener?.mark(PostgresStoreError("\(location): the connection closed"))
        }
        do {
            try session.run("LISTEN mlsoc_changed")
        } catch {
            session.close()
            throw error
        }
        return listener
    }

    private func mark(_ error: (any Error)?) {
        lock.withLock {
            pending = true
            if let error { failure = error }
        }
    }

    func changed() throws -> Bool {
        try lock.withLock {
            if let failure {
                throw StoreError(.database, "the store's change notifications stopped: \(PostgresSession.message(failure))")
            }
            defer { pending = false }
            return pending
        }
    }

    func settle() throws {
        try session.run("SELECT 1")
    }

    deinit {
        context?.stop()
        session.close()
    }
}

/// A column of values as one binary array parameter (PostgreSQL's `array_send` layout: one
/// dimension, a NULL flag, the element type, the length and lower bound, then each element as its
/// length, -1 for NULL, and its bytes). PostgresNIO's arrays take no NULL elements.
struct ServerArray: PostgresThrowingDynamicTypeEncodable {
    let type: ServerArrayType
    let values: [DatabaseValue]

    var psqlType: PostgresDataType {
        switch type {
        case .bigint: .int8Array
        case .double: .float8Array
        case .text: .textArray
        case .bytea: .byteaArray
        }
    }

    var psqlFormat: PostgresFormat { .binary }

    var elementType: PostgresDataType {
        switch type {
        case .bigint: .int8
        case .double: .float8
        case .text: .text
        case .bytea: .bytea
        }
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(values.contains(.null) ? 1 : 0))
        buffer.writeInteger(elementType.rawValue)
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))
        for value in values {
            switch (type, value.storage) {
            case (_, .null):
                buffer.writeInteger(Int32(-1))
            case let (.bigint, .int64(number)):
                buffer.writeInteger(Int32(8))
                buffer.writeInteger(number)
            case let (.double, .double(number)):
                buffer.writeInteger(Int32(8))
                buffer.writeInteger(number.bitPattern)
            case let (.double, .int64(number)):
                buffer.writeInteger(Int32(8))
                buffer.writeInteger(Double(number).bitPattern)
            case let (.text, .string(text)):
                buffer.writeInteger(Int32(text.utf8.count))
                buffer.writeString(text)
            case let (.bytea, .blob(data)):
                buffer.writeInteger(Int32(data.count))
                buffer.writeBytes(data)
            default:
                throw StoreError(.database, "a \(type.rawValue) column of a batch holds \(value)")
            }
        }
    }
}
