import Findings
import TestSupport
import Testing

@testable import FindingStore

/// `sla:overdue` counts come from dueSummary (schema v26) without reading the overdue rows. They
/// must be the rows' own count at every moment: between and inside the summary's stretches, on a
/// due date to the second, per project, with acceptances running and lapsed, after triage moved
/// findings out of the open states, after due dates changed and rows went.
@Suite struct DueSummaryTests {
    static let start: Int64 = 1_700_000_000

    /// 240 findings from 8 reports ingested 5 h 7 min apart into two projects (so due dates spread
    /// over stretches and fall inside them), every severity (info has no SLA); then triage.
    static func store() throws -> FindingStore {
        let store = try TestStore.make()
        for report in 0..<8 {
            var header = TestStore.header("report-\(report)", at: start + Int64(report) * 18_420)
            header.project = report % 2 == 0 ? "alpha" : "beta"
            _ = try store.ingest(header) { sink in
                for index in 0..<30 {
                    try sink.add(TestStore.finding("d\(report)-\(index)", severity: Severity(rawValue: index % 5) ?? .info))
                }
            }
        }
        let ids = try store.findingsPage(FindingQuery(sort: .oldest), after: nil, limit: 1_000, now: start).map(\.id)
        for id in ids where id % 7 == 0 {
            _ = try store.triage(id, expectedVersion: nil, action: .falsePositive(reason: "test"), actor: "a", now: start + 100)
        }
        for id in ids where id % 9 == 0 {
            // Accepted until day 10: running before it, lapsed after, while the due dates go by.
            _ = try store.triage(
                id, expectedVersion: nil, action: .acceptRisk(reason: "r", until: start + 86_400 * 10), actor: "a", now: start + 100)
        }
        return store
    }

    /// The rows' count: FilterSQL's condition over every finding.
    static func plain(_ store: FindingStore, _ query: FindingQuery, now: Int64) throws -> Int {
        let (conditions, arguments) = FindingStore.conditions(query, now: now)
        return try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM finding f WHERE " + conditions.joined(separator: " AND "), arguments: arguments) ?? 0
        }
    }

    /// Moments from before the first due date to after the last: every 3 h 1 min, each due date
    /// itself and the second after it, and the edges of the stretches.
    static func moments(_ store: FindingStore) throws -> [Int64] {
        let dues = try store.read { db in try Int64.fetchAll(db, sql: "SELECT DISTINCT slaDue FROM finding WHERE slaDue IS NOT NULL") }
        let first = try #require(dues.min()) - 86_400
        let last = try #require(dues.max()) + 86_400
        var moments = Array(stride(from: first, through: last, by: 10_860))
        moments += dues.flatMap { [$0, $0 + 1] }
        moments += dues.map { ($0 >> Schema.dueStretchShift) << Schema.dueStretchShift }
        moments += dues.map { (($0 >> Schema.dueStretchShift) << Schema.dueStretchShift) - 1 }
        return moments.sorted()
    }

    static func check(_ store: FindingStore, _ texts: [String], at moments: [Int64]) throws {
        var overdueSeen = 0
        for text in texts {
            let query = FindingQuery(filter: try FindingFilter.parse(text))
            #expect(FindingStore.overdueScope(query, now: start) != nil, "\(text) is counted from the summary")
            for now in moments {
                let expected = try plain(store, query, now: now)
                #expect(try store.count(query, now: now) == expected, "\(text) at \(now - start) s")
                overdueSeen = max(overdueSeen, expected)
            }
        }
        #expect(overdueSeen > 50, "the moments reach past most due dates")
    }

    @Test("the overdue count from dueSummary is the rows' count at every moment, per project, with acceptances running and lapsed")
    func countsMatchRows() throws {
        let store = try Self.store()
        try Self.check(
            store, ["sla:overdue", "sla:overdue project:alpha", "sla:overdue -project:alpha", "project:beta sla:overdue"],
            at: try Self.moments(store))
    }

    @Test("after triage, moved due dates and deleted rows, the summary still counts what the rows hold")
    func followsUpdatesAndDeletes() throws {
        let store = try Self.store()
        let ids = try store.findingsPage(FindingQuery(sort: .oldest), after: nil, limit: 1_000, now: Self.start).map(\.id)
        for id in ids where id % 5 == 1 {
            _ = try store.triage(id, expectedVersion: nil, action: .resolve(note: "fixed"), actor: "a", now: Self.start + 200)
        }
        for id in ids where id % 5 == 1 && id % 2 == 0 {
            _ = try store.triage(id, expectedVersion: nil, action: .reopen(reason: "back"), actor: "a", now: Self.start + 300)
        }
        try TestStore.sql(store).write { db in
            try db.execute(sql: "UPDATE finding SET slaDue = slaDue + 25000 WHERE id % 4 = 3")
            try db.execute(sql: "UPDATE finding SET slaDue = NULL WHERE id % 23 = 0")
            try db.execute(sql: "DELETE FROM finding WHERE id % 6 = 2 AND id NOT IN (SELECT findingId FROM findingEvent)")
        }
        try Self.check(store, ["sla:overdue", "sla:overdue project:beta"], at: try Self.moments(store))
        // The summary holds exactly the rows with a due key, stretch by stretch.
        let summary = try store.read { db in
            try String.fetchAll(
                db, sql: "SELECT projectId || '/' || stretch || '=' || count FROM dueSummary WHERE count != 0 ORDER BY projectId, stretch")
        }
        let rows = try store.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT projectId || '/' || (slaDue >> 16) || '=' || count(*) FROM finding
                    WHERE state IN (0, 1, 2, 6) AND slaDue IS NOT NULL GROUP BY projectId, slaDue >> 16 ORDER BY projectId, slaDue >> 16
                    """)
        }
        #expect(!rows.isEmpty)
        #expect(summary == rows)
    }

    @Test("other filters are not counted from dueSummary")
    func onlyOverdueAndProjects() throws {
        for text in ["sla:overdue sev:high", "-sla:overdue", "sla:due", "sla:overdue model:x", "project:alpha"] {
            #expect(FindingStore.overdueScope(FindingQuery(filter: try FindingFilter.parse(text)), now: Self.start) == nil, "\(text)")
        }
    }
}
