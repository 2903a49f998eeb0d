import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import FindingStore

/// The grouped Findings view (issue 20): groups from groupSummary and from the rows agree with a
/// fold over every matching row, through ingest, triage, lapsed acceptances and model merges.
@Suite struct GroupTests {
    /// 3 reports × 60 findings over 4 rules, 3 messages, 3 models (and none), 5 files.
    static func store() throws -> FindingStore {
        let store = try TestStore.make()
        for report in 0..<3 {
            _ = try store.ingest(TestStore.header("r\(report)")) { sink in
                for index in 0..<60 {
                    var finding = TestStore.finding(
                        "f\(report)-\(index)", severity: Severity(rawValue: (index * 7 + report) % 5) ?? .info,
                        threat: index % 3 == 0 ? .misconfiguration : .dataPoisoning, tool: "tool\(report % 2)", rule: "R\(index % 4)")
                    finding.message = "message \(index % 3)"
                    finding.model = index % 4 == 3 ? nil : "m\(index % 3)"
                    finding.location = Location(path: "src/file\(index % 5).py", startLine: index)
                    try sink.add(finding)
                }
            }
        }
        return store
    }

    /// The groups a fold over every matching row gives (the definition the store must meet).
    static func folded(_ store: FindingStore, _ filter: FindingFilter, _ grouping: FindingGrouping, now: Int64) throws -> [String: String] {
        let rows = try store.findingsPage(FindingQuery(filter: filter), after: nil, limit: 100_000, now: now)
        var keys: [Int64: String] = [:]
        let queue = TestStore.sql(store)
        try queue.read { db in
            let column =
                switch grouping {
                case .rule: "ruleRef || '/' || messageId"
                case .model: "coalesce(modelId, 0)"
                default: "coalesce(nullif(artifact, ''), (SELECT text FROM path WHERE id = pathId), '')"
                }
            for row in try Row.fetchAll(db, sql: "SELECT id, CAST(\(column) AS TEXT) FROM finding") { keys[row[0]] = row[1] }
        }
        var states: [String: [TriageState: Int]] = [:]
        var worst: [String: Severity] = [:]
        for row in rows {
            let key = keys[row.id]!
            states[key, default: [:]][row.state, default: 0] += 1
            worst[key] = max(worst[key] ?? row.severity, row.severity)
        }
        return states.reduce(into: [:]) { out, entry in
            out[entry.key] = "\(worst[entry.key]!.name) " + FindingGroup(key: .model(0), label: "", states: entry.value, worst: .info).stateSummary
        }
    }

    static func described(_ groups: FindingGroups) -> [String: String] {
        groups.groups.reduce(into: [:]) { out, group in
            let key =
                switch group.key {
                case let .rule(ruleRef, messageID): "\(ruleRef)/\(messageID)"
                case let .model(id): "\(id)"
                case let .artifact(text): text
                }
            out[key] = "\(group.worst.name) \(group.stateSummary)"
        }
    }

    @Test(
        "groups by rule, model and artifact equal a fold over the rows, from the summary and from the rows",
        arguments: ["", "state:open", "sev>=high", "-state:false_positive tool:tool1", "target:data", "state:accepted"])
    func groupsMatchRows(filterText: String) throws {
        let store = try Self.store()
        let now: Int64 = 1_700_100_000
        // The first report's findings were resolved by the third (same tool, same scope). Triage: false positives, an acceptance still running, and two that ended before `now`.
        _ = try store.triage(
            [(id: 121, version: nil), (id: 122, version: nil), (id: 65, version: nil)], action: .falsePositive(reason: "test"),
            actor: "dave", now: 1_700_000_100)
        _ = try store.triage(
            [(id: 130, version: nil)], action: .acceptRisk(reason: "later", until: 1_700_900_000), actor: "dave", now: 1_700_000_100)
        _ = try store.triage(
            [(id: 131, version: nil), (id: 132, version: nil)], action: .acceptRisk(reason: "ended", until: 1_700_050_000), actor: "dave",
            now: 1_700_000_100)
        let queue = TestStore.sql(store)
        let accepted = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT id || ':' || acceptedUntil FROM finding WHERE state = 6 ORDER BY id")
        }
        #expect(accepted == ["130:1700900000", "131:1700050000", "132:1700050000"])
        let filter = try FindingFilter.parse(filterText)
        // A negated text term that matches nothing sends the same query down the rows' path.
        let viaRows = try FindingFilter.parse(filterText + " -\"no such text\"")
        for grouping in [FindingGrouping.rule, .model, .artifact] {
            let expected = try Self.folded(store, filter, grouping, now: now)
            let summary = try store.findingGroups(FindingQuery(filter: filter), by: grouping, now: now)
            let rows = try store.findingGroups(FindingQuery(filter: viaRows), by: grouping, now: now)
            #expect(summary.fromSummary == (grouping != .artifact))
            #expect(!rows.fromSummary)
            #expect(Self.described(summary) == expected, "\(grouping) \(filterText) summary")
            #expect(Self.described(rows) == expected, "\(grouping) \(filterText) rows")
            #expect(summary.total == expected.count)
        }
    }

    @Test("groupSummary follows ingest, bulk triage and a model merge: it equals a GROUP BY over the rows")
    func summaryFollowsRows() throws {
        let store = try Self.store()
        _ = try store.triage(
            (10...40).map { (id: Int64($0), version: nil) }, action: .falsePositive(reason: "bulk"), actor: "dave",
            now: 1_700_000_200)
        _ = try store.ingest(TestStore.header("alias")) { sink in try sink.noteAlias("m1", of: "m0", reason: "config alias") }
        let queue = TestStore.sql(store)
        let (kept, grouped) = try queue.read { db in
            (
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT ruleRef || '/' || messageId || '/' || modelId || '/' || threat || '/' || severity || '/' || state || '=' || sum(count)
                        FROM groupSummary GROUP BY ruleRef, messageId, modelId, threat, severity, state HAVING sum(count) != 0 ORDER BY 1
                        """),
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT ruleRef || '/' || messageId || '/' || coalesce(modelId, 0) || '/' || threat || '/' || severity || '/' || state
                               || '=' || count(*)
                        FROM finding GROUP BY ruleRef, messageId, coalesce(modelId, 0), threat, severity, state ORDER BY 1
                        """)
            )
        }
        #expect(!kept.isEmpty && kept == grouped)
    }

    @Test("labels: tool, rule and message; model names; artefacts; the most severe group first")
    func labels() throws {
        let store = try Self.store()
        let byRule = try store.findingGroups(FindingQuery(), by: .rule)
        #expect(byRule.total == 2 * 12)  // tool0 and tool1, each 4 rules × 3 messages, all twelve pairs
        let first = try #require(byRule.groups.first)
        #expect(first.tool.hasPrefix("tool") && first.ruleID.hasPrefix("R") && first.label.hasPrefix("message "))
        #expect(byRule.groups.map(\.worst) == byRule.groups.map(\.worst).sorted(by: >))
        #expect(byRule.groups.map(\.count).reduce(0, +) == 180)
        let byModel = try store.findingGroups(FindingQuery(), by: .model)
        #expect(Set(byModel.groups.map(\.label)) == ["m0", "m1", "m2", "(no model)"])
        let byArtifact = try store.findingGroups(FindingQuery(), by: .artifact, limit: 2)
        #expect(byArtifact.total == 5 && byArtifact.groups.count == 2)
        #expect(byArtifact.groups.allSatisfy { $0.label.hasPrefix("src/file") })
    }

    @Test("a group's findings: the page and the count of a query with the group")
    func groupMembers() throws {
        let store = try Self.store()
        let groups = try store.findingGroups(FindingQuery(), by: .rule)
        for group in groups.groups {
            let query = FindingQuery(group: group.key)
            let page = try store.findingsPage(query, after: nil, limit: 1_000)
            #expect(page.count == group.count)
            #expect(try store.count(query, now: 1_700_000_000) == group.count)
            #expect(Set(page.map { "\($0.tool)/\($0.ruleID)/\($0.message)" }).count == 1)
            let similar = try #require(try store.ruleGroup(ofFinding: page[0].id))
            #expect(similar == group.key)
        }
        for group in try store.findingGroups(FindingQuery(), by: .artifact).groups {
            #expect(try store.findingsPage(FindingQuery(group: group.key), after: nil, limit: 1_000).count == group.count)
        }
        for group in try store.findingGroups(FindingQuery(), by: .model).groups {
            #expect(try store.findingsPage(FindingQuery(group: group.key), after: nil, limit: 1_000).count == group.count)
        }
    }

    @Test(
        "counts from the summary equal the rows' count, lapsed acceptances included",
        arguments: ["", "state:open", "sev>=high", "-state:false_positive tool:tool1", "target:data", "state:accepted", "-state:open rule:R1"])
    func countsFromSummary(filterText: String) throws {
        let store = try Self.store()
        let now: Int64 = 1_700_100_000
        _ = try store.triage(
            [(id: 121, version: nil), (id: 65, version: nil)], action: .falsePositive(reason: "test"), actor: "dave", now: 1_700_000_100)
        _ = try store.triage(
            [(id: 130, version: nil)], action: .acceptRisk(reason: "later", until: 1_700_900_000), actor: "dave", now: 1_700_000_100)
        _ = try store.triage(
            [(id: 131, version: nil), (id: 132, version: nil)], action: .acceptRisk(reason: "ended", until: 1_700_050_000), actor: "dave",
            now: 1_700_000_100)
        let filter = try FindingFilter.parse(filterText)
        let rows = try store.findingsPage(FindingQuery(filter: filter), after: nil, limit: 100_000, now: now).count
        #expect(try store.count(FindingQuery(filter: filter), now: now) == rows, "\(filterText)")
        // The same through the rows (a term the summary has no column for, matching everything).
        let viaRows = try FindingFilter.parse(filterText + " -\"no such text\"")
        #expect(try store.count(FindingQuery(filter: viaRows), now: now) == rows)
        // One model's.
        var query = FindingQuery(filter: filter)
        query.modelID = 0
        #expect(try store.count(query, now: now) == (try store.findingsPage(query, after: nil, limit: 100_000, now: now).count))
    }
}
