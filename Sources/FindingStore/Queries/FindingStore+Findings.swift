import Findings
import Foundation
import GRDB

/// Reading findings: keyset pages, counts, one finding's detail and history.
extension FindingStore {
    /// One keyset page of findings in the query's order, after `cursor` (or from the start).
    /// Never uses OFFSET: the cost is the same at any depth.
    /// With `backward`, the page *before* the cursor (the cursor is the first row shown), or the
    /// last page when there is no cursor: the same seeks with the comparisons and the order
    /// turned round, the rows given back in the query's order (`G` goes to the true bottom).
    public func findingsPage(
        _ query: FindingQuery, after cursor: PageCursor?, limit: Int,
        now: Int64 = Int64(Date().timeIntervalSince1970), backward: Bool = false
    ) throws -> [FindingRow] {
        // The keyset after the cursor. For a two-part key (severity or due date, then id) it is two
        // seeks: the rest of the cursor's key, then the keys beyond it. One row-value comparison,
        // `(severity, id) < (?, ?)`, made SQLite walk the whole rest of the cursor's severity
        // (40 ms at depth 500k of 1M); the two seeks take under a millisecond at any depth.
        let key: String
        let forwardOrder: String
        var parts: [(conditions: [String], arguments: StatementArguments)] = []
        switch query.sort {
        case .severity:
            key = "f.severity"
            forwardOrder = "f.severity DESC, f.id DESC"
            if let cursor {
                parts = [(["f.severity = ?", "f.id < ?"], [cursor.key, cursor.id]), (["f.severity < ?"], [cursor.key])]
            }
        case .newest:
            key = "f.id"
            forwardOrder = "f.id DESC"
            if let cursor { parts = [(["f.id < ?"], [cursor.id])] }
        case .oldest:
            key = "f.id"
            forwardOrder = "f.id ASC"
            if let cursor { parts = [(["f.id > ?"], [cursor.id])] }
        case .due:
            key = FindingStore.dueKey
            forwardOrder = "\(FindingStore.dueKey) ASC, f.id ASC"
            if let cursor {
                parts = [(["\(FindingStore.dueKey) = ?", "f.id > ?"], [cursor.key, cursor.id]), (["\(FindingStore.dueKey) > ?"], [cursor.key])]
            }
        }
        if parts.isEmpty { parts = [([], [])] }
        var order = forwardOrder
        if backward {
            func flipped(_ text: String) -> String {
                text.replacingOccurrences(of: " < ?", with: " \u{1}> ?").replacingOccurrences(of: " > ?", with: " < ?")
                    .replacingOccurrences(of: "\u{1}> ?", with: "> ?")
            }
            parts = parts.map { (conditions: $0.conditions.map(flipped), arguments: $0.arguments) }
            order = order.replacingOccurrences(of: "DESC", with: "\u{1}").replacingOccurrences(of: "ASC", with: "DESC")
                .replacingOccurrences(of: "\u{1}", with: "ASC")
        }
        let rows = try read { db -> [FindingRow] in
            // Each keyset part in each stream of the plan (PagePlan): one subquery with the LIMIT.
            let paths = try PathNarrowing(db, query.filter)
            let plan = try PagePlan(db, query, now: now, paths: paths)
            let streams = plan.streams ?? [PagePlan.Stream(index: nil, condition: "1 = 1", arguments: [], bound: nil)]
            guard !streams.isEmpty else { return [] }
            // A term every stream's own condition implies is left out of each stream.
            let (conditions, arguments) = PagePlan.conditions(query, leaving: plan.covered, now: now, paths: paths)
            var selects: [String] = []
            var allArguments = StatementArguments()
            for stream in streams {
                for part in parts {
                    let all = conditions + [stream.condition] + part.conditions
                    selects.append(
                        """
                        SELECT * FROM (SELECT f.id, \(key) AS sortKey FROM finding f \(stream.index.map { "INDEXED BY \($0)" } ?? "")
                                       \(all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND ")) ORDER BY \(order) LIMIT ?) AS stream\(selects.count)
                        """)
                    _ = allArguments.append(contentsOf: arguments)
                    _ = allArguments.append(contentsOf: stream.arguments)
                    _ = allArguments.append(contentsOf: part.arguments)
                    _ = allArguments.append(contentsOf: [min(limit, stream.bound ?? limit)])
                }
            }
            _ = allArguments.append(contentsOf: [limit])
            // The union is cut to the page by its own columns before the join: joining every
            // stream's rows first read up to 14 × 200 finding rows for a page of 200.
            let pageOrder = order.replacingOccurrences(of: key, with: "sortKey").replacingOccurrences(of: "f.id", with: "id")
            let sql = """
                SELECT \(FindingRow.selection)
                FROM (SELECT * FROM (\(selects.joined(separator: " UNION ALL "))) AS streams ORDER BY \(pageOrder) LIMIT ?) AS page
                JOIN finding f ON f.id = page.id \(FindingRow.joins)
                ORDER BY \(order.replacingOccurrences(of: key, with: "page.sortKey").replacingOccurrences(of: "f.id", with: "page.id"))
                """
            return try FindingRow.fetchAll(db, sql: sql, arguments: allArguments).map { $0.asOf(now) }
        }
        return backward ? rows.reversed() : rows
    }

    /// The "due" sort key: the SLA due date of an open or accepted finding (an acceptance can lapse,
    /// and its finding is open again at read time); findings without one, and closed ones, last.
    /// The expression of index finding_by_due (schema v25), literally, or SQLite does not use it.
    /// Its states are `TriageState.hasDueKey`'s.
    static let dueKey = "CASE WHEN f.state IN (0, 1, 2, 6) THEN coalesce(f.slaDue, 9223372036854775807) ELSE 9223372036854775807 END"

    /// One keyset page, most severe first, optionally restricted to one cell.
    public func findingsPage(after cursor: PageCursor?, threat: Threat? = nil, limit: Int) throws -> [FindingRow] {
        let filter = threat.map { FindingFilter(clauses: [.init(.threats([$0]))]) } ?? .empty
        return try findingsPage(FindingQuery(filter: filter), after: cursor, limit: limit)
    }

    /// How many findings a query matches: from groupSummary when every term has a column there
    /// (severity, state, cell, target, project, tool, rule, a named stage; issue 25); from the other
    /// summaries for `sla:overdue`, `cwe:` and free text with at most project terms beside; else
    /// from the rows (a scan when no index serves the filter; `path:` reads its paths' index ranges).
    public func count(_ query: FindingQuery, now: Int64) throws -> Int {
        if query.group == nil, query.filter.clauses.allSatisfy({ FindingStore.summaryAnswers($0.term) }) {
            return try read { db in try FindingStore.summaryCount(db, query, now: now) }
        }
        if let overdue = FindingStore.overdueScope(query, now: now) {
            return try read { db in try FindingStore.overdueCount(db, within: overdue, now: now) }
        }
        if let taxonomies = FindingStore.taxonomyScope(query, now: now) {
            let sql = "SELECT coalesce(sum(f.count), 0) FROM taxonomySummary f WHERE " + taxonomies.conditions.joined(separator: " AND ")
            return try read { db in try Int.fetchOne(db, sql: sql, arguments: taxonomies.arguments) ?? 0 }
        }
        if let text = FindingStore.textScope(query, now: now) {
            return try read { db in try FindingStore.textCount(db, pattern: text.pattern, within: text.projects) }
        }
        return try read { db in
            let (conditions, arguments) = FindingStore.conditions(query, now: now, paths: try PathNarrowing(db, query.filter))
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM finding f \(whereClause)", arguments: arguments) ?? 0
        }
    }

    /// For a query of `sla:overdue` and nothing else but project terms, those terms' SQL (which
    /// reads `f.projectId` of finding and dueSummary alike); nil for any other query.
    static func overdueScope(_ query: FindingQuery, now: Int64) -> FilterSQL? {
        countedTerms(query) { !$0.negated && $0.term == .sla(.overdue) }.map { FilterSQL(FindingFilter(clauses: $0), now: now) }
    }

    /// For a query of positive `cwe:` terms and nothing else but project terms, their conditions on
    /// taxonomySummary (schema v27: its taxonomy, rule and project columns are the finding's); nil
    /// for any other query. A negated `cwe:` term also matches findings without a taxonomy, which
    /// the summary does not hold.
    static func taxonomyScope(_ query: FindingQuery, now: Int64) -> FilterSQL? {
        countedTerms(query) { clause in
            guard case .cwes = clause.term else { return false }
            return !clause.negated
        }.map { _ in FilterSQL(query.filter, now: now) }
    }

    /// For a query of one positive free-text term and nothing else but project terms, its LIKE
    /// pattern and the project terms' SQL; nil for any other query.
    static func textScope(_ query: FindingQuery, now: Int64) -> (pattern: String, projects: FilterSQL)? {
        func positiveText(_ clause: FindingFilter.Clause) -> String? {
            guard !clause.negated, case let .text(text) = clause.term else { return nil }
            return text
        }
        let texts = query.filter.clauses.compactMap(positiveText)
        guard texts.count == 1, let projects = countedTerms(query, { positiveText($0) != nil }) else { return nil }
        return (FilterSQL.textPattern(texts[0]), FilterSQL(FindingFilter(clauses: projects), now: now))
    }

    /// How many findings match free text (`pattern`) within `scope`, without reading those that
    /// match by rule title or message: those are groupSummary's cells of the matching rules and
    /// messages; only the findings that match by their path alone (schema v28: the matching paths'
    /// ranges of finding_by_path) are read.
    static func textCount(_ db: StoreConnection, pattern: String, within scope: FilterSQL) throws -> Int {
        let conditions = scope.conditions.map { " AND " + $0 }.joined()
        func count(_ sql: String, _ bound: StatementArguments) throws -> Int {
            var arguments = bound
            _ = arguments.append(contentsOf: scope.arguments)
            return try Int.fetchOne(db, sql: sql + conditions, arguments: arguments) ?? 0
        }
        let byRuleOrMessage = try count(
            "SELECT coalesce(sum(f.count), 0) FROM groupSummary f WHERE \(FilterSQL.textRulesOrMessages)", [pattern, pattern])
        let paths = try PathNarrowing(db, patterns: [pattern]).pathIDs([pattern])
        var arguments = paths.arguments
        _ = arguments.append(contentsOf: [pattern, pattern])
        let byPathAlone = try count(
            "SELECT count(*) FROM finding f WHERE f.pathId IN (\(paths.sql)) AND NOT coalesce(\(FilterSQL.textRulesOrMessages), FALSE)", arguments)
        return byRuleOrMessage + byPathAlone
    }

    /// The query's project terms when its other terms are all `counted` (one at least) and it has
    /// no model or group; else nil.
    private static func countedTerms(_ query: FindingQuery, _ counted: (FindingFilter.Clause) -> Bool) -> [FindingFilter.Clause]? {
        guard query.group == nil, query.modelID == nil else { return nil }
        var projects: [FindingFilter.Clause] = []
        var any = false
        for clause in query.filter.clauses {
            if counted(clause) {
                any = true
            } else if case .projects = clause.term {
                projects.append(clause)
            } else {
                return nil
            }
        }
        return any ? projects : nil
    }

    /// How many findings are overdue (`sla:overdue`, FilterSQL) within `scope`, without reading
    /// them (schema v26): dueSummary's stretches before the one `now` is in, that stretch's range
    /// of finding_by_due up to `now`, less the acceptances still running (finding_accepted) that
    /// fell due before `now`.
    static func overdueCount(_ db: StoreConnection, within scope: FilterSQL, now: Int64) throws -> Int {
        let stretch = now >> Schema.dueStretchShift
        let conditions = scope.conditions.map { " AND " + $0 }.joined()
        func count(_ sql: String, _ bound: StatementArguments) throws -> Int {
            var arguments = bound
            _ = arguments.append(contentsOf: scope.arguments)
            return try Int.fetchOne(db, sql: sql + conditions, arguments: arguments) ?? 0
        }
        let before = try count("SELECT coalesce(sum(f.count), 0) FROM dueSummary f WHERE f.stretch < ?", [stretch])
        let stretchSoFar = try count(
            "SELECT count(*) FROM finding f WHERE \(dueKey) >= ? AND \(dueKey) < ?", [stretch << Schema.dueStretchShift, now])
        let running = try count(
            "SELECT count(*) FROM finding f WHERE f.state = \(TriageState.accepted.rawValue) AND f.acceptedUntil >= ? AND \(dueKey) < ?",
            [now, now])
        return before + stretchSoFar - running
    }

    /// The WHERE conditions of a query over `finding f`: its filter, its model and its group.
    static func conditions(
        _ query: FindingQuery, now: Int64, paths: PathNarrowing = .scan
    ) -> (conditions: [String], arguments: StatementArguments) {
        let filter = FilterSQL(query.filter, now: now, paths: paths)
        var conditions = filter.conditions
        var arguments = filter.arguments
        if let modelID = query.modelID {
            if modelID == 0 {
                conditions.append("f.modelId IS NULL")
            } else {
                conditions.append("f.modelId = ?")
                _ = arguments.append(contentsOf: [modelID])
            }
        }
        switch query.group {
        case nil: break
        case let .rule(ruleRef, messageID):
            conditions.append("f.ruleRef = ? AND f.messageId = ?")
            _ = arguments.append(contentsOf: [ruleRef, messageID])
        case let .model(modelID):
            conditions.append(modelID == 0 ? "f.modelId IS NULL" : "f.modelId = ?")
            if modelID != 0 { _ = arguments.append(contentsOf: [modelID]) }
        case let .artifact(artifact):
            conditions.append("\(FindingStore.artifactKey) = ?")
            _ = arguments.append(contentsOf: [artifact])
        }
        return (conditions, arguments)
    }

    /// A finding's artefact as grouping sees it: the reported one, else its location's path, else ''.
    static let artifactKey = "coalesce(nullif(f.artifact, ''), (SELECT pa.text FROM path pa WHERE pa.id = f.pathId), '')"

    /// Everything about one finding: the row, evidence, recorded mapping and the full history.
    public func findingDetail(id: Int64, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> FindingDetail? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(FindingRow.selection), \(FindingStore.artifactColumn), r.mapping, ev.evidence, f.justification, f.acceptedBy
                        FROM finding f \(FindingRow.joins) LEFT JOIN findingEvidence ev ON ev.findingId = f.id
                        WHERE f.id = ?
                        """, arguments: [id])
            else { return nil }
            let finding = try FindingRow(row: row).asOf(now)
            return FindingDetail(
                row: finding,
                artifact: try row.decode(forColumn: DetailColumns.artifact),
                evidence: try row.decode(forColumn: DetailColumns.evidence),
                mappingWhy: try row.decode(forColumn: DetailColumns.mappingWhy),
                justification: try row.decode(forColumn: DetailColumns.justification),
                acceptedBy: finding.state == .accepted ? try row.decode(forColumn: DetailColumns.acceptedBy) : nil,
                events: try FindingStore.events(db, findingID: id),
                otherLocations: try FindingStore.otherLocations(db, of: [id])[id] ?? [],
                proposal: try AcceptanceProposal.fetchOne(
                    db, sql: "SELECT * FROM acceptanceProposal WHERE findingId = ? ORDER BY id DESC LIMIT 1", arguments: [id]))
        }
    }

    /// What a detail or an export reads beside the finding row.
    enum DetailColumns {
        static let artifact = Column("artifactPath")
        static let evidence = Column("evidence")
        static let mappingWhy = Column("mapping")
        static let inputs = Column("inputs")
        static let justification = Column("justification")
        static let acceptedBy = Column("acceptedBy")
        static let acceptReason = Column("acceptReason")
        static let modelID = Column("modelId")
        static let modelVersion = Column("modelVersion")
        static let lastReason = Column("lastReason")
        static let otherCount = Column("otherCount")
        static let proposedBy = Column("proposedBy")
    }

    /// The artefact as reported: stored as '' when it is the location's path.
    static let artifactColumn = "CASE WHEN f.artifact = '' THEN pa.text ELSE f.artifact END AS artifactPath"

    /// The further places of these findings (`findingLocation`, schema v15), in the order the tool
    /// listed them, with the model there when it has one.
    static func otherLocations(_ db: StoreConnection, of ids: [Int64]) throws -> [Int64: [OtherLocation]] {
        guard !ids.isEmpty else { return [:] }
        var others: [Int64: [OtherLocation]] = [:]
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.findingId, l.path, l.line, l.endLine, m.name FROM findingLocation l LEFT JOIN model m ON m.id = l.modelId
                WHERE l.findingId IN (\(marks)) ORDER BY l.findingId, l.ordinal
                """, arguments: StatementArguments(ids))
        while let row = try rows.next() {
            let location = Location(path: try row.decode(atIndex: 1), startLine: try row.decode(atIndex: 2), endLine: try row.decode(atIndex: 3))
            others[try row.decode(atIndex: 0), default: []].append(OtherLocation(location, model: try row.decode(atIndex: 4)))
        }
        return others
    }

    /// The audit events of one finding, oldest first.
    public func events(findingID: Int64) throws -> [AuditEntry] {
        try read { db in try FindingStore.events(db, findingID: findingID) }
    }

    /// Stored events, after the finding's creation: read from its row (first seen, first scan and
    /// the state it started in), since ingest writes no event per new finding. Stores from before
    /// schema v10 kept a "created" event; it is shown as it was.
    static func events(_ db: StoreConnection, findingID: Int64) throws -> [AuditEntry] {
        let stored = try AuditEntry.fetchAll(
            db,
            sql: """
                SELECT \(AuditEntry.selection) FROM findingEvent e WHERE e.findingId = ? ORDER BY e.id
                """, arguments: [findingID])
        if stored.first?.kind == "created" { return stored }
        guard
            let first = try FirstSighting.fetchOne(
                db,
                sql: """
                    SELECT f.firstSeen, f.state, s.id AS scanId, s.actor, s.tool, s.format, s.sourcePath
                    FROM finding f LEFT JOIN scan s ON s.id = coalesce(f.firstScanId, f.lastScanId) WHERE f.id = ?
                    """, arguments: [findingID])
        else { return stored }
        // The first triage event says the state it started from (a `remapped` event is about the cell).
        let initial = stored.first { $0.kind != "remapped" }?.from ?? first.state.key
        let reason = first.scanID.map { "first reported in scan #\($0) (\(first.tool.isEmpty ? first.format : first.tool), \(first.sourcePath))" }
        let created = AuditEntry(
            id: 0, findingID: findingID, at: first.at, actor: first.actor, kind: "created",
            from: nil, to: initial, reason: reason)
        return [created] + stored
    }

    /// When and where a finding was first reported: its "created" event.
    private struct FirstSighting: FetchableRecord {
        var at: Int64
        var state: TriageState
        var scanID: Int64?
        var actor: String
        var tool: String
        var format: String
        var sourcePath: String

        init(row: Row) throws {
            at = try row.decode(forColumn: "firstSeen")
            state = try row.decode(forColumn: "state")
            scanID = try row.decode(forColumn: "scanId")
            actor = try row.decode(String?.self, forColumn: "actor") ?? "unknown"
            tool = try row.decode(String?.self, forColumn: "tool") ?? ""
            format = try row.decode(String?.self, forColumn: "format") ?? ""
            sourcePath = try row.decode(String?.self, forColumn: "sourcePath") ?? ""
        }
    }
}

extension TriageState {
    /// A finding in this state is due somewhere (its SLA due date is `FindingStore.dueKey`): open,
    /// or accepted (an acceptance can lapse).
    var hasDueKey: Bool { isOpen || self == .accepted }
}
