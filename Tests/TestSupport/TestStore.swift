import FindingStore
import Findings
import Foundation
import GRDB

@testable import PostgresStore

/// A fresh store, one per test: a SQLite file in its own temporary directory, or with
/// MLSOC_TEST_BACKEND=postgres a new database on the test server (MLSOC_TEST_POSTGRES). The store,
/// ingest and read-only suites run once per backend that way (`make test`): the same tests, not copies.
public enum TestStore {
    public enum Backend: String, Sendable {
        case sqlite, postgres
    }

    /// The backend `make()` gives stores on.
    public static var backend: Backend {
        ProcessInfo.processInfo.environment["MLSOC_TEST_BACKEND"].flatMap(Backend.init(rawValue:)) ?? .sqlite
    }

    /// For the tests of what only a SQLite file has (its pragmas, its file, its own connections).
    public static var onSQLite: Bool { backend == .sqlite }

    public static func make() throws -> FindingStore {
        if backend == .postgres { return try makeOnServer() }
        let directory = try TestPaths.temporaryDirectory("mlsoc-store")
        return try FindingStore(path: directory.appendingPathComponent("findings.db").path)
    }

    /// The same store opened again, as another process would: a second connection on SQLite, a
    /// second pair of sessions on the server.
    public static func reopen(_ store: FindingStore, mode: FindingStore.Mode = .readWrite) throws -> FindingStore {
        try open(store.path, mode: mode)
    }

    /// A store in a new database on the test server; the server is thrown away after the run.
    public static func makeOnServer(readOnly: Bool = false) throws -> FindingStore {
        let location = try PostgresLocation.parse(try newServerDatabase())
        return try FindingStore(server: try PostgresBackend.open(location, readOnly: readOnly), mode: readOnly ? .readOnly : .readWrite)
    }

    /// Where a new store goes, for the binary's `--db`: a file in a new temporary directory, or a new
    /// empty database on the test server (the first command that writes migrates it).
    public static func location(_ label: String) throws -> String {
        guard backend == .postgres else { return try TestPaths.temporaryDirectory(label).appendingPathComponent("findings.db").path }
        return try newServerDatabase()
    }

    /// The store at a location `location(_:)` gave (a file, or a database on the test server), as
    /// the binary's `--db` opens it.
    public static func open(_ location: String, mode: FindingStore.Mode = .readWrite) throws -> FindingStore {
        guard PostgresLocation.isURL(location) else { return try FindingStore(path: location, mode: mode) }
        let backend = try PostgresBackend.open(try PostgresLocation.parse(location), readOnly: mode == .readOnly)
        return try FindingStore(server: backend, mode: mode)
    }

    /// A synthetic store (`SyntheticStore`) at a location `location(_:)` gave: built by SQL on a
    /// file, and for the server copied there by the binary's `mlsoc store copy`.
    public static func synthetic(_ location: String, findings count: Int) throws {
        guard PostgresLocation.isURL(location) else { return try SyntheticStore.make(path: location, findings: count) }
        let file = try TestPaths.temporaryDirectory("mlsoc-synthetic").appendingPathComponent("findings.db").path
        try SyntheticStore.make(path: file, findings: count)
        guard let binary = Shell.mlsocBinary else { throw PostgresStoreError("build first: swift build (make test does)") }
        let copy = try Shell.run([binary, "store", "copy", file, location])
        guard copy.status == 0 else { throw PostgresStoreError("store copy to \(location) failed: \(copy.stderr)") }
    }

    /// What a store holds, as text that changes when anything in it does: a SQLite file's bytes and
    /// its write-ahead log's (an empty -wal, which a reader may create, holds nothing; the -shm is
    /// every reader's index, not content), or on the server a digest of every row of every table.
    public static func contentDigest(_ location: String) throws -> String {
        guard PostgresLocation.isURL(location) else {
            let held = [location, location + "-wal"].filter {
                ((try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0) > 0
            }
            return try Shell.run(["sha256sum"] + held).stdout
        }
        let server = try PostgresSession.connect(try PostgresLocation.parse(location))
        defer { server.close() }
        let tables = try server.run("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            .map { try $0.decode(String.self) }
        return try tables.map { table in
            let digest = try server.run("SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM \"\(table)\" t")
            return "\(table) \(try digest.first?.decode(String.self) ?? "")"
        }.joined(separator: "\n")
    }

    /// Runs `statements` on the store at `location` outside mlsoc (to take a schema back to an
    /// older one, say), each as its own statement, in one transaction.
    public static func execute(_ location: String, _ statements: [String]) throws {
        guard PostgresLocation.isURL(location) else {
            let queue = try DatabaseQueue(path: location)
            try queue.write { db in
                for statement in statements { try db.execute(sql: statement) }
            }
            return try queue.close()
        }
        let server = try PostgresSession.connect(try PostgresLocation.parse(location))
        defer { server.close() }
        try server.script((["BEGIN"] + statements + ["COMMIT"]).joined(separator: ";\n"))
    }

    /// The URL of a new, empty database on the test server.
    static func newServerDatabase() throws -> String {
        guard let admin = TestPostgres.adminURL else {
            throw PostgresStoreError("MLSOC_TEST_BACKEND=postgres: \(TestPostgres.missing)")
        }
        let name = "mlsoc_s_" + UUID().uuidString.filter(\.isHexDigit).prefix(16).lowercased()
        let server = try PostgresSession.connect(try PostgresLocation.parse(admin))
        defer { server.close() }
        try server.run("CREATE DATABASE \(name)")
        return TestPostgres.url(admin, database: name)
    }

    /// A finding with just enough set; `key` decides the fingerprint.
    public static func finding(
        _ key: String, severity: Severity = .high, threat: Threat = .misconfiguration,
        tool: String = "testtool", rule: String = "R1"
    ) -> Finding {
        var bytes = Array(key.utf8.prefix(16))
        while bytes.count < 16 { bytes.append(0) }
        return Finding(
            fingerprint: Fingerprint(bytes: bytes), tool: tool, ruleID: rule, title: "rule \(rule)",
            message: "message \(key)", severity: severity, threat: threat,
            location: Location(path: "src/\(key).py", startLine: 3))
    }

    /// A scan header with a sha256 made from `name`.
    public static func header(_ name: String, at time: Int64 = 1_700_000_000) -> ScanHeader {
        var sha = Array(name.utf8.prefix(32))
        while sha.count < 32 { sha.append(0x5A) }
        return ScanHeader(format: "test", sourcePath: name, sha256: sha, ingestedAt: time, actor: "tester")
    }
}

/// SQL on a test's store whatever its backend, in place of a `DatabaseQueue` on the SQLite file:
/// the same statements (the store's dialect), on the store's own connections.
public struct StoreSQL {
    let store: FindingStore

    public func read<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try store.readForTests(body)
    }

    public func write<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try store.writeForTests(body)
    }
}

extension TestStore {
    public static func sql(_ store: FindingStore) -> StoreSQL {
        StoreSQL(store: store)
    }
}
