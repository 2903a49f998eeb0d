import FindingStore
import Foundation
import GRDB

/// Where a store is: a SQLite file or a PostgreSQL URL.
public enum StoreEndpoint: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public static func parse(_ text: String, environment: [String: String] = [:]) throws -> StoreEndpoint {
        PostgresLocation.isURL(text) ? .postgres(try PostgresLocation.parse(text, environment: environment)) : .sqlite(path: text)
    }

    public var description: String {
        switch self {
        case let .sqlite(path): path
        case let .postgres(location): location.description
        }
    }
}

/// One value of a copied row, as both backends store it.
enum CellValue: Sendable, Equatable {
    case null
    case int(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// What a copy reads: every table in one consistent snapshot.
protocol CopySource: AnyObject {
    /// Column names as the backend reports them.
    func columns(_ table: String) async throws -> [String]
    func tables() async throws -> [String]
    func count(_ table: String) async throws -> Int64
    /// The next `limit` rows in key order after `after` (from the start when nil).
    func page(_ table: String, columns: [String], key: [String], after: [CellValue]?, limit: Int) async throws -> [[CellValue]]
    func close() async
}

/// What a copy writes: an empty store, committed only when every count matches.
protocol CopySink: AnyObject {
    func columns(_ table: String) async throws -> [String]
    /// Refuses a store that holds anything, then clears what a new store starts with.
    func prepare(tables: [String]) async throws
    func write(_ table: String, columns: [String], rows: [[CellValue]]) async throws
    func count(_ table: String) async throws -> Int64
    func commit(tables: [String]) async throws
    /// Leaves the destination as it was (a new SQLite file is removed, a server transaction rolled back).
    func abort() async
}

/// `mlsoc store copy FROM TO`: every table of a store into an empty store of either backend, a page
/// at a time (memory stays flat however large the store), then a count check per table before the
/// destination is committed. Summaries are copied as they are, not recomputed: they are the
/// source's, kept on write, and the counts prove the rows under them arrived.
public enum StoreCopy {
    public struct TableCount: Sendable, Equatable {
        public let table: String
        public let rows: Int64
    }

    /// Rows per page: a few MB at most for the widest table.
    static let pageSize = 2_000

    /// Copies `from` into `to`; `progress` hears each table's running count.
    public static func run(
        from: StoreEndpoint, to: StoreEndpoint, progress: @Sendable (String, Int64, Int64) -> Void = { _, _, _ in }
    ) async throws -> [TableCount] {
        let source: any CopySource
        switch from {
        case let .sqlite(path): source = try SQLiteCopySource(path: path)
        case let .postgres(location): source = try await PostgresCopySource.open(location)
        }
        let sink: any CopySink
        do {
            switch to {
            case let .sqlite(path): sink = try SQLiteCopySink(path: path)
            case let .postgres(location): sink = try await PostgresCopySink.open(location)
            }
        } catch {
            await source.close()
            throw error
        }
        do {
            let counts = try await copy(source: source, sink: sink, caseFrom: from, progress: progress)
            await source.close()
            return counts
        } catch {
            await sink.abort()
            await source.close()
            throw error
        }
    }

    private static func copy(
        source: any CopySource, sink: any CopySink, caseFrom: StoreEndpoint, progress: @Sendable (String, Int64, Int64) -> Void
    ) async throws -> [TableCount] {
        let names = PostgresSchema.tables.map(\.name)
        let known = Set(names.map { $0.lowercased() })
        if let extra = try await source.tables().first(where: { !known.contains($0.lowercased()) }) {
            throw PostgresStoreError("the source has a table this mlsoc does not copy (\(extra)): use the mlsoc that wrote it")
        }
        try await sink.prepare(tables: names)
        var counts: [TableCount] = []
        for (table, key) in PostgresSchema.tables {
            let sourceColumns = try await source.columns(table)
            let sinkColumns = try await sink.columns(table)
            let sourceSet = Set(sourceColumns.map { $0.lowercased() })
            let sinkSet = Set(sinkColumns.map { $0.lowercased() })
            guard sourceSet == sinkSet, !sourceSet.isEmpty else {
                let onlySource = sourceSet.subtracting(sinkSet).sorted()
                let onlySink = sinkSet.subtracting(sourceSet).sorted()
                throw PostgresStoreError(
                    "table \(table) differs between the stores (only in the source: \(onlySource.joined(separator: ", ")); only in the destination: \(onlySink.joined(separator: ", "))): their schemas are of different mlsoc versions"
                )
            }
            // The SQLite side's spelling (camelCase); PostgreSQL folds unquoted names either way.
            let columns: [String]
            if case .sqlite = caseFrom { columns = sourceColumns } else { columns = sinkColumns }
            guard columns.allSatisfy(isIdentifier) else { throw PostgresStoreError("table \(table) has a column name mlsoc did not write") }
            let keyIndexes = try key.map { name in
                guard let index = columns.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                    throw PostgresStoreError("table \(table) has no key column \(name)")
                }
                return index
            }
            let expected = try await source.count(table)
            var copied: Int64 = 0
            var after: [CellValue]?
            while true {
                let rows = try await source.page(table, columns: columns, key: key, after: after, limit: pageSize)
                guard let last = rows.last else { break }
                try await sink.write(table, columns: columns, rows: rows)
                copied += Int64(rows.count)
                after = keyIndexes.map { last[$0] }
                progress(table, copied, expected)
            }
            guard copied == expected else {
                throw PostgresStoreError("table \(table): read \(copied) rows of the \(expected) the source counted")
            }
            let written = try await sink.count(table)
            guard written == expected else {
                throw PostgresStoreError("table \(table): the destination holds \(written) rows, the source \(expected): nothing was committed")
            }
            counts.append(TableCount(table: table, rows: expected))
        }
        try await sink.commit(tables: names)
        return counts
    }

    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// `WHERE (k1, k2) > (p1, p2)` with the backend's placeholders.
    static func keyCondition(_ key: [String], placeholder: (Int) -> String) -> String {
        let marks = key.indices.map(placeholder)
        if key.count == 1 { return "\(key[0]) > \(marks[0])" }
        return "(\(key.joined(separator: ", "))) > (\(marks.joined(separator: ", ")))"
    }
}

// MARK: - SQLite

/// Reads a SQLite store through one snapshot: writers may go on, the copy sees one moment.
final class SQLiteCopySource: CopySource {
    private let snapshot: DatabaseSnapshot
    private let pool: DatabasePool

    init(path: String) throws {
        // The read-only open says what is wrong with a file that is not a current mlsoc store.
        do {
            _ = try FindingStore(path: path, mode: .readOnly)
        } catch let error as StoreError {
            throw PostgresStoreError(error.description)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.label = "mlsoc-copy-source"
        pool = try DatabasePool(path: path, configuration: configuration)
        snapshot = try pool.makeSnapshot()
    }

    func tables() async throws -> [String] {
        try await snapshot.read { db in
            try String.fetchAll(db, sql: FindingStore.recordTablesSQL)
        }
    }

    func columns(_ table: String) async throws -> [String] {
        try await snapshot.read { db in try db.columns(in: table).map(\.name) }
    }

    func count(_ table: String) async throws -> Int64 {
        try await snapshot.read { db in try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    func page(_ table: String, columns: [String], key: [String], after: [CellValue]?, limit: Int) async throws -> [[CellValue]] {
        var sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table)"
        var arguments = StatementArguments()
        if let after {
            sql += " WHERE " + StoreCopy.keyCondition(key) { _ in "?" }
            arguments = StatementArguments(after.map(\.databaseValue))
        }
        sql += " ORDER BY \(key.joined(separator: ", ")) LIMIT \(limit)"
        let (query, values) = (sql, arguments)
        return try await snapshot.read { db in
            try Row.fetchAll(db, sql: query, arguments: values).map { row in
                (0..<row.count).map { CellValue(row[$0] as DatabaseValue) }
            }
        }
    }

    func close() async {}
}

/// Writes a new SQLite store: created and migrated as any store is (mode 0600), filled a page per
/// transaction with foreign keys checked once at the end, and removed again when the copy fails.
final class SQLiteCopySink: CopySink {
    private let path: String
    private let queue: DatabaseQueue

    init(path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw PostgresStoreError("\(path) exists: a copy goes into a new store; remove it or name another file")
        }
        self.path = path
        do {
            _ = try FindingStore(path: path, mode: .readWrite)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            configuration.busyMode = .timeout(10)
            configuration.label = "mlsoc-copy-sink"
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as StoreError {
            Self.remove(path)
            throw PostgresStoreError(error.description)
        }
    }

    func columns(_ table: String) async throws -> [String] {
        try await queue.read { db in try db.columns(in: table).map(\.name) }
    }

    func prepare(tables: [String]) async throws {
        try await clearNewStore(tables: tables, count: count) { table in
            try await self.queue.write { db in try db.execute(sql: "DELETE FROM \(table)") }
        }
    }

    func write(_ table: String, columns: [String], rows: [[CellValue]]) async throws {
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        try await queue.write { db in
            let statement = try db.cachedStatement(sql: sql)
            for row in rows {
                try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
            }
        }
    }

    func count(_ table: String) async throws -> Int64 {
        try await queue.read { db in try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    func commit(tables: [String]) async throws {
        let problems = try await queue.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
        if problems > 0 { throw PostgresStoreError("\(path): \(problems) rows refer to rows the copy did not bring (foreign keys)") }
        // The path trigram index (schema v29) is not copied: made from the paths that arrived.
        try await queue.write { db in try FindingStore.indexNewPaths(db) }
        try queue.close()
    }

    func abort() async {
        try? queue.close()
        Self.remove(path)
    }

    private static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// A new store of either backend holds only the default project: anything more and the copy stops
/// before it writes; otherwise the default project goes (the source brings its own).
func clearNewStore(tables: [String], count: (String) async throws -> Int64, delete: (String) async throws -> Void) async throws {
    for table in tables {
        let rows = try await count(table)
        let allowed: Int64 = table == "project" ? 1 : 0
        if rows > allowed {
            throw PostgresStoreError("the destination already holds a store (\(rows) rows in \(table)): a copy goes into an empty store")
        }
    }
    try await delete("project")
}

extension CellValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(number): self = .int(number)
        case let .double(number): self = .real(number)
        case let .string(text): self = .text(text)
        case let .blob(data): self = .blob(Array(data))
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case let .int(number): number.databaseValue
        case let .real(number): number.databaseValue
        case let .text(text): text.databaseValue
        case let .blob(bytes): Data(bytes).databaseValue
        }
    }
}
