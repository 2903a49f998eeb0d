import FindingStore
import Foundation
import GRDBSQLite

/// The raw-SQLite baseline: the rows an mlsoc ingest wrote (scan, the paths it added, findings,
/// evidence, events), inserted again through SQLite's C API with prepared statements, into the same
/// schema (its indexes, triggers and foreign keys), with the same pragmas and one transaction per
/// report, as mlsoc does, and the paths added to their trigram index before each COMMIT (schema
/// v29: mlsoc's one statement). What mlsoc adds on top (reading and hashing files, parsing,
/// mapping, fingerprinting, deduplication, summaries per report) is the difference.
struct RawBaseline {
    enum Table: Int {
        case finding, evidence, event, path
    }

    /// One report's rows, in the order mlsoc wrote them: each finding, then its evidence and event.
    struct Report {
        var scan: [RawValue]
        var rows: [(table: Table, values: [RawValue])]
    }

    var reports: [Report] = []
    var findingCount: Int { reports.reduce(0) { $0 + $1.rows.filter { $0.table == .finding }.count } }
    /// Rows the baseline needs that are not what it measures (rules, models, scopes and message
    /// texts the ingest created): copied before the clock starts.
    var dimensions: [(table: String, rows: [[RawValue]])] = []
    private var columns: [String: [String]] = [:]

    /// Reads the rows of every scan after `afterScan`, and the paths after `afterPath`, from the
    /// store an mlsoc ingest wrote.
    static func capture(from path: String, afterScan: Int64, afterPath: Int64) throws -> RawBaseline {
        let db = try RawDatabase(path: path, readOnly: true)
        var baseline = RawBaseline()
        for table in ["scan", "finding", "findingEvidence", "findingEvent", "rule", "model", "scope", "modelAlias", "message", "taxonomy", "path"] {
            baseline.columns[table] = try db.rows("SELECT name FROM pragma_table_info('\(table)') ORDER BY cid").map { $0[0].text }
        }
        // One pass over each table: the rows of these scans come after every older row.
        let scans = try db.rows("SELECT * FROM scan WHERE id > ? ORDER BY id", [.integer(afterScan)])
        let firstFinding = try db.rows("SELECT coalesce(max(id), 0) FROM finding WHERE lastScanId <= ?", [.integer(afterScan)])
        let after: RawValue = firstFinding.first?.first ?? .integer(0)
        var findingsByScan: [Int64: [[RawValue]]] = [:]
        for row in try db.rows("SELECT * FROM finding WHERE id > ? ORDER BY id", [after]) {
            if case let .integer(scan) = row[baseline.columns["finding"]?.firstIndex(of: "lastScanId") ?? 0] {
                findingsByScan[scan, default: []].append(row)
            }
        }
        var evidenceByFinding: [Int64: [RawValue]] = [:]
        for row in try db.rows("SELECT * FROM findingEvidence WHERE findingId > ?", [after]) {
            if case let .integer(id) = row[0] { evidenceByFinding[id] = row }
        }
        // The paths these scans added, each written before the first finding that names it, as
        // mlsoc does.
        let pathColumn = baseline.columns["finding"]?.firstIndex(of: "pathId") ?? 0
        var newPaths: [Int64: [RawValue]] = [:]
        for row in try db.rows("SELECT * FROM path WHERE id > ? ORDER BY id", [.integer(afterPath)]) {
            if case let .integer(id) = row[0] { newPaths[id] = row }
        }
        var eventsByFinding: [Int64: [[RawValue]]] = [:]
        for row in try db.rows("SELECT * FROM findingEvent WHERE scanId > ? ORDER BY id", [.integer(afterScan)]) {
            if case let .integer(id) = row[1] { eventsByFinding[id, default: []].append(row) }
        }
        for scan in scans {
            guard case let .integer(scanID) = scan[0] else { continue }
            var report = Report(scan: scan, rows: [])
            for row in findingsByScan[scanID] ?? [] {
                guard case let .integer(id) = row[0] else { continue }
                if case let .integer(pathID) = row[pathColumn], let path = newPaths.removeValue(forKey: pathID) {
                    report.rows.append((.path, path))
                }
                report.rows.append((.finding, row))
                if let evidence = evidenceByFinding[id] { report.rows.append((.evidence, evidence)) }
                for event in eventsByFinding[id] ?? [] { report.rows.append((.event, event)) }
            }
            baseline.reports.append(report)
        }
        for table in ["rule", "model", "scope", "modelAlias", "message", "taxonomy"] {
            baseline.dimensions.append((table, try db.rows("SELECT * FROM \(table)")))
        }
        return baseline
    }

    /// Inserts the captured rows into `path` (a store with the schema, e.g. a copy of the store the
    /// ingest started from); returns the seconds from the first BEGIN to the last COMMIT.
    /// `transaction` gives the transaction each report (by scan id) was written in by mlsoc:
    /// consecutive reports with the same number are inserted in one transaction here too.
    func insert(into path: String, pragmas: [String] = [], transaction: (Int64) -> Int) throws -> Double {
        let start: Double
        do {
            let db = try RawDatabase(path: path, readOnly: false)
            // The pragmas mlsoc's writer connection runs with during an ingest.
            let pages = Int(try db.scalar("PRAGMA page_count"))
            for pragma in ["synchronous = NORMAL", "busy_timeout = 10000"] + FindingStore.ingestPragmas(pageCount: pages) + pragmas {
                try db.execute("PRAGMA \(pragma)")
            }
            try db.execute("BEGIN IMMEDIATE")
            for (table, rows) in dimensions where !rows.isEmpty {
                let statement = try db.prepare(insertSQL(table, or: "IGNORE"))
                for row in rows { try statement.run(row) }
            }
            try db.execute("COMMIT")
            let scan = try db.prepare(insertSQL("scan"))
            let statements = [
                try db.prepare(insertSQL("finding")), try db.prepare(insertSQL("findingEvidence")),
                try db.prepare(insertSQL("findingEvent")), try db.prepare(insertSQL("path")),
            ]
            start = Measure.now()
            let groups = reports.map { report -> Int in
                guard case let .integer(id) = report.scan[0] else { return 0 }
                return transaction(id)
            }
            for (number, report) in reports.enumerated() {
                if number == 0 || groups[number] != groups[number - 1] { try db.execute("BEGIN IMMEDIATE") }
                try scan.run(report.scan)
                for row in report.rows { try statements[row.table.rawValue].run(row.values) }
                if number == reports.count - 1 || groups[number] != groups[number + 1] {
                    try db.execute(FindingStore.indexNewPathsSQL)
                    try db.execute("COMMIT")
                }
            }
            // Leaving the scope closes the connection, which runs the last checkpoint as it does
            // when `mlsoc ingest` exits: on the clock too.
        }
        return Measure.now() - start
    }

    private func insertSQL(_ table: String, or conflict: String? = nil) -> String {
        let names = columns[table] ?? []
        let verb = conflict.map { "INSERT OR \($0)" } ?? "INSERT"
        return "\(verb) INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
    }
}

/// One SQLite value, read and bound through the C API.
enum RawValue {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null

    var text: String {
        switch self {
        case let .text(value): value
        case let .integer(value): String(value)
        case let .real(value): String(value)
        case .blob, .null: ""
        }
    }
}

/// A minimal SQLite connection over the C API (no GRDB), for the baseline and the store checks.
final class RawDatabase {
    let handle: OpaquePointer

    init(path: String, readOnly: Bool) throws {
        var pointer: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        guard sqlite3_open_v2(path, &pointer, flags, nil) == SQLITE_OK, let pointer else {
            throw BenchError("cannot open \(path)")
        }
        handle = pointer
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError("\(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
    }

    func prepare(_ sql: String) throws -> RawPrepared {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError("\(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
        return RawPrepared(handle: statement, db: handle)
    }

    func rows(_ sql: String, _ arguments: [RawValue] = []) throws -> [[RawValue]] {
        try prepare(sql).all(arguments)
    }

    func scalar(_ sql: String) throws -> Int64 {
        guard case let .integer(value)? = try rows(sql).first?.first else { return 0 }
        return value
    }
}

final class RawPrepared {
    let handle: OpaquePointer
    let db: OpaquePointer
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(handle: OpaquePointer, db: OpaquePointer) {
        self.handle = handle
        self.db = db
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private func bind(_ values: [RawValue]) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case let .integer(v): sqlite3_bind_int64(handle, index, v)
            case let .real(v): sqlite3_bind_double(handle, index, v)
            case let .text(v): sqlite3_bind_text(handle, index, v, -1, RawPrepared.transient)
            case let .blob(v): v.withUnsafeBytes { _ = sqlite3_bind_blob(handle, index, $0.baseAddress, Int32(v.count), RawPrepared.transient) }
            case .null: sqlite3_bind_null(handle, index)
            }
        }
    }

    /// Runs an INSERT (or any statement without rows).
    func run(_ values: [RawValue]) throws {
        bind(values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw BenchError(String(cString: sqlite3_errmsg(db)))
        }
    }

    func all(_ values: [RawValue]) throws -> [[RawValue]] {
        bind(values)
        defer { sqlite3_reset(handle) }
        var rows: [[RawValue]] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
            rows.append((0..<sqlite3_column_count(handle)).map(column))
        }
        return rows
    }

    private func column(_ index: Int32) -> RawValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(handle, index)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }
}
