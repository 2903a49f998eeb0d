import Findings
import Foundation
import GRDB

/// The grouped Findings view (issue 20): findings folded by rule (tool + rule + message), by
/// artefact or by model, with each group's count, worst severity and states.
///
/// Groups by rule and by model come from `groupSummary` (schema v20) whenever every filter term is
/// one the summary has a column for (severity, state, cell, target, project, tool, rule, a named
/// stage): a few thousand summary rows at 1M findings, not the findings. Other terms (text, path,
/// CWE, SLA, ids, history, `model:` which also matches other locations), and grouping by artefact,
/// group the matching rows: the cost of the filter's own walk, once per query, never per key press.
extension FindingStore {
    public func findingGroups(
        _ query: FindingQuery, by grouping: FindingGrouping, limit: Int = 2_000,
        now: Int64 = Int64(Date().timeIntervalSince1970)
    ) throws -> FindingGroups {
        guard grouping != .none else { return FindingGroups(grouping: .none) }
        let fromSummary = grouping != .artifact && query.group == nil && query.filter.clauses.allSatisfy { FindingStore.summaryAnswers($0.term) }
        return try read { db in
            var tally = GroupTally()
            if fromSummary {
                try summaryCells(db, query, grouping, now: now, into: &tally)
            } else {
                try rowCells(db, query, grouping, now: now, into: &tally)
            }
            // State terms hold in both paths: the summary's SQL leaves them out (lapsed acceptances
            // are decided here), the rows' SQL has applied them already.
            var groups = tally.groups(keeping: SummaryScope.allows(query.filter))
            let total = groups.count
            // Ranked before the labels are read (only the groups kept get one), then in the full
            // order, labels included.
            groups = Array(FindingGroups.ordered(groups).prefix(limit))
            try label(db, &groups, grouping)
            groups = FindingGroups.ordered(groups)
            return FindingGroups(grouping: grouping, groups: groups, total: total, fromSummary: fromSummary)
        }
    }

    /// A count from groupSummary: its rows by state under the other terms, acceptances that have
    /// ended moved to new (finding_accepted), then the state terms.
    static func summaryCount(_ db: StoreConnection, _ query: FindingQuery, now: Int64) throws -> Int {
        let scope = SummaryScope(query, now: now)
        var byState: [TriageState: Int] = [:]
        for row in try StateCount.fetchAll(
            db, sql: "SELECT f.state AS state, sum(f.count) AS n FROM groupSummary f \(scope.summaryWhere) GROUP BY 1",
            arguments: scope.summaryArguments)
        {
            byState[row.state, default: 0] += row.count
        }
        let lapsed =
            try Int.fetchOne(db, sql: "SELECT count(*) \(scope.lapsedFrom)", arguments: scope.lapsedArguments) ?? 0
        byState[.accepted, default: 0] -= lapsed
        byState[.new, default: 0] += lapsed
        let allows = SummaryScope.allows(query.filter)
        return byState.filter { state, _ in allows(state) }.values.reduce(0) { $0 + max(0, $1) }
    }

    /// Terms `groupSummary` has the columns for (FilterSQL's SQL reads the same names there).
    static func summaryAnswers(_ term: FindingFilter.Term) -> Bool {
        switch term {
        case .severity, .severities, .states, .targets, .threats, .projects, .tools, .rules: true
        // The summary keeps "no model" as 0, not NULL.
        case let .stages(stages): !stages.contains("none")
        case .models, .paths, .cwes, .sla, .ids, .text, .actors, .events, .acceptances, .tickets, .assignees: false
        }
    }

    private func summaryCells(_ db: StoreConnection, _ query: FindingQuery, _ grouping: FindingGrouping, now: Int64, into tally: inout GroupTally)
        throws
    {
        let scope = SummaryScope(query, now: now)
        let key = grouping == .rule ? "'rule' AS kind, f.ruleRef AS k1, f.messageId AS k2" : "'model' AS kind, f.modelId AS k1, 0 AS k2"
        let cells = try GroupCell.fetchAll(
            db,
            sql: """
                SELECT \(key), '' AS k3, f.severity AS severity, f.state AS state, sum(f.count) AS n FROM groupSummary f \(scope.summaryWhere)
                GROUP BY 2, 3, 5, 6 HAVING sum(f.count) != 0
                """, arguments: scope.summaryArguments)
        for cell in cells { tally.add(cell) }
        let lapsed = try GroupCell.fetchAll(
            db,
            sql: """
                SELECT \(FindingStore.rowKey(grouping)), f.severity AS severity, \(TriageState.accepted.sql) AS state, count(*) AS n
                \(scope.lapsedFrom) GROUP BY 2, 3, 4, 5
                """, arguments: scope.lapsedArguments)
        for cell in lapsed {
            tally.add(cell, count: -cell.count)
            tally.add(cell, state: .new)
        }
    }

    private func rowCells(_ db: StoreConnection, _ query: FindingQuery, _ grouping: FindingGrouping, now: Int64, into tally: inout GroupTally) throws
    {
        let (conditions, arguments) = FindingStore.conditions(query, now: now)
        var allArguments: StatementArguments = [now]
        _ = allArguments.append(contentsOf: arguments)
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let cells = try GroupCell.fetchAll(
            db,
            sql: """
                SELECT \(FindingStore.rowKey(grouping)), f.severity AS severity,
                       CASE WHEN f.state = \(TriageState.accepted.sql) AND f.acceptedUntil < ? THEN \(TriageState.new.sql) ELSE f.state END AS state,
                       count(*) AS n
                FROM finding f \(whereClause) GROUP BY 2, 3, 4, 5, 6
                """, arguments: allArguments)
        for cell in cells { tally.add(cell) }
    }

    /// A grouping's key over `finding f`, as `GroupCell` reads it (kind, k1, k2, k3).
    /// The rule key is `+f.ruleRef`: grouped by the bare column, SQLite walked finding_by_rule for
    /// its order and read every row at random (0.7 s at 1M, against 0.2 s for a scan).
    private static func rowKey(_ grouping: FindingGrouping) -> String {
        switch grouping {
        case .rule: "'rule' AS kind, +f.ruleRef AS k1, coalesce(f.messageId, 0) AS k2, '' AS k3"
        case .model: "'model' AS kind, coalesce(f.modelId, 0) AS k1, 0 AS k2, '' AS k3"
        case .artifact, .none: "'artifact' AS kind, 0 AS k1, 0 AS k2, \(artifactKey) AS k3"
        }
    }

    /// Names for the groups shown: the rule's tool and id with the message, the model's name, the artefact.
    private func label(_ db: StoreConnection, _ groups: inout [FindingGroup], _ grouping: FindingGrouping) throws {
        switch grouping {
        case .rule:
            var rules: [Int64] = []
            var messages: [Int64] = []
            for group in groups {
                if case let .rule(ruleRef, messageID) = group.key {
                    rules.append(ruleRef)
                    messages.append(messageID)
                }
            }
            let ruleRows = try RuleLabel.fetchAll(
                db, sql: "SELECT id, tool, ruleId, title FROM rule WHERE id IN (\(FilterSQL.placeholders(rules.count)))",
                arguments: StatementArguments(rules))
            let byRule = Dictionary(ruleRows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let texts = try NamedID.fetchAll(
                db, sql: "SELECT id, text AS name FROM message WHERE id IN (\(FilterSQL.placeholders(messages.count)))",
                arguments: StatementArguments(messages))
            let byMessage = Dictionary(texts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            for index in groups.indices {
                guard case let .rule(ruleRef, messageID) = groups[index].key else { continue }
                let rule = byRule[ruleRef]
                groups[index].tool = rule?.tool ?? ""
                groups[index].ruleID = rule?.ruleID ?? ""
                let message = byMessage[messageID] ?? ""
                groups[index].label = message.isEmpty ? rule?.title ?? "" : message
            }
        case .model:
            let ids = groups.compactMap { if case let .model(id) = $0.key, id != 0 { id } else { nil } }
            let names = try NamedID.fetchAll(
                db,
                sql: """
                    SELECT id, name || CASE WHEN version = '' THEN '' ELSE '@' || version END AS name FROM model
                    WHERE id IN (\(FilterSQL.placeholders(ids.count)))
                    """, arguments: StatementArguments(ids))
            let byID = Dictionary(names.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            for index in groups.indices {
                guard case let .model(id) = groups[index].key else { continue }
                groups[index].label = id == 0 ? "(no model)" : byID[id] ?? "model #\(id)"
            }
        case .artifact, .none:
            for index in groups.indices {
                if case let .artifact(text) = groups[index].key { groups[index].label = text.isEmpty ? "(no artifact)" : text }
            }
        }
    }

    /// The rule-group key of one finding (what `S` looks for), nil when there is no such finding.
    public func ruleGroup(ofFinding id: Int64) throws -> FindingGroupKey? {
        try read { db in
            try GroupCell.fetchOne(
                db,
                sql: """
                    SELECT 'rule' AS kind, f.ruleRef AS k1, coalesce(f.messageId, 0) AS k2, '' AS k3, f.severity AS severity,
                           f.state AS state, 1 AS n
                    FROM finding f WHERE f.id = ?
                    """, arguments: [id])?.key
        }
    }
}

/// A query as groupSummary answers it: its terms other than state as a WHERE over the summary;
/// the acceptances that have ended under the same terms (the summary counts them as accepted until
/// a writer lapses them; the finding_accepted index finds those few rows, and they count as new);
/// and its state terms, applied after.
struct SummaryScope {
    var summaryWhere: String
    var summaryArguments: StatementArguments
    /// `FROM finding f … WHERE` the lapsed acceptances.
    var lapsedFrom: String
    var lapsedArguments: StatementArguments

    init(_ query: FindingQuery, now: Int64) {
        var withoutStates = query
        withoutStates.filter.clauses.removeAll { if case .states = $0.term { true } else { false } }
        let filter = FilterSQL(withoutStates.filter, now: now)
        var conditions = filter.conditions
        summaryArguments = filter.arguments
        if let modelID = query.modelID {
            conditions.append("f.modelId = ?")
            _ = summaryArguments.append(contentsOf: [modelID])
        }
        summaryWhere = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let (rowConditions, rowArguments) = FindingStore.conditions(withoutStates, now: now)
        lapsedFrom = """
            FROM finding f INDEXED BY finding_accepted
            WHERE f.state = \(TriageState.accepted.sql) AND f.acceptedUntil < ? \(rowConditions.map { " AND " + $0 }.joined())
            """
        lapsedArguments = [now]
        _ = lapsedArguments.append(contentsOf: rowArguments)
    }

    /// Whether a state passes the filter's state terms (all of them; a negated one excludes).
    static func allows(_ filter: FindingFilter) -> (TriageState) -> Bool {
        let clauses = filter.clauses.compactMap { clause -> (Set<TriageState>, Bool)? in
            if case let .states(states) = clause.term { return (Set(states), clause.negated) }
            return nil
        }
        return { state in clauses.allSatisfy { $0.0.contains(state) != $0.1 } }
    }
}

private struct StateCount: FetchableRecord {
    var state: TriageState
    var count: Int

    init(row: Row) throws {
        state = try row.decode(forColumn: Column("state"))
        count = try row.decode(forColumn: Column("n"))
    }
}

/// One (group, severity, state) count, from the summary or from the rows.
private struct GroupCell: FetchableRecord {
    enum Columns {
        static let kind = Column("kind")
        static let first = Column("k1")
        static let second = Column("k2")
        static let text = Column("k3")
        static let severity = Column("severity")
        static let state = Column("state")
        static let count = Column("n")
    }

    var key: FindingGroupKey
    var severity: Severity
    var state: TriageState
    var count: Int

    init(row: Row) throws {
        let kind: String = try row.decode(forColumn: Columns.kind)
        switch kind {
        case "rule": key = .rule(ruleRef: try row.decode(forColumn: Columns.first), messageID: try row.decode(forColumn: Columns.second))
        case "model": key = .model(try row.decode(forColumn: Columns.first))
        default: key = .artifact(try row.decode(forColumn: Columns.text))
        }
        severity = try row.decode(forColumn: Columns.severity)
        state = try row.decode(forColumn: Columns.state)
        count = try row.decode(forColumn: Columns.count)
    }
}

/// Counts by group, severity and state, folded into groups at the end.
private struct GroupTally {
    private var counts: [FindingGroupKey: [Severity: [TriageState: Int]]] = [:]

    mutating func add(_ cell: GroupCell, state: TriageState? = nil, count: Int? = nil) {
        counts[cell.key, default: [:]][cell.severity, default: [:]][state ?? cell.state, default: 0] += count ?? cell.count
    }

    /// The groups with at least one finding in a state `keep` allows.
    func groups(keeping keep: (TriageState) -> Bool) -> [FindingGroup] {
        counts.compactMap { key, bySeverity in
            var states: [TriageState: Int] = [:]
            var worst: Severity?
            for (severity, byState) in bySeverity {
                for (state, count) in byState where count > 0 && keep(state) {
                    states[state, default: 0] += count
                    worst = max(worst ?? severity, severity)
                }
            }
            guard let worst else { return nil }
            return FindingGroup(key: key, label: "", states: states, worst: worst)
        }
    }
}

private struct RuleLabel: FetchableRecord {
    var id: Int64
    var tool: String
    var ruleID: String
    var title: String

    init(row: Row) throws {
        id = try row.decode(forColumn: Column("id"))
        tool = try row.decode(forColumn: Column("tool"))
        ruleID = try row.decode(forColumn: Column("ruleId"))
        title = try row.decode(forColumn: Column("title"))
    }
}

private struct NamedID: FetchableRecord {
    var id: Int64
    var name: String

    init(row: Row) throws {
        id = try row.decode(forColumn: Column("id"))
        name = try row.decode(forColumn: Column("name"))
    }
}
