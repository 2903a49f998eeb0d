import Foundation
import PostgresNIO

/// Reads a PostgreSQL store in one REPEATABLE READ, READ ONLY transaction: one snapshot for every
/// table, whatever writers do meanwhile.
final class PostgresCopySource: CopySource {
    private let session: PostgresSession

    private init(session: PostgresSession) {
        self.session = session
    }

    static func open(_ location: PostgresLocation) async throws -> PostgresCopySource {
        PostgresCopySource(
            session: try PostgresSession.connect(location) { session in
                try session.checkSchema()
                try session.script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            })
    }

    func tables() async throws -> [String] {
        try await session.tables().filter { $0 != "mlsoc_migrations" }
    }

    func columns(_ table: String) async throws -> [String] {
        try await session.columns(table)
    }

    func count(_ table: String) async throws -> Int64 {
        try session.scalar("SELECT count(*) FROM \(table)")
    }

    func page(_ table: String, columns: [String], key: [String], after: [CellValue]?, limit: Int) async throws -> [[CellValue]] {
        var sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table)"
        var bindings = PostgresBindings()
        if let after {
            sql += " WHERE " + StoreCopy.keyCondition(key) { "$\($0 + 1)" }
            for value in after { try value.bind(into: &bindings) }
        }
        sql += " ORDER BY \(key.joined(separator: ", ")) LIMIT \(limit)"
        return try session.run(sql, bindings).map { row in try row.map(CellValue.init(cell:)) }
    }

    func close() async {
        try? session.script("COMMIT")
        session.close()
    }
}

/// Writes a PostgreSQL store in one transaction: migrated first, then every table by COPY with the
/// foreign keys checked at COMMIT, the identity sequences moved past the copied ids.
final class PostgresCopySink: CopySink {
    private let session: PostgresSession

    private init(session: PostgresSession) {
        self.session = session
    }

    static func open(_ location: PostgresLocation) async throws -> PostgresCopySink {
        PostgresCopySink(
            session: try PostgresSession.connect(location) { session in
                try session.migrate()
                try session.script("BEGIN; SET CONSTRAINTS ALL DEFERRED")
            })
    }

    func columns(_ table: String) async throws -> [String] {
        try await session.columns(table)
    }

    func prepare(tables: [String]) async throws {
        try await clearNewStore(tables: tables, count: count) { table in try self.session.script("DELETE FROM \(table)") }
    }

    func write(_ table: String, columns: [String], rows: [[CellValue]]) async throws {
        var buffer = ByteBuffer()
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                do {
                    try value.writeCopyText(into: &buffer)
                } catch let error as PostgresStoreError {
                    throw PostgresStoreError("table \(table), column \(columns[index]): \(error.description)")
                }
            }
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        try await session.copy(table: table.lowercased(), columns: columns.map { $0.lowercased() }, data: buffer)
    }

    func count(_ table: String) async throws -> Int64 {
        try session.scalar("SELECT count(*) FROM \(table)")
    }

    func commit(tables: [String]) async throws {
        for (table, key) in PostgresSchema.tables where key == ["id"] {
            try session.run("SELECT setval(pg_get_serial_sequence('\(table.lowercased())', 'id'), greatest(1, (SELECT max(id) FROM \(table))))")
        }
        try session.script("COMMIT")
        // A store just filled has no planner statistics until autovacuum's turn comes.
        try session.script("ANALYZE")
        session.close()
    }

    func abort() async {
        try? session.script("ROLLBACK")
        session.close()
    }
}

extension PostgresSession {
    func tables() async throws -> [String] {
        try run("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").map { try $0.decode(String.self) }
    }

    /// A table's columns, lower case as PostgreSQL keeps unquoted names.
    func columns(_ table: String) async throws -> [String] {
        var bindings = PostgresBindings()
        bindings.append(table.lowercased())
        return try run(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
            bindings
        ).map { try $0.decode(String.self) }
    }

    /// `COPY table (columns) FROM STDIN` with rows in COPY's text format.
    func copy(table: String, columns: [String], data: ByteBuffer) async throws {
        do {
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in try await writer.write(data) }
        } catch {
            throw PostgresStoreError("\(location): COPY into \(table): \(PostgresSession.message(error))")
        }
    }
}

extension CellValue {
    init(cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int8, .int4, .int2: self = .int(try cell.decode(Int64.self))
        case .float8, .float4: self = .real(try cell.decode(Double.self))
        case .bytea:
            var buffer = try cell.decode(ByteBuffer.self)
            self = .blob(buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .bool: self = .int(try cell.decode(Bool.self) ? 1 : 0)
        default: self = .text(try cell.decode(String.self))
        }
    }

    func bind(into bindings: inout PostgresBindings) throws {
        switch self {
        case .null: bindings.appendNull()
        case let .int(number): bindings.append(number)
        case let .real(number): bindings.append(number)
        case let .text(text): bindings.append(text)
        case let .blob(bytes): bindings.append(ByteBuffer(bytes: bytes))
        }
    }

    /// The value as a field of COPY's text format: `\N` for NULL, backslash escapes for the
    /// delimiter, line ends and the backslash itself, bytea as `\\x` and hex.
    func writeCopyText(into buffer: inout ByteBuffer) throws {
        switch self {
        case .null: buffer.writeStaticString("\\N")
        case let .int(number): buffer.writeString(String(number))
        case let .real(number):
            if number.isNaN {
                buffer.writeStaticString("NaN")
            } else if number.isInfinite {
                buffer.writeStaticString(number < 0 ? "-Infinity" : "Infinity")
            } else {
                buffer.writeString("\(number)")
            }
        case let .text(text):
            for byte in text.utf8 {
                switch byte {
                case 0: throw PostgresStoreError("a NUL character, which PostgreSQL text cannot hold")
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                default: buffer.writeInteger(byte)
                }
            }
        case let .blob(bytes):
            buffer.writeStaticString("\\\\x")
            let digits = Array("0123456789abcdef".utf8)
            for byte in bytes {
                buffer.writeInteger(digits[Int(byte >> 4)])
                buffer.writeInteger(digits[Int(byte & 0x0F)])
            }
        }
    }
}
