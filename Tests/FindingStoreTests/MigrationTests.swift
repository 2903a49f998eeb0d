import FindingStore
import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@Suite struct MigrationTests {
    @Test("a new store has the schema, WAL, owner-only permissions", .enabled(if: TestStore.onSQLite, "a SQLite file"))
    func freshStore() throws {
        let store = try TestStore.make()
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let queue = TestStore.sql(store)
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["finding", "findingEvent", "findingEvidence", "summaryCell", "modelSnapshot", "model", "rule", "scan"] {
            #expect(tables.contains(table))
        }
        let mode = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try store.quickCheck() == "ok")
    }

    @Test("the store's connections use synchronous=NORMAL and a busy timeout", .enabled(if: TestStore.onSQLite, "SQLite pragmas"))
    func pragmas() throws {
        let store = try TestStore.make()
        #expect(try store.pragma("synchronous") == 1)
        #expect(try store.pragma("busy_timeout") ?? 0 >= 5000)
        #expect(try store.pragma("foreign_keys") == 1)
    }

    @Test("opening twice migrates once and keeps data")
    func reopen() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("a")) { try $0.add(TestStore.finding("one")) }
        let again = try TestStore.reopen(store)
        #expect(try again.counts().findings == 1)
    }

    @Test("the audit trail rejects UPDATE and DELETE")
    func auditIsAppendOnly() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("a")) { try $0.add(TestStore.finding("one")) }
        _ = try store.triage(1, expectedVersion: nil, action: .note("checked"), actor: "tester", now: 1_700_000_100)
        let queue = TestStore.sql(store)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM findingEvent") } == 1)
        // SQLite's trigger, or the server's trigger (and its REVOKE): the database refuses.
        #expect {
            try queue.write { db in try db.execute(sql: "UPDATE findingEvent SET actor = 'mallory'") }
        } throws: { error in "\(error)".contains("append-only") }
        #expect {
            try queue.write { db in try db.execute(sql: "DELETE FROM findingEvent") }
        } throws: { error in "\(error)".contains("append-only") }
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT actor FROM findingEvent") } == "tester")
    }

    @Test("a read-only store refuses writes and does not create files", .enabled(if: TestStore.onSQLite, "a SQLite file"))
    func readOnly() throws {
        let directory = try TestPaths.temporaryDirectory()
        let missing = directory.appendingPathComponent("none.db").path
        #expect(throws: StoreError.self) { try FindingStore(path: missing, mode: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let store = try TestStore.make()
        let reader = try FindingStore(path: store.path, mode: .readOnly)
        #expect(throws: StoreError.self) {
            try reader.ingest(TestStore.header("b")) { try $0.add(TestStore.finding("x")) }
        }
    }
}
