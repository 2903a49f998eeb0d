import FindingStore
import Findings
import GRDB
import TestSupport
import Testing

@Suite struct FilterQueryTests {
    /// 60 findings over tools, severities, cells and two models.
    static func store() throws -> FindingStore {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { sink in
            for index in 0..<60 {
                var finding = TestStore.finding(
                    "f\(index)", severity: Severity(rawValue: index % 5) ?? .info,
                    threat: Threat.matrixOrder[index % Threat.matrixOrder.count],
                    tool: index % 3 == 0 ? "garak" : "bandit", rule: "B\(index % 4)")
                finding.model = index % 2 == 0 ? "fraud-detector" : (index % 5 == 1 ? nil : "chat-bot")
                finding.taxonomy.cwe = index % 6 == 0 ? ["CWE-502"] : ["CWE-5020"]
                if index == 7 { finding.message = "100% pickle_load here" }
                try sink.add(finding)
            }
        }
        return store
    }

    /// Every row the query returns, walked page by page.
    static func all(_ store: FindingStore, _ text: String, sort: FindingSort = .severity, now: Int64 = 1_700_000_000) throws -> [FindingRow] {
        let query = FindingQuery(filter: try FindingFilter.parse(text), sort: sort)
        var rows: [FindingRow] = []
        var cursor: PageCursor?
        while true {
            let page = try store.findingsPage(query, after: cursor, limit: 7, now: now)
            guard let last = page.last else { return rows }
            rows += page
            cursor = last.cursor(for: sort)
        }
    }

    @Test(
        "each filter term returns exactly the rows it describes",
        arguments: [
            "sev>=high", "tool:garak", "model:fraud*", "model:none", "target:data", "cwe:502", "-tool:garak", "rule:B1,B2",
            "tool:gar* sev:low", "state:open", "state:closed", "pickle", "id:3,4,5",
        ])
    func matchesPredicate(text: String) throws {
        let store = try Self.store()
        let everything = try Self.all(store, "")
        #expect(everything.count == 60)
        let filtered = try Self.all(store, text)
        let expected = everything.filter { row in
            switch text {
            case "sev>=high": row.severity >= .high
            case "tool:garak": row.tool == "garak"
            case "model:fraud*": row.model == "fraud-detector"
            case "model:none": row.model == nil
            case "target:data": row.threat.target == .data
            case "cwe:502": row.taxonomy.cwe == ["CWE-502"]
            case "-tool:garak": row.tool != "garak"
            case "rule:B1,B2": ["B1", "B2"].contains(row.ruleID)
            case "tool:gar* sev:low": row.tool == "garak" && row.severity == .low
            case "state:open": row.state.isOpen
            case "state:closed": !row.state.isOpen
            case "pickle": row.message.contains("pickle")
            default: [3, 4, 5].contains(row.id)
            }
        }
        #expect(!expected.isEmpty || text == "state:closed")
        #expect(filtered.map(\.id) == expected.map(\.id), "\(text)")
    }

    @Test("LIKE wildcards in a filter value are literal")
    func likeEscaped() throws {
        let store = try Self.store()
        #expect(try Self.all(store, #""100%""#).count == 1)
        #expect(try Self.all(store, "_").isEmpty == false)  // the one message with an underscore
        #expect(try Self.all(store, "tool:g_rak").isEmpty)
        #expect(try Self.all(store, "model:%").isEmpty)
    }

    @Test("every sort walks all rows once in its order")
    func sorts() throws {
        let store = try Self.store()
        for sort in FindingSort.allCases {
            let rows = try Self.all(store, "", sort: sort)
            #expect(rows.count == 60 && Set(rows.map(\.id)).count == 60, "\(sort)")
            let keys = rows.map { $0.cursor(for: sort) }
            for (a, b) in zip(keys, keys.dropFirst()) {
                switch sort {
                case .severity, .newest: #expect((a.key, a.id) > (b.key, b.id))
                case .oldest, .due: #expect((a.key, a.id) < (b.key, b.id))
                }
            }
        }
    }

    @Test("sla:overdue holds open findings past their due date")
    func overdue() throws {
        let store = try Self.store()
        // Critical findings are due in 7 days, high in 30: 10 days later only critical ones are overdue.
        let later = 1_700_000_000 + 10 * 86_400
        let overdue = try Self.all(store, "sla:overdue", now: Int64(later))
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.severity == .critical })
        #expect(try Self.all(store, "sla:overdue").isEmpty)
    }

    @Test("actor and event terms select findings by their history and filter the audit log")
    func auditFilter() throws {
        let store = try Self.store()
        // Creation is the finding's row and its first scan (no event row since schema v10).
        #expect(try Self.all(store, "actor:tester event:created").count == 60)
        #expect(try Self.all(store, "actor:nobody").isEmpty)
        let garak = try Self.all(store, "tool:garak").map(\.id)
        for id in garak + [try #require(try Self.all(store, "tool:bandit").first?.id)] {
            _ = try store.triage(id, expectedVersion: nil, action: .falsePositive(reason: "fixture"), actor: "alice", now: 1_700_000_100)
        }
        #expect(try Self.all(store, "actor:alice").count == 21)
        #expect(try Self.all(store, "actor:alice event:created").count == 21)
        #expect(try Self.all(store, "actor:alice -event:state").isEmpty)
        let page = try store.auditPage(filter: try FindingFilter.parse("actor:alice tool:garak"), before: nil, limit: 100)
        #expect(page.count == 20 && page.allSatisfy { $0.tool == "garak" && $0.actor == "alice" })
        let next = try store.auditPage(before: page[4].id, limit: 3)
        #expect(next.map(\.id) == [page[4].id - 1, page[4].id - 2, page[4].id - 3])
    }

    @Test("model risks come from the summary table and match a count over the rows")
    func modelRisks() throws {
        let store = try Self.store()
        let risks = try store.modelRisks(now: 1_700_000_000)
        let rows = try Self.all(store, "state:open")
        for risk in risks {
            let mine = rows.filter { $0.model == (risk.id == 0 ? nil : risk.name) }
            #expect(risk.openCount == mine.count, "\(risk.name)")
            let expected = mine.reduce(0.0) { $0 + RiskWeights.standard.weight($1.severity) }
            #expect(risk.score() == expected, "\(risk.name)")
            #expect(risk.trend.last == (risk.id == 0 ? nil : expected))
        }
        #expect(Set(risks.map(\.name)) == ["fraud-detector", "chat-bot", "(no model)"])
        let fraud = try #require(risks.first { $0.name == "fraud-detector" })
        let breakdown = try store.modelBreakdown(modelID: fraud.id)
        #expect(breakdown.matrix.totalOpen == fraud.openCount)
        #expect(breakdown.byTool.map(\.key).sorted() == ["bandit", "garak"])
        #expect(breakdown.byTool.reduce(0) { $0 + $1.score() } == fraud.score())
    }

    @Test("the finding detail carries evidence, mapping and history")
    func detail() throws {
        let store = try Self.store()
        let detail = try #require(try store.findingDetail(id: 8))
        #expect(detail.message == "100% pickle_load here")
        #expect(detail.events.map(\.kind) == ["created"])
        #expect(detail.events.first?.actor == "tester" && detail.events.first?.to == "new")
        #expect(detail.slaDue != nil)
        #expect(try store.findingDetail(id: 9999) == nil)
    }
}
