import Findings
import GRDB
import TestSupport
import Testing

@testable import FindingStore

/// The page plans (issue 25) read pages as merges of index streams bounded by groupSummary. Their
/// pages must be exactly those of one plain query over the same conditions, in every sort, both
/// ways, for the filters that pick each plan, and with triage having moved findings between states.
@Suite struct PagePlanTests {
    static let now: Int64 = 1_700_000_000 + 86_400 * 40

    /// 300 findings over 3 tools, 9 rules, 3 models and none, every severity and threat; some with
    /// other locations in a model's files; some triaged (closed, accepted, one acceptance lapsed).
    static func store() throws -> FindingStore {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { sink in
            for index in 0..<300 {
                var finding = TestStore.finding(
                    "p\(index)", severity: Severity(rawValue: (index * 7) % 5) ?? .info,
                    threat: Threat.matrixOrder[(index * 3) % Threat.matrixOrder.count],
                    tool: ["garak", "bandit", "modelscan"][index % 3], rule: "B\(index % 9)")
                finding.model = index % 4 == 3 ? nil : ["fraud-detector", "chat-bot", "ranker"][index % 4]
                finding.taxonomy = TaxonomyIDs(cwe: Self.cwes(index).map { "CWE-" + $0 })
                // A third share seven service files (the rest are one file each: src/p<index>.py).
                if index % 3 == 0 { finding.location = Location(path: "svc/api_\(index % 7).py", startLine: index) }
                if index % 10 == 5 {
                    finding.otherLocations = [OtherLocation(Location(path: "models/m\(index).pkl", startLine: 1), model: "ranker")]
                }
                try sink.add(finding)
            }
        }
        let ids = try store.findingsPage(FindingQuery(sort: .oldest), after: nil, limit: 300, now: now).map(\.id)
        for id in ids where id % 11 == 0 {
            _ = try store.triage(id, expectedVersion: nil, action: .falsePositive(reason: "test"), actor: "a", now: 1_700_000_100)
        }
        for id in ids where id % 13 == 0 {
            _ = try store.triage(id, expectedVersion: nil, action: .inTriage(note: nil), actor: "a", now: 1_700_000_100)
        }
        for id in ids where id % 17 == 0 {
            // Accepted until day 20: lapsed by `now` (day 40), so new again at read time.
            _ = try store.triage(
                id, expectedVersion: nil, action: .acceptRisk(reason: "r", until: 1_700_000_000 + 86_400 * 20), actor: "a",
                now: 1_700_000_100)
        }
        return store
    }

    /// The CWE ids of finding `index`: rules B0…B8 each get findings with and without them.
    static func cwes(_ index: Int) -> [String] {
        [["502"], ["94", "502"], ["94"], [], [], []][index % 6]
    }

    /// The reference: one plain query over the same conditions, no plan.
    static func plain(_ store: FindingStore, _ query: FindingQuery) throws -> [Int64] {
        let (conditions, arguments) = FindingStore.conditions(query, now: now)
        let order =
            switch query.sort {
            case .severity: "f.severity DESC, f.id DESC"
            case .newest: "f.id DESC"
            case .oldest: "f.id ASC"
            case .due: "\(FindingStore.dueKey) ASC, f.id ASC"
            }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try store.read { db in
            try Int64.fetchAll(db, sql: "SELECT f.id FROM finding f \(whereClause) ORDER BY \(order)", arguments: arguments)
        }
    }

    /// Each query of `counted` is counted by a summary (`by`) and the count is the rows'; none of
    /// `not` is counted that way.
    static func expectCounted(_ store: FindingStore, by scope: (FindingQuery) -> Bool, _ counted: [String], not others: [String]) throws {
        for text in counted {
            let query = FindingQuery(filter: try FindingFilter.parse(text))
            #expect(scope(query), "\(text) is counted from the summary")
            #expect(try store.count(query, now: now) == plain(store, query).count, "\(text)")
        }
        for text in others {
            #expect(!scope(FindingQuery(filter: try FindingFilter.parse(text))), "\(text)")
        }
    }

    /// Every row, page by page (7 a page, so pages end inside streams), forward and then backward.
    static func walk(_ store: FindingStore, _ query: FindingQuery, backward: Bool = false) throws -> [Int64] {
        var ids: [Int64] = []
        var cursor: PageCursor?
        for _ in 0..<60 {
            let page = try store.findingsPage(query, after: cursor, limit: 7, now: now, backward: backward)
            guard let edge = backward ? page.first : page.last else { return ids }
            ids = backward ? page.map(\.id) + ids : ids + page.map(\.id)
            cursor = edge.cursor(for: query.sort)
        }
        Issue.record("more than 60 pages of 7: the walk does not advance (\(query), backward: \(backward))")
        return ids
    }

    @Test(
        "plans give the plain query's pages: rule, tool, model, threat and sparse filters, every sort, both ways",
        arguments: [
            "", "tool:garak", "rule:B1,B2", "rule:B*", "tool:bandit state:open", "model:ranker", "model:fraud*,chat*",
            "model:none", "-model:ranker", "sev>=high state:open", "state:closed", "state:accepted", "state:new", "target:data",
            "sla:overdue", "tool:nothing", "model:ranker tool:bandit sev:critical", "-tool:garak rule:B3",
            "cwe:502", "cwe:94 sev>=high", "-cwe:502", "cwe:94,502 tool:bandit", "cwe:77",
            "path:svc/*", "path:svc/api_3.py", "path:src/p1*", "path:models/*", "path:models/m15.pkl,svc/api_1.py", "path:nowhere/*",
            "path:svc/* sev>=high state:open", "path:*", "-path:svc/*", "path:svc/* tool:garak", "path:src/* model:ranker",
            "p1", "B3", "api_", "pickle", "message", "rule B", "p1 state:open", "api_ -tool:garak", "p2 project:default",
        ])
    func sameAsPlain(text: String) throws {
        let store = try Self.store()
        for sort in FindingSort.allCases {
            let query = FindingQuery(filter: try FindingFilter.parse(text), sort: sort)
            let expected = try Self.plain(store, query)
            #expect(try Self.walk(store, query) == expected, "\(text) by \(sort)")
            #expect(try Self.walk(store, query, backward: true) == expected, "\(text) by \(sort), backward")
            #expect(try store.count(query, now: Self.now) == expected.count, "\(text): count")
        }
        if text == "model:ranker" {
            // Findings whose other location lies in the model's files come too.
            let query = FindingQuery(filter: try FindingFilter.parse(text))
            #expect(try Self.plain(store, query).count > 75)
        }
    }

    @Test("sla:overdue is exactly the rows the list marks overdue: open ones past due, and lapsed acceptances, not running ones")
    func overdueMatchesRows() throws {
        let store = try Self.store()
        let all = try Self.walk(store, FindingQuery(sort: .oldest))
        let rows = try store.findingsPage(FindingQuery(sort: .oldest), after: nil, limit: 1_000, now: Self.now)
        #expect(rows.map(\.id) == all)
        let expected = rows.filter { $0.isOverdue(now: Self.now) }.map(\.id)
        let query = FindingQuery(filter: try FindingFilter.parse("sla:overdue"), sort: .oldest)
        #expect(try Self.walk(store, query) == expected)
        #expect(try store.count(query, now: Self.now) == expected.count)
        // Lapsed acceptances (id % 17) are among them; nothing accepted and running is.
        #expect(expected.contains { $0 % 17 == 0 && $0 % 11 != 0 && $0 % 13 != 0 })
        let running = try store.findingsPage(query, after: nil, limit: 1_000, now: 1_700_000_000 + 86_400 * 19)
        #expect(running.allSatisfy { $0.state != .accepted })
    }

    @Test("cwe: finds exactly the findings that carry the id, also after a remapping gave a rule a taxonomy it never had")
    func cweMatchesWhatWasIngested() throws {
        let store = try Self.store()
        let rows = try store.findingsPage(FindingQuery(sort: .oldest), after: nil, limit: 1_000, now: Self.now)
        #expect(rows.count == 300)
        // Ingested in order: row n is finding "p<n>".
        for (cwe, expected) in [("502", 100), ("94", 100), ("77", 0)] {
            let count = try store.count(FindingQuery(filter: try FindingFilter.parse("cwe:\(cwe)")), now: Self.now)
            #expect(count == expected, "cwe:\(cwe)")
            #expect(count == (0..<300).filter { Self.cwes($0).contains(cwe) }.count)
        }
        // A remapping: one finding of rule B4 (index 4: no CWE) now carries CWE-77.
        let target = rows[4].id
        try TestStore.sql(store).write { db in
            try db.execute(sql: "INSERT INTO taxonomy (text) VALUES ('CWE-77')")
            try db.execute(sql: "UPDATE finding SET taxonomyId = (SELECT id FROM taxonomy WHERE text = 'CWE-77') WHERE id = ?", arguments: [target])
        }
        let query = FindingQuery(filter: try FindingFilter.parse("cwe:77"))
        #expect(try store.count(query, now: Self.now) == 1)
        #expect(try store.findingsPage(query, after: nil, limit: 10, now: Self.now).map(\.id) == [target])
        // Taxonomies taken away and rows deleted: the counts (from taxonomySummary) follow the rows.
        try TestStore.sql(store).write { db in
            try db.execute(sql: "UPDATE finding SET taxonomyId = NULL WHERE id % 10 = 3")
            try db.execute(sql: "DELETE FROM finding WHERE id % 8 = 1 AND id NOT IN (SELECT findingId FROM findingEvent)")
        }
        try Self.expectCounted(
            store, by: { FindingStore.taxonomyScope($0, now: Self.now) != nil },
            ["cwe:502", "cwe:94", "cwe:94 cwe:502", "cwe:77", "cwe:502 project:default", "cwe:502 -project:default"],
            not: ["-cwe:502", "cwe:502 sev:high", "cwe:502 model:ranker", "cwe:502 state:open"])
    }

    @Test("path: and free text read the matching paths' ranges (and, for text, the matching rules'), not every finding")
    func pathPlans() throws {
        let store = try Self.store()
        func indexes(_ text: String, sort: FindingSort = .severity) throws -> [String?] {
            let query = FindingQuery(filter: try FindingFilter.parse(text), sort: sort)
            return try store.read { db in try PagePlan(db, query, now: Self.now).streams?.map(\.index) ?? ["plain"] }
        }
        // Seven service files, one stream each.
        #expect(try indexes("path:svc/*") == Array(repeating: "finding_by_path", count: 7))
        // By id: one stream per file and severity that holds findings (counted on the index).
        let byID = try indexes("path:svc/*", sort: .newest)
        #expect(byID.count > 7 && byID.count <= 35 && byID.allSatisfy { $0 == "finding_by_path" })
        // Other locations only: one stream of their own.
        #expect(try indexes("path:models/*") == [nil])
        #expect(try indexes("path:nowhere/*").isEmpty)
        // Text: rules by title (B3) or message (p1…), and the paths less those.
        #expect(try indexes("B3").allSatisfy { $0 == "finding_by_rule" })
        let text = try indexes("p1")
        #expect(text.contains("finding_by_rule") && text.contains("finding_by_path"))
        #expect(try indexes("api_") == Array(repeating: "finding_by_path", count: 7))
        #expect(try indexes("pickle").isEmpty)
        // Counts of one text term (and projects) from groupSummary and the path-only findings.
        try Self.expectCounted(
            store, by: { FindingStore.textScope($0, now: Self.now) != nil },
            ["p1", "B3", "api_", "pickle", "p2 project:default", "p2 -project:default"], not: ["p1 state:open", "-p1", "p1 p2", "p1 sev:high"])
        // A narrower plan wins: rule streams bounded by the summary over unbounded path ones.
        #expect(try indexes("path:src/* tool:garak").allSatisfy { $0 == "finding_by_rule" })
        // The term the streams imply is left out of them (its subqueries would run once per stream).
        func covered(_ text: String) throws -> Int? {
            let query = FindingQuery(filter: try FindingFilter.parse(text))
            return try store.read { db in try PagePlan(db, query, now: Self.now).covered }
        }
        #expect(try covered("sev>=high path:svc/*") == 1)
        #expect(try covered("state:open p1") == 1)
        #expect(try covered("path:src/* tool:garak") == nil)
        #expect(try covered("tool:garak") == nil)
    }

    @Test("a path glob or text naming more paths than a plan merges reads their findings as one stream, sorted, when they are few")
    func manyPaths() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("w")) { sink in
            for index in 0..<(PagePlan.streamCap + 60) {
                var finding = TestStore.finding("w\(index)", severity: Severity(rawValue: index % 5) ?? .info, rule: "W\(index % 4)")
                finding.location = Location(path: index % 3 == 0 ? "lib/x\(index).py" : "w/\(index).py", startLine: 1)
                try sink.add(finding)
            }
        }
        for text in ["path:w/*", "path:*.py", "w/", ".py", "-path:lib/* path:*.py", "rule W1", "path:*.py sev>=high"] {
            for sort in FindingSort.allCases {
                let query = FindingQuery(filter: try FindingFilter.parse(text), sort: sort)
                let expected = try Self.plain(store, query)
                #expect(!expected.isEmpty)
                #expect(try Self.walk(store, query) == expected, "\(text) by \(sort)")
                #expect(try Self.walk(store, query, backward: true) == expected, "\(text) by \(sort), backward")
            }
        }
        let plan = try store.read { db in try PagePlan(db, FindingQuery(filter: try FindingFilter.parse("path:*.py")), now: Self.now) }
        #expect(plan.streams?.map(\.index) == ["finding_by_path"])
        #expect(plan.covered == 0)
    }

    @Test("free text and infix globs read the paths through their trigrams (schema v29) and find exactly what the scan finds")
    func pathTrigrams() throws {
        let store = try TestStore.make()
        let paths = [
            "src/Pickle_Loader.py", "src/pickle%cache.py", "lib/unpickler.py", "models/Ränker.pkl", "docs/a_b.md", "svc/api.py",
            "Tests/QUOTE\"d.py", "deep/x/y/z/module_42.py", "deep/x/y/z/module_4.py",
        ]
        _ = try store.ingest(TestStore.header("t")) { sink in
            for (index, path) in paths.enumerated() {
                var finding = TestStore.finding("t\(index)", severity: Severity(rawValue: index % 5) ?? .info, rule: "T\(index % 2)")
                finding.location = Location(path: path, startLine: 1)
                try sink.add(finding)
            }
        }
        let texts = [
            "pickle", "PICKLE", "ickle_l", "pickle%c", "unpick", "ränker", "änk", "a_b", "QUOTE\"", "module_42", "module_4", "dule",
            "zzqx", "py", "path:*pickle*", "path:*/module_4?.py", "path:src/*", "path:*QUOTE*", "-path:*pickle*", "path:*zzqx*,*api*",
        ]
        for text in texts {
            let query = FindingQuery(filter: try FindingFilter.parse(text))
            let expected = try Self.plain(store, query)
            #expect(try Self.walk(store, query) == expected, "\(text)")
            #expect(try store.count(query, now: Self.now) == expected.count, "\(text)")
        }
        let ways = try store.read { db in
            try PathNarrowing(db, patterns: ["%pickle%", "%zzqx%", "%py%", "src/%", "%änk%", "%ränker%"])
        }
        // A server store has no trigram index: everything scans there.
        let sqlite = TestStore.onSQLite
        #expect(ways.way("%pickle%") == (sqlite ? .trigrams("\"ckl\" AND \"ick\"") : .scan))
        #expect(ways.way("%zzqx%") == (sqlite ? .nothing : .scan))
        #expect(ways.way("%py%") == .scan)
        #expect(ways.way("src/%") == .scan)
        #expect(ways.way("%änk%") == .scan)
        #expect(ways.way("%ränker%") == (sqlite ? .trigrams("\"ker\" AND \"nke\"") : .scan))
        #expect(PathNarrowing.trigrams("%A\\_b\\%cD%") == ["a_b", "_b%", "b%c", "%cd"])
        #expect(PathNarrowing.trigrams("%ab_cd%") == [])
        guard sqlite else { return }
        // Paths above the index's mark (a copy's, until the next ingest) are scanned beside it.
        _ = try store.ingest(TestStore.header("t2")) { sink in
            var finding = TestStore.finding("tail", severity: .high, rule: "T0")
            finding.location = Location(path: "tail/zebra_pickle.py", startLine: 1)
            try sink.add(finding)
        }
        try store.writeForTests { db in
            try db.execute(
                sql: """
                    INSERT INTO pathText (pathText, rowid, text) SELECT 'delete', id, text FROM path WHERE text = 'tail/zebra_pickle.py';
                    UPDATE pathTextIndexed SET through = through - 1;
                    """)
        }
        for text in ["zebra", "pickle", "path:*zebra*"] {
            let query = FindingQuery(filter: try FindingFilter.parse(text))
            let expected = try Self.plain(store, query)
            #expect(!expected.isEmpty)
            #expect(try Self.walk(store, query) == expected, "\(text), a path above the mark")
            #expect(try store.count(query, now: Self.now) == expected.count, "\(text), a path above the mark")
        }
        #expect(try store.read { db in try PathNarrowing(db, patterns: ["%zebra%"]) }.way("%zebra%") == .nothing)
        // The next ingest indexes it.
        _ = try store.ingest(TestStore.header("t3")) { sink in try sink.add(TestStore.finding("next", severity: .low, rule: "T1")) }
        #expect(try store.read { db in try PathNarrowing(db, patterns: ["%zebra%"]) }.way("%zebra%") == .trigrams("\"bra\" AND \"ebr\""))

    }

    @Test("a model glob naming more models than a plan merges (`model:*`) pages like the plain query")
    func manyModels() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("m")) { sink in
            for index in 0..<(PagePlan.streamCap + 60) {
                var finding = TestStore.finding("m\(index)", severity: Severity(rawValue: index % 5) ?? .info)
                finding.model = "model-\(index)"
                finding.otherLocations = [OtherLocation(Location(path: "w/\(index).bin", startLine: 1), model: "model-\(index + 1)")]
                try sink.add(finding)
            }
        }
        for text in ["model:*", "model:model-1*"] {
            let query = FindingQuery(filter: try FindingFilter.parse(text))
            let expected = try Self.plain(store, query)
            #expect(expected.count >= 10)
            let first = try store.findingsPage(query, after: nil, limit: 50, now: Self.now)
            #expect(first.map(\.id) == Array(expected.prefix(50)), "\(text)")
            let cursor = try #require(first.last).cursor(for: .severity)
            let second = try store.findingsPage(query, after: cursor, limit: 50, now: Self.now)
            #expect(second.map(\.id) == Array(expected.dropFirst(50).prefix(50)), "\(text)")
        }
    }

    @Test("a model's view and a rule group read through the plans give the plain query's pages")
    func viewsAndGroups() throws {
        let store = try Self.store()
        let (modelID, ruleRef, messageID) = try store.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT modelId, ruleRef, messageId FROM finding WHERE modelId IS NOT NULL LIMIT 1")
            return (row?[0] as Int64? ?? 0, row?[1] as Int64? ?? 0, row?[2] as Int64? ?? 0)
        }
        let queries = [
            FindingQuery(modelID: modelID), FindingQuery(modelID: 0), FindingQuery(group: .model(modelID)),
            FindingQuery(group: .rule(ruleRef: ruleRef, messageID: messageID)),
            FindingQuery(filter: try FindingFilter.parse("state:open"), modelID: modelID),
        ]
        for base in queries {
            for sort in FindingSort.allCases {
                var query = base
                query.sort = sort
                let expected = try Self.plain(store, query)
                #expect(!expected.isEmpty)
                #expect(try Self.walk(store, query) == expected, "\(query)")
            }
        }
    }

    @Test(
        "each stream is one index range already in the page's order: no sort step", .enabled(if: TestStore.onSQLite, "SQLite's query plans"),
        arguments: [
            ("finding_by_rule", "f.ruleRef = 1"), ("finding_by_model_severity", "f.modelId = 1"), ("finding_by_cell", "f.threat = 1"),
            ("finding_by_path", "f.pathId = 1"),
        ])
    func streamsUseTheirIndex(index: String, condition: String) throws {
        let store = try TestStore.make()
        let detail = try store.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "EXPLAIN QUERY PLAN SELECT f.id FROM finding f INDEXED BY \(index) WHERE \(condition) ORDER BY f.severity DESC, f.id DESC LIMIT 5"
            ).map { $0["detail"] as String? ?? "" }
        }
        #expect(detail.contains { $0.contains(index) }, "\(detail)")
        #expect(!detail.contains { $0.contains("TEMP B-TREE") }, "\(detail)")
        let due = try store.read { db in
            try Row.fetchAll(
                db,
                sql: "EXPLAIN QUERY PLAN SELECT f.id FROM finding f WHERE \(FindingStore.dueKey) < 5 ORDER BY \(FindingStore.dueKey), f.id LIMIT 5"
            ).map { $0["detail"] as String? ?? "" }
        }
        #expect(due.contains { $0.contains("finding_by_due") && $0.contains("<") }, "\(due)")
        #expect(!due.contains { $0.contains("TEMP B-TREE") }, "\(due)")
    }
}
