import Foundation
import GRDB
import TestSupport
import Testing

/// Issue 23, cases 8 and 9: mlsoc writes only to mlsoc stores, and creating a store is safe when
/// several processes do it at once.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: TestStore.onSQLite, "who creates and owns a SQLite file")) struct StoreOwnershipTests {
    func binary() throws -> String { try #require(Shell.mlsocBinary, "build first: swift build (make test does)") }

    func digest(_ path: String) throws -> String { try Shell.run(["sha256sum", path]).stdout }

    @Test(
        "another application's database, with or without a `finding` table, is refused and left byte for byte as it was",
        arguments: [
            "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('alice');",
            "CREATE TABLE finding (id INTEGER PRIMARY KEY, what TEXT); INSERT INTO finding (what) VALUES ('theirs');",
            "PRAGMA application_id = 42; CREATE TABLE t (x);",
        ])
    func foreign(sql: String) throws {
        let mlsoc = try binary()
        let dir = try TestPaths.temporaryDirectory("mlsoc-foreign")
        let path = dir.appendingPathComponent("other.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in try db.execute(sql: sql) }
        try queue.close()
        let before = try digest(path)
        for command in [
            ["ingest", "--db", path, TestPaths.sample("reports/bandit/fraud-detector.sarif")], ["triage", "1", "--state", "in_triage", "--db", path],
            ["findings", "--db", path], ["report", "--db", path],
        ] {
            let run = try Shell.run([mlsoc] + command)
            #expect(run.status != 0, "\(command)")
            #expect(run.stderr.contains("not an mlsoc store"), "\(command): \(run.stderr)")
        }
        #expect(try digest(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try DatabaseQueue(path: path).read { db in try db.tableExists("grdb_migrations") } == false)
    }

    @Test("an empty file and a store of the previous release open; both are marked as mlsoc stores")
    func oursAreMarked() throws {
        let mlsoc = try binary()
        let dir = try TestPaths.temporaryDirectory("mlsoc-ours")
        let empty = dir.appendingPathComponent("empty.db").path
        FileManager.default.createFile(atPath: empty, contents: nil)
        #expect(try Shell.run([mlsoc, "ingest", "--db", empty, TestPaths.sample("reports/bandit/fraud-detector.sarif")]).status == 0)
        #expect(try DatabaseQueue(path: empty).read { db in try Int.fetchOne(db, sql: "PRAGMA application_id") } == 0x6D6C_7363)
        let old = dir.appendingPathComponent("v12.db").path
        let dump = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/FindingStoreTests/Fixtures/store-v12.sql"), encoding: .utf8)
        try DatabaseQueue(path: old).inDatabase { db in try db.execute(sql: dump) }
        let run = try Shell.run([mlsoc, "ingest", "--db", old, TestPaths.sample("reports/modelscan/models.json")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try DatabaseQueue(path: old).read { db in try Int.fetchOne(db, sql: "PRAGMA application_id") } == 0x6D6C_7363)
    }

    @Test("a store whose creation was killed before its first migration (an empty migration table) opens and is finished")
    func killedCreation() throws {
        let mlsoc = try binary()
        let path = try TestPaths.temporaryDirectory("mlsoc-killed").appendingPathComponent("findings.db").path
        // What an older release left when killed between GRDB's migration table and v1-core.
        try DatabaseQueue(path: path).inDatabase { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        let run = try Shell.run([mlsoc, "ingest", "--db", path, TestPaths.sample("reports/bandit/fraud-detector.sarif")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA application_id") } == 0x6D6C_7363)
    }

    @Test("six processes creating one new store at once, three times: every one succeeds, the store is sound")
    func concurrentCreation() throws {
        let mlsoc = try binary()
        for round in 0..<3 {
            let dir = try TestPaths.temporaryDirectory("mlsoc-race-\(round)")
            let db = dir.appendingPathComponent("findings.db").path
            let script =
                (0..<6).map { index in
                    "\(mlsoc) ingest --db \(db) \(TestPaths.sample(index % 2 == 0 ? "reports/bandit/fraud-detector.sarif" : "reports/modelscan/models.json")) > \(dir.path)/out\(index) 2>&1 & "
                }.joined() + "wait"
            _ = try Shell.run(["sh", "-c", script])
            for index in 0..<6 {
                let output = try String(contentsOfFile: "\(dir.path)/out\(index)", encoding: .utf8)
                #expect(
                    !output.contains("Error") && !output.contains("failed") && !output.contains("already exists"),
                    "round \(round), process \(index): \(output)")
            }
            #expect(try DatabaseQueue(path: db).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        }
    }
}
