import FindingStore
import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@Suite struct IngestWriteTests {
    @Test("findings land and the matrix summary follows in the same transaction")
    func summaryMaintained() throws {
        let store = try TestStore.make()
        let outcome = try store.ingest(TestStore.header("r1")) { sink in
            try sink.add(TestStore.finding("a", severity: .critical, threat: .dataLoss))
            try sink.add(TestStore.finding("b", severity: .low, threat: .dataLoss))
            try sink.add(TestStore.finding("c", severity: .high, threat: .unclassified))
        }
        #expect(outcome.new == 3 && outcome.total == 3)
        let matrix = try store.matrixSummary()
        #expect(matrix.openCount(.dataLoss, .critical) == 1)
        #expect(matrix.openCount(.dataLoss, .low) == 1)
        #expect(matrix.openCount(.unclassified) == 1)
        #expect(matrix.total == 3)
    }

    @Test("the summary equals a GROUP BY over the rows after state changes")
    func summaryMatchesRows() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r1")) { sink in
            for index in 0..<40 {
                try sink.add(
                    TestStore.finding(
                        "f\(index)", severity: Severity(rawValue: index % 5) ?? .low,
                        threat: Threat.matrixOrder[index % Threat.matrixOrder.count]))
            }
        }
        let queue = TestStore.sql(store)
        try queue.write { db in
            try db.execute(sql: "UPDATE finding SET state = 3 WHERE id % 3 = 0")
            try db.execute(sql: "UPDATE finding SET severity = 4 WHERE id % 7 = 0")
        }
        let grouped = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT threat, severity, state, count(*) AS n FROM finding GROUP BY 1, 2, 3")
        }
        var expected = MatrixSummary()
        for row in grouped {
            expected.add(
                threat: Threat(rawValue: row["threat"])!, severity: Severity(rawValue: row["severity"])!,
                state: TriageState(rawValue: row["state"])!, count: row["n"])
        }
        #expect(try store.matrixSummary() == expected)
    }

    @Test("the same file twice is a no-op")
    func sameFileTwice() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("same")) { try $0.add(TestStore.finding("a")) }
        let second = try store.ingest(TestStore.header("same")) { try $0.add(TestStore.finding("b")) }
        #expect(second.alreadyIngested)
        #expect(try store.counts() == (findings: 1, scans: 1, models: 0))
    }

    @Test("a finding seen again is unchanged; repeats inside one report at another line are further occurrences, at the same place duplicates")
    func seenAgain() throws {
        let store = try TestStore.make()
        var elsewhere = TestStore.finding("a")
        elsewhere.location?.startLine = 9
        _ = try store.ingest(TestStore.header("r1")) { try $0.add(TestStore.finding("a")) }
        let outcome = try store.ingest(TestStore.header("r2", at: 1_700_000_100)) { sink in
            try sink.add(TestStore.finding("a"))
            try sink.add(elsewhere)
            try sink.add(TestStore.finding("a"))
            try sink.add(elsewhere)
            try sink.add(TestStore.finding("b"))
        }
        #expect(outcome.unchanged == 1 && outcome.repeated == 1 && outcome.new == 2 && outcome.duplicates == 2)
        #expect(try store.counts().findings == 3)
        let again = try store.ingest(TestStore.header("r3", at: 1_700_000_200)) { sink in
            try sink.add(TestStore.finding("a"))
            try sink.add(elsewhere)
            try sink.add(TestStore.finding("b"))
        }
        #expect(again.new == 0 && again.unchanged == 3 && again.resolved == 0)
    }

    @Test("a resolved finding that comes back is reopened with an event")
    func reopen() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r1")) { try $0.add(TestStore.finding("a")) }
        let queue = TestStore.sql(store)
        try queue.write { db in try db.execute(sql: "UPDATE finding SET state = 5") }
        let outcome = try store.ingest(TestStore.header("r2")) { try $0.add(TestStore.finding("a")) }
        #expect(outcome.reopened == 1)
        let row = try #require(try store.findingsPage(after: nil, limit: 10).first)
        #expect(row.state == .new)
        #expect(try store.events(findingID: row.id).map(\.kind) == ["created", "reopened"])
    }

    @Test("a false positive is never reopened by an ingest")
    func falsePositiveStays() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r1")) { try $0.add(TestStore.finding("a")) }
        let queue = TestStore.sql(store)
        try queue.write { db in try db.execute(sql: "UPDATE finding SET state = 3") }
        let outcome = try store.ingest(TestStore.header("r2")) { try $0.add(TestStore.finding("a")) }
        #expect(outcome.reopened == 0 && outcome.unchanged == 1)
        #expect(try store.findingsPage(after: nil, limit: 1).first?.state == .falsePositive)
    }

    @Test("an error while producing rolls the whole report back")
    func rollback() throws {
        struct Boom: Error {}
        let store = try TestStore.make()
        #expect(throws: Boom.self) {
            try store.ingest(TestStore.header("bad")) { sink in
                try sink.add(TestStore.finding("a"))
                throw Boom()
            }
        }
        #expect(try store.counts() == (findings: 0, scans: 0, models: 0))
        #expect(try store.matrixSummary().total == 0)
    }
}

@Suite struct ReimportTests {
    /// One report of `keys`; by default it says it covered the whole tree (as a SARIF run with
    /// its artifacts would), so what it no longer reports is resolved.
    func ingest(
        _ store: FindingStore, _ name: String, category: String = "", tool: String = "testtool",
        covers: [Coverage.Entry] = [.root("")], _ keys: [String]
    ) throws -> IngestOutcome {
        var header = TestStore.header(name)
        header.category = category
        return try store.ingest(header) { sink in
            for entry in covers { sink.noteCoverage(entry) }
            sink.noteTool(name: tool, version: nil)
            for key in keys { try sink.add(TestStore.finding(key, tool: tool)) }
        }
    }

    @Test("the report again with one finding removed resolves exactly that one, with an event")
    func disappeared() throws {
        let store = try TestStore.make()
        _ = try ingest(store, "r1", ["a", "b", "c"])
        let second = try ingest(store, "r2", ["a", "c"])
        #expect(second.resolved == 1 && second.unchanged == 2)
        let rows = try store.findingsPage(after: nil, limit: 10)
        #expect(rows.filter { $0.state == .resolved }.map(\.message) == ["message b"])
        let b = try #require(rows.first { $0.message == "message b" })
        let last = try #require(try store.events(findingID: b.id).last)
        #expect(last.kind == "disappeared" && last.from == "new" && last.to == "resolved")
        let third = try ingest(store, "r3", ["a", "b", "c"])
        #expect(third.reopened == 1)
    }

    @Test("a clean report that says it covered the tree resolves everything its tool reported before")
    func cleanReport() throws {
        let store = try TestStore.make()
        _ = try ingest(store, "r1", ["a", "b"])
        let clean = try ingest(store, "r2", [])
        #expect(clean.resolved == 2)
        #expect(try store.matrixSummary().totalOpen == 0)
    }

    @Test("a clean report that does not say what it scanned resolves nothing, and says why")
    func cleanReportWithoutCoverage() throws {
        let store = try TestStore.make()
        _ = try ingest(store, "r1", ["a", "b"])
        let clean = try ingest(store, "r2", covers: [], [])
        #expect(clean.resolved == 0)
        #expect(clean.resolvedNothingBecause?.contains("--covers") == true)
        #expect(try store.matrixSummary().totalOpen == 2)
    }

    @Test("other tools and other categories are left alone")
    func scopesAreSeparate() throws {
        let store = try TestStore.make()
        _ = try ingest(store, "r1", ["a"])
        _ = try ingest(store, "r2", tool: "other", ["x"])
        _ = try ingest(store, "r3", category: "nightly", ["n"])
        let again = try ingest(store, "r4", ["a"])
        #expect(again.resolved == 0)
        #expect(try store.matrixSummary().totalOpen == 3)
    }

    @Test("false positives that disappear stay false positives")
    func closedStayClosed() throws {
        let store = try TestStore.make()
        _ = try ingest(store, "r1", ["a", "b"])
        let queue = TestStore.sql(store)
        try queue.write { db in
            try db.execute(sql: "UPDATE finding SET state = 3 WHERE messageId = (SELECT id FROM message WHERE text = 'message b')")
        }
        let second = try ingest(store, "r2", ["a"])
        #expect(second.resolved == 0)
        #expect(try store.findingsPage(after: nil, limit: 10).first { $0.message == "message b" }?.state == .falsePositive)
    }
}
