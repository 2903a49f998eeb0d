import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import FindingStore

/// Schema v10/v11 moved messages to their own table, stopped writing a "created" event per finding
/// and took the summary's insert trigger out: a store written before keeps everything.
@Suite struct CompactMigrationTests {
    @Test("a v9 store migrates: messages, artefacts, history and summaries are kept")
    func fromV9() throws {
        let path = try TestPaths.temporaryDirectory("mlsoc-migrate").appendingPathComponent("old.db").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v9-triage")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO scan (id, tool, format, sourcePath, sha256, ingestedAt, actor) VALUES (1, 'bandit', 'sarif', 'a.sarif', x'01', 100, 'carol');
                    INSERT INTO rule (id, tool, ruleId, title) VALUES (1, 'bandit', 'B301', 'pickle');
                    INSERT INTO finding (id, fingerprint, ruleRef, message, severity, threat, firstSeen, lastSeen, lastScanId, artifact, path)
                    VALUES (1, x'0011', 1, 'Pickle is unsafe', 3, 22, 100, 100, 1, 'app/a.py', 'app/a.py'),
                           (2, x'0022', 1, 'Pickle is unsafe', 2, 22, 100, 100, 1, 'models/x.pkl', 'app/b.py'),
                           (3, x'0033', 1, 'Another message', 1, 22, 100, 100, 1, NULL, NULL);
                    INSERT INTO findingEvent (findingId, at, actor, kind, toValue, scanId) VALUES (1, 100, 'carol', 'created', 'new', 1);
                    """)
        }
        let store = try FindingStore(path: path)
        #expect(try store.quickCheck() == "ok")
        let first = try #require(try store.findingDetail(id: 1))
        #expect(first.message == "Pickle is unsafe" && first.artifact == "app/a.py")
        #expect(first.events.map(\.kind) == ["created"] && first.events.first?.actor == "carol")  // the stored event, once
        let second = try #require(try store.findingDetail(id: 2))
        #expect(second.message == "Pickle is unsafe" && second.artifact == "models/x.pkl")
        let third = try #require(try store.findingDetail(id: 3))
        #expect(third.message == "Another message" && third.artifact == nil)
        #expect(third.events.map(\.kind) == ["created"] && third.events.first?.actor == "carol")  // made from its row
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM message") } == 2)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") } == 0)
        // The summary still follows the rows: a new ingest adds, a triage change moves.
        _ = try store.ingest(TestStore.header("b")) { try $0.add(TestStore.finding("new one")) }
        #expect(try store.counts().findings == 4)
        _ = try store.triage(1, expectedVersion: nil, action: .falsePositive(reason: "test"), actor: "dave", now: 200)
        #expect(try store.matrixSummary().totalOpen == 3)
        let summed = try queue.read { db in try Int.fetchOne(db, sql: "SELECT sum(count) FROM summaryCell") }
        #expect(summed == 4)
    }

    @Test("ingest keeps the summary equal to the rows, foreign keys intact, and the writer's checks back on")
    func summaryFollowsRows() throws {
        let store = try TestStore.make()
        for report in 0..<3 {
            _ = try store.ingest(TestStore.header("r\(report)")) { sink in
                for index in 0..<50 {
                    var finding = TestStore.finding("f\(report)-\(index)", severity: Severity(rawValue: index % 5) ?? .info)
                    finding.model = index % 3 == 0 ? "m\(index % 4)" : nil
                    try sink.add(finding)
                }
            }
        }
        let queue = TestStore.sql(store)
        let (rows, summed, broken) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM finding") ?? -1,
                try Int.fetchOne(db, sql: "SELECT sum(count) FROM summaryCell") ?? -1,
                // The server checks foreign keys on every row; SQLite's ingest turns them off.
                TestStore.onSQLite ? try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") ?? -1 : 0
            )
        }
        #expect(rows == 150 && summed == 150 && broken == 0)
        // The ingest turns foreign keys off on the writer for its transaction only.
        if TestStore.onSQLite { #expect(try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1) }
        #expect {
            try TestStore.sql(store).write { db in try db.execute(sql: "INSERT INTO findingEvidence (findingId, evidence) VALUES (999999, 'x')") }
        } throws: { error in "\(error)".lowercased().contains("foreign key") }
    }
}
