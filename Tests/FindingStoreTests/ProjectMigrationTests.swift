import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import FindingStore

/// Schema v13 (projects and coverage) on a store written by the previous release: `Fixtures/store-v12.sql`
/// is `sqlite3 .dump` of the demo store (every sample report, one false positive, one acceptance)
/// as mlsoc at fd3df8e wrote it.
@Suite struct ProjectMigrationTests {
    static func previousRelease() throws -> (path: String, queue: DatabaseQueue) {
        let dump = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/FindingStoreTests/Fixtures/store-v12.sql"),
            encoding: .utf8)
        let path = try TestPaths.temporaryDirectory("mlsoc-v12").appendingPathComponent("findings.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in try db.execute(sql: dump) }
        return (path, queue)
    }

    @Test("a v12 store opens with every scan in `default`: findings, states, history and summaries kept")
    func fromPreviousRelease() throws {
        let (path, queue) = try Self.previousRelease()
        func snapshot(_ db: Database) throws -> [String] {
            try String.fetchAll(
                db,
                sql: """
                    SELECT hex(fingerprint) || ' ' || state || ' ' || coalesce(modelId, 0) || ' ' || lastScanId || ' ' || version FROM finding ORDER BY id
                    """)
        }
        let before = try queue.read(snapshot)
        let events = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM findingEvent") }
        let models = try queue.read { db in try String.fetchAll(db, sql: "SELECT name || '|' || version FROM model ORDER BY id") }
        #expect(before.count == 150)
        let store = try FindingStore(path: path)
        #expect(try store.quickCheck() == "ok")
        let after = try queue.read(snapshot)
        #expect(after == before)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM findingEvent") } == events)
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT name || '|' || version FROM model ORDER BY id") } == models)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") } == 0)
        #expect(try store.projectNames() == ["default"])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scan WHERE projectId != 1") } == 0)
        // The summaries still equal the rows, now per project.
        let grouped = try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT coalesce(modelId, 0) || ' ' || projectId || ' ' || threat || ' ' || severity || ' ' || state || ' ' || count(*)
                    FROM finding GROUP BY coalesce(modelId, 0), projectId, threat, severity, state ORDER BY 1
                    """)
        }
        let summary = try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT modelId || ' ' || projectId || ' ' || threat || ' ' || severity || ' ' || state || ' ' || count
                    FROM summaryCell WHERE count != 0 ORDER BY 1
                    """)
        }
        #expect(summary == grouped)
        // v20 fills the group summary from the rows it finds.
        let groups = try queue.read { db in
            (
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT ruleRef || ' ' || messageId || ' ' || modelId || ' ' || severity || ' ' || state || ' ' || count
                        FROM groupSummary WHERE count != 0 ORDER BY 1
                        """),
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT ruleRef || ' ' || messageId || ' ' || coalesce(modelId, 0) || ' ' || severity || ' ' || state || ' ' || count(*)
                        FROM finding GROUP BY ruleRef, messageId, coalesce(modelId, 0), severity, state ORDER BY 1
                        """)
            )
        }
        #expect(!groups.0.isEmpty && groups.0 == groups.1)
        #expect(try store.matrixSummary().totalOpen == (try store.matrixSummary(projectID: 1).totalOpen))
        let detail = try #require(try store.findingDetail(id: 1))
        #expect(detail.state == .falsePositive)
        // The same report again is still "already ingested"; a report's coverage now decides what it resolves.
        #expect(
            try store.hasScan(
                sha256: try queue.read { db in
                    try #require(try Data.fetchOne(db, sql: "SELECT sha256 FROM scan WHERE sourcePath LIKE '%bandit/fraud-detector.sarif'"))
                }.map { $0 }))
        // Triage still moves the summaries (the v13 triggers): resolving an open finding.
        let open = try #require(try store.findingsPage(FindingQuery(filter: try FindingFilter.parse("state:open")), after: nil, limit: 1).first)
        let openBefore = try store.matrixSummary().totalOpen
        _ = try store.triage([(id: open.id, version: open.version)], action: .resolve(note: "fixed"), actor: "tester", now: 1_800_000_000)
        #expect(try store.matrixSummary().totalOpen == openBefore - 1)
        #expect(try store.modelRisks().reduce(0) { $0 + $1.openCount } == openBefore - 1)
    }
}
