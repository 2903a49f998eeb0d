import Foundation
import Findings
import GRDB

extension FindingStore {
    /// The matrix summary, read from the trigger-maintained table: no scan of findings. With a
    /// project id, that project's findings only.
    public func matrixSummary(projectID: Int64? = nil, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> MatrixSummary {
        try pool.read { db in
            var summary = MatrixSummary()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT threat, severity, state, sum(count) FROM summaryCell
                WHERE count > 0 AND (?1 IS NULL OR projectId = ?1) GROUP BY 1, 2, 3
                """, arguments: [projectID])
            while let row = try rows.next() {
                guard let threat = Threat(rawValue: row[0]), let severity = Severity(rawValue: row[1]),
                      let state = TriageState(rawValue: row[2]) else { continue }
                summary.add(threat: threat, severity: severity, state: state, count: row[3])
            }
            for cell in try FindingStore.lapsedCells(db, now: now, projectID: projectID) {
                summary.add(threat: cell.threat, severity: cell.severity, state: .accepted, count: -cell.count)
                summary.add(threat: cell.threat, severity: cell.severity, state: .new, count: cell.count)
            }
            return summary
        }
    }

    /// One keyset page of findings in the query's order, after `cursor` (or from the start).
    /// Never uses OFFSET: the cost is the same at any depth.
    /// With `backward`, the page *before* the cursor (the cursor is the first row shown), or the
    /// last page when there is no cursor: the same seeks with the comparisons and the order
    /// turned round, the rows given back in the query's order (`G` goes to the true bottom).
    public func findingsPage(_ query: FindingQuery, after cursor: PageCursor?, limit: Int,
                             now: Int64 = Int64(Date().timeIntervalSince1970), backward: Bool = false) throws -> [FindingRow] {
        let filter = FilterSQL(query.filter, now: now)
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
        var selects: [String] = []
        var allArguments = StatementArguments()
        for part in parts {
            let all = conditions + part.conditions
            selects.append("""
                SELECT * FROM (SELECT f.id, \(key) AS sortKey FROM finding f \(all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND "))
                               ORDER BY \(order) LIMIT ?)
                """)
            _ = allArguments.append(contentsOf: arguments)
            _ = allArguments.append(contentsOf: part.arguments)
            _ = allArguments.append(contentsOf: [limit])
        }
        _ = allArguments.append(contentsOf: [limit])
        let sql = """
            SELECT f.id, f.fingerprint, r.tool, r.ruleId, r.title, \(FindingStore.messageColumn), f.severity, f.threat, f.state, f.acceptedUntil,
                   m.name AS model, f.path, f.line, f.endLine, f.taxonomy, f.firstSeen, f.lastSeen, f.version, f.slaDue, f.asr, f.score, f.assignee
            FROM (\(selects.joined(separator: " UNION ALL "))) AS page
            JOIN finding f ON f.id = page.id
            JOIN rule r ON r.id = f.ruleRef
            LEFT JOIN model m ON m.id = f.modelId
            \(FindingStore.messageJoin)
            ORDER BY \(order)
            LIMIT ?
            """
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: allArguments).map { FindingStore.findingRow($0, now: now) }
        }
        return backward ? rows.reversed() : rows
    }

    /// The "due" sort key: the SLA due date, findings without one last (index finding_by_due).
    static let dueKey = "coalesce(f.slaDue, 9223372036854775807)"

    /// One keyset page, most severe first, optionally restricted to one cell.
    public func findingsPage(after cursor: PageCursor?, threat: Threat? = nil, limit: Int) throws -> [FindingRow] {
        let filter = threat.map { FindingFilter(clauses: [.init(.threats([$0]))]) } ?? .empty
        return try findingsPage(FindingQuery(filter: filter), after: cursor, limit: limit)
    }

    /// A finding's state as of `now`: an acceptance that has ended is open again (new), decided at
    /// read time in every reader, whether or not a writer has lapsed it yet (issue 23).
    static func effectiveState(_ row: Row, now: Int64?) -> TriageState {
        let state = TriageState(rawValue: row["state"]) ?? .new
        guard state == .accepted, let now, row.hasColumn("acceptedUntil"), let until: Int64 = row["acceptedUntil"], until < now else {
            return state
        }
        return .new
    }

    static func findingRow(_ row: Row, now: Int64? = nil) -> FindingRow {
        let path: String? = row["path"]
        let fingerprint: Data = row["fingerprint"]
        return FindingRow(
            id: row["id"],
            fingerprint: Fingerprint(bytes: Array(fingerprint)),
            tool: row["tool"],
            ruleID: row["ruleId"],
            title: row["title"],
            message: row["message"],
            severity: Severity(rawValue: row["severity"]) ?? .info,
            threat: Threat(rawValue: row["threat"]) ?? .unclassified,
            state: effectiveState(row, now: now),
            model: row["model"],
            location: path.map { Location(path: $0, startLine: row["line"], endLine: row["endLine"]) },
            taxonomy: TaxonomyIDs(packed: row["taxonomy"]),
            firstSeen: row["firstSeen"],
            lastSeen: row["lastSeen"],
            version: row["version"],
            slaDue: row.hasColumn("slaDue") ? row["slaDue"] : nil,
            attackSuccessRate: row.hasColumn("asr") ? row["asr"] : nil,
            score: row.hasColumn("score") ? row["score"] : nil,
            assignee: row.hasColumn("assignee") ? row["assignee"] : nil
        )
    }

    /// Counts of the main tables, for headers and `mlsoc` summaries.
    public func counts(projectID: Int64? = nil) throws -> (findings: Int, scans: Int, models: Int) {
        try pool.read { db in
            let findings = try Int.fetchOne(db, sql: "SELECT coalesce(sum(count), 0) FROM summaryCell WHERE ?1 IS NULL OR projectId = ?1",
                                            arguments: [projectID]) ?? 0
            let scans = try Int.fetchOne(db, sql: "SELECT count(*) FROM scan WHERE ?1 IS NULL OR projectId = ?1", arguments: [projectID]) ?? 0
            let models = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM model m WHERE ?1 IS NULL OR m.projectId = ?1
                    OR (m.projectId = 0 AND EXISTS (SELECT 1 FROM modelSummary s WHERE s.modelId = m.id AND s.projectId = ?1))
                """, arguments: [projectID]) ?? 0
            return (findings, scans, models)
        }
    }

    /// The audit events of one finding, oldest first.
    public func events(findingID: Int64) throws -> [AuditEntry] {
        try pool.read { db in try FindingStore.events(db, findingID: findingID) }
    }

    /// Stored events, after the finding's creation: read from its row (first seen, first scan and
    /// the state it started in), since ingest writes no event per new finding. Stores from before
    /// schema v10 kept a "created" event; it is shown as it was.
    static func events(_ db: Database, findingID: Int64) throws -> [AuditEntry] {
        let stored = try Row.fetchAll(db, sql: """
            SELECT id, findingId, at, actor, kind, fromValue, toValue, reason FROM findingEvent WHERE findingId = ? ORDER BY id
            """, arguments: [findingID]).map(FindingStore.auditEntry)
        if stored.first?.kind == "created" { return stored }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT f.firstSeen, f.state, s.id AS scanId, s.actor, s.tool, s.format, s.sourcePath
            FROM finding f LEFT JOIN scan s ON s.id = coalesce(f.firstScanId, f.lastScanId) WHERE f.id = ?
            """, arguments: [findingID]) else { return stored }
        // The first triage event says the state it started from (a `remapped` event is about the cell).
        let initial = stored.first { $0.kind != "remapped" }?.from ?? (TriageState(rawValue: row["state"]) ?? .new).key
        let tool: String = row["tool"] ?? ""
        let source: String = row["sourcePath"] ?? ""
        let scanID: Int64? = row["scanId"]
        let reason = scanID.map { "first reported in scan #\($0) (\(tool.isEmpty ? (row["format"] ?? "") : tool), \(source))" }
        let created = AuditEntry(id: 0, findingID: findingID, at: row["firstSeen"], actor: row["actor"] ?? "unknown", kind: "created",
                                 from: nil, to: initial, reason: reason)
        return [created] + stored
    }
}

extension FindingStore {
    /// The model and dataset inventory, by name.
    public func models() throws -> [ModelRecord] {
        try pool.read { db in
            let sql = "SELECT name, version, kind, source, sha256, uri, owner, criticality, stage, modelCard FROM model ORDER BY name, version"
            return try Row.fetchAll(db, sql: sql).map { row in
                ModelRecord(name: row["name"], version: row["version"], kind: row["kind"], source: row["source"],
                            sha256: row["sha256"], uri: row["uri"], owner: row["owner"], criticality: row["criticality"],
                            stage: row["stage"], modelCard: row["modelCard"])
            }
        }
    }
}

/// Why one finding sits in its cell, as the store recorded it at ingest.
public struct MappingRecord: Sendable, Equatable {
    public var finding: FindingRow
    /// The mapping rule's explanation, as it was when the finding was last ingested.
    public var recorded: String?
    /// What the tool said about the rule that the mapping read (`MappingInputs` JSON).
    public var inputs: String?
    /// The finding's evidence (a quoted snippet, checkov's `resource: …`).
    public var evidence: String?
}

/// One rule whose findings sit in the unclassified row (`mlsoc mapping unmapped`).
public struct UnmappedRule: Sendable, Equatable {
    public var tool: String
    public var ruleID: String
    public var title: String
    /// What the tool said about the rule (`MappingInputs` JSON), nil when it said nothing.
    public var inputs: String?
    public var findings: Int
    public var open: Int
    public var worst: Severity
    /// One place it was found.
    public var example: String?
}

extension FindingStore {
    /// One finding by id, with the mapping explanation recorded for its rule.
    public func mappingRecord(findingID: Int64) throws -> MappingRecord? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT f.id, f.fingerprint, r.tool, r.ruleId, r.title, r.mapping, r.inputs, \(FindingStore.messageColumn), f.severity, f.threat,
                       f.state, m.name AS model, f.path, f.line, f.endLine, f.taxonomy, f.firstSeen, f.lastSeen, f.version, f.slaDue
                       , ev.evidence
                FROM finding f JOIN rule r ON r.id = f.ruleRef LEFT JOIN model m ON m.id = f.modelId
                LEFT JOIN findingEvidence ev ON ev.findingId = f.id \(FindingStore.messageJoin)
                WHERE f.id = ?
                """, arguments: [findingID]) else { return nil }
            return MappingRecord(finding: FindingStore.findingRow(row), recorded: row["mapping"], inputs: row["inputs"], evidence: row["evidence"])
        }
    }

    /// The rules of unclassified findings that match the filter, most findings first: what the
    /// mapping does not know yet. Reads only the unclassified row (by the threat index).
    public func unmappedRules(_ filter: FindingFilter, now: Int64, limit: Int = 500) throws -> [UnmappedRule] {
        var filter = filter
        filter.clauses.append(.init(.threats([.unclassified])))
        let sql = FilterSQL(filter, now: now)
        let conditions = sql.conditions.joined(separator: " AND ")
        let open = TriageState.allCases.filter(\.isOpen).map { String($0.rawValue) }.joined(separator: ", ")
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.tool, r.ruleId, r.title, r.inputs, count(*) AS n, sum(f.state IN (\(open))) AS open,
                       max(f.severity) AS worst, min(f.path) AS example
                FROM finding f JOIN rule r ON r.id = f.ruleRef
                WHERE \(conditions)
                GROUP BY f.ruleRef ORDER BY n DESC, r.tool, r.ruleId LIMIT ?
                """, arguments: sql.arguments + [limit]).map { row in
                UnmappedRule(tool: row["tool"], ruleID: row["ruleId"], title: row["title"], inputs: row["inputs"], findings: row["n"],
                             open: row["open"] ?? 0, worst: Severity(rawValue: row["worst"] ?? 0) ?? .info, example: row["example"])
            }
        }
    }
}

extension FindingStore {
    /// How many findings a query matches (for reports; a scan when no index serves the filter).
    public func count(_ query: FindingQuery, now: Int64) throws -> Int {
        let filter = FilterSQL(query.filter, now: now)
        let whereClause = filter.conditions.isEmpty ? "" : "WHERE " + filter.conditions.joined(separator: " AND ")
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM finding f \(whereClause)", arguments: filter.arguments) ?? 0
        }
    }
}
