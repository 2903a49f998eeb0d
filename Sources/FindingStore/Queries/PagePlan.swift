import Findings
import GRDB

/// How a keyset page is read (issue 25): as a merge of *streams*, each an index range already in
/// the page's order, or as one plain query when no index range serves the filter.
///
/// A page most severe first is `ORDER BY severity DESC, id DESC`. An index (X, severity) ends with
/// the rowid, so for one value of X its range is in exactly that order; SQLite cannot merge several
/// ranges by itself (for `X IN (…)` it reads them all and sorts), so each stream is its own
/// subquery with the page's LIMIT, and the union of at most LIMIT rows per stream is sorted. Which
/// index streams over:
/// - `finding_by_rule` (ruleRef, severity) when the query names rules (`tool:`, `rule:`, a rule group);
/// - `finding_by_model_severity` (modelId, severity) when it names models (`model:`, a model's view);
/// - `finding_by_path` (pathId, severity) when it names paths (`path:`; free text, whose rule and
///   message matches stream by rule), one stream per matching path of the dictionary (schema v28);
/// - `finding_by_cell` (threat, severity) otherwise, one stream per threat (14 at most).
///
/// `groupSummary` says, under the filter's summary terms, which streams hold any match and at most
/// how many: empty streams are left out (a filter nothing matches reads no row) and each stream's
/// LIMIT is cut to its bound, so a walk stops at its last possible match. For the id sorts a stream
/// is one (value, severity) range, in id order. The "due" sort walks finding_by_due (plain).
struct PagePlan {
    struct Stream {
        /// `INDEXED BY` this index, or nil to leave the choice to SQLite.
        var index: String?
        var condition: String
        var arguments: StatementArguments
        /// At most this many rows of the stream can match (from groupSummary); nil: unknown.
        var bound: Int?

        /// The stream with `condition` (taking `arguments`) too.
        func and(_ condition: String, _ arguments: StatementArguments) -> Stream {
            var stream = self
            stream.condition += " AND \(condition)"
            _ = stream.arguments.append(contentsOf: arguments)
            return stream
        }
    }

    /// nil: one plain query. Empty: nothing can match.
    var streams: [Stream]?

    /// The index of the filter clause every stream's rows match by their own condition, which the
    /// page then leaves out of each stream (`path:` and free text: their dictionary subqueries would
    /// otherwise run once per stream); nil for none.
    var covered: Int?

    /// A union has at most 500 terms (SQLITE_MAX_COMPOUND_SELECT); each stream is one or two.
    static let streamCap = 240

    init(_ db: StoreConnection, _ query: FindingQuery, now: Int64, paths: PathNarrowing = .scan) throws {
        guard query.sort != .due else { return }
        if let overdue = try PagePlan.fewOverdue(db, query, now: now) {
            // Few overdue findings: their range of finding_by_due, sorted, beats walking every
            // stream past rows that are not overdue (a walk of the whole store when none are).
            streams = [overdue]
            return
        }
        let bySeverity = query.sort == .severity
        let summary = SummaryBounds(query, now: now)
        var candidates: [[Stream]] = []
        let taxonomyRules = PagePlan.taxonomyRules(query)
        if PagePlan.namesRules(query) || taxonomyRules != nil {
            let cells = try summary.byRule.cells(db, key: "ruleRef", restrict: taxonomyRules?.condition, taxonomyRules?.arguments ?? [])
            candidates.append(PagePlan.streams(cells, column: "ruleRef", index: "finding_by_rule", bySeverity: bySeverity))
        }
        if let models = try PagePlan.namedModels(db, query) {
            let marks = FilterSQL.placeholders(models.ids.count)
            let cells = try summary.cells(db, key: "modelId", restrict: "f.modelId IN (\(marks))", StatementArguments(models.ids))
            var streams = PagePlan.streams(cells, column: "modelId", index: "finding_by_model_severity", bySeverity: bySeverity)
            if models.byLocation {
                // A finding whose other locations lie in the model's files is the model's too: a
                // stream of its own, without the findings the model streams give already.
                var arguments = StatementArguments(models.ids)
                _ = arguments.append(contentsOf: StatementArguments(models.ids))
                streams.append(
                    Stream(
                        index: nil,
                        condition: """
                            f.id IN (SELECT findingId FROM findingLocation WHERE modelId IN (\(marks))) \
                            AND (f.modelId IS NULL OR f.modelId NOT IN (\(marks)))
                            """,
                        arguments: arguments, bound: nil))
            }
            candidates.append(streams)
        }
        var coveredBy: [Int: Int] = [:]
        if let byPath = try PagePlan.pathStreams(db, query, summary: summary, bySeverity: bySeverity, paths: paths) {
            coveredBy[candidates.count] = byPath.clause
            candidates.append(byPath.streams)
        }
        if candidates.isEmpty, bySeverity {
            let cells = try summary.cells(db, key: "threat")
            candidates.append(PagePlan.streams(cells, column: "threat", index: "finding_by_cell", bySeverity: true))
        }
        // The fewest rows to read: the candidate with the smallest sum of bounds (unknown: large),
        // among those whose page statement stays within the bound values a statement takes.
        func filterArguments(_ candidate: Int) -> Int {
            PagePlan.placeholders(PagePlan.conditions(query, leaving: coveredBy[candidate], now: now, paths: paths).conditions.joined())
        }
        let best = candidates.indices.filter { index in
            candidates[index].count <= PagePlan.streamCap
                && PagePlan.arguments(candidates[index], filter: filterArguments(index)) <= PagePlan.argumentCap
        }.min { PagePlan.cost(candidates[$0]) < PagePlan.cost(candidates[$1]) }
        streams = best.map { candidates[$0] }
        covered = best.flatMap { coveredBy[$0] }
    }

    /// The query's conditions on each stream: all of them but the `covered` clause's.
    static func conditions(
        _ query: FindingQuery, leaving covered: Int?, now: Int64, paths: PathNarrowing
    ) -> (conditions: [String], arguments: StatementArguments) {
        var filtered = query
        if let covered { filtered.filter.clauses.remove(at: covered) }
        return FindingStore.conditions(filtered, now: now, paths: paths)
    }

    /// At most this many bound values in a page's statement: SQLite takes 32,766, but a server
    /// store's statements are bound through SQLite's result columns (at most 2,000).
    static let argumentCap = 1_900

    /// The bound values of a page's statement over `streams`: each stream is up to two keyset parts,
    /// each with the filter's values, the stream's, the cursor's (two at most) and its LIMIT.
    private static func arguments(_ streams: [Stream], filter: Int) -> Int {
        streams.reduce(1) { $0 + 2 * (filter + placeholders($1.condition) + 3) }
    }

    /// The bound values SQL of ours takes: its `?`s (no value is ever spliced into the text, so no
    /// `?` is anything else; GRDB's arguments do not say how many they hold).
    private static func placeholders(_ sql: String) -> Int {
        sql.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "?") ? 1 : 0) }
    }

    private static func cost(_ streams: [Stream]) -> Int {
        streams.reduce(0) { $0 + ($1.bound ?? 1_000_000_000) }
    }

    /// Streams over `column`'s index from summary cells: one per value (severity sort) or per
    /// (value, severity) (id sorts).
    private static func streams(_ cells: [SummaryBounds.Cell], column: String, index: String, bySeverity: Bool) -> [Stream] {
        if bySeverity {
            var order: [Int64] = []
            var bounds: [Int64: Int] = [:]
            for cell in cells {
                if bounds[cell.key] == nil { order.append(cell.key) }
                bounds[cell.key, default: 0] += cell.count
            }
            return order.map { Stream(index: index, condition: "f.\(column) = ?", arguments: [$0], bound: bounds[$0]) }
        }
        return cells.map {
            Stream(index: index, condition: "f.\(column) = ? AND f.severity = ?", arguments: [$0.key, $0.severity], bound: $0.count)
        }
    }

    /// Overdue findings read from their range of finding_by_due (one stream, sorted after) when the
    /// query has a positive `sla:overdue` term and the range holds at most `overdueCap` entries,
    /// counted on the index alone.
    private static func fewOverdue(_ db: StoreConnection, _ query: FindingQuery, now: Int64) throws -> Stream? {
        let overdue = query.filter.clauses.contains { !$0.negated && $0.term == .sla(.overdue) }
        guard overdue else { return nil }
        let inRange =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM (SELECT 1 FROM finding f INDEXED BY finding_by_due WHERE \(FindingStore.dueKey) < ? LIMIT ?) AS due
                    """, arguments: [now, overdueCap + 1]) ?? 0
        guard inRange <= overdueCap else { return nil }
        return Stream(index: "finding_by_due", condition: "1 = 1", arguments: [], bound: inRange)
    }

    /// Up to this many overdue findings are read and sorted (tens of milliseconds); beyond, they
    /// are dense enough for the streams to find a page soon.
    static let overdueCap = 20_000

    /// For the query's first positive `path:` or free-text term, streams that read only findings it
    /// can match, or nil when it has none or its paths are too many to merge:
    /// - `path:`: the matching paths' ranges of finding_by_path, and the findings whose other
    ///   locations match (findingLocation) and whose own path does not;
    /// - free text: the findings of the rules whose title or messages match, by rule and bounded by
    ///   groupSummary as a `rule:` term is, and the matching paths' ranges less those findings.
    /// Every stream's rows match the term by the stream's own condition (`clause`, its index).
    private static func pathStreams(
        _ db: StoreConnection, _ query: FindingQuery, summary: SummaryBounds, bySeverity: Bool, paths: PathNarrowing
    ) throws -> (streams: [Stream], clause: Int)? {
        for (index, clause) in query.filter.clauses.enumerated() where !clause.negated {
            switch clause.term {
            case let .paths(values):
                let likePatterns = values.map(FilterSQL.likePattern)
                let patterns = StatementArguments(likePatterns)
                let matched = try MatchedPaths(db, paths.pathIDs(likePatterns))
                guard var streams = try matched.streams(db, excluding: nil, bySeverity: bySeverity) else { return nil }
                let likes = FilterSQL.likeAny("path", values.count)
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM findingLocation WHERE \(likes) LIMIT 1", arguments: patterns) == true {
                    // Less the findings a path stream gives already.
                    var arguments = patterns
                    var condition = "f.id IN (SELECT findingId FROM findingLocation WHERE \(likes))"
                    if matched.ids?.isEmpty != true {
                        condition += " AND (f.pathId IS NULL OR f.pathId NOT IN (\(matched.list)))"
                        _ = arguments.append(contentsOf: matched.arguments)
                    }
                    streams.append(Stream(index: nil, condition: condition, arguments: arguments, bound: nil))
                }
                return streams.count <= streamCap ? (streams, index) : nil
            case let .text(text):
                let pattern = FilterSQL.textPattern(text)
                let matched = try MatchedPaths(db, paths.pathIDs([pattern]))
                guard let byPath = try matched.streams(db, excluding: (FilterSQL.textRulesOrMessages, [pattern, pattern]), bySeverity: bySeverity)
                else { return nil }
                let cells = try summary.byRule.cells(db, key: "ruleRef", restrict: FilterSQL.textRulesOrMessages, [pattern, pattern])
                let streams = PagePlan.streams(cells, column: "ruleRef", index: "finding_by_rule", bySeverity: bySeverity).map {
                    $0.and(FilterSQL.textRulesOrMessages, [pattern, pattern])
                }
                return streams.count + byPath.count <= streamCap ? (streams + byPath, index) : nil
            default:
                continue
            }
        }
        return nil
    }

    /// The paths of the dictionary a term matches (schema v28): their ids when they are few enough
    /// for a stream each, else only the query that finds them.
    struct MatchedPaths {
        /// The ids, or nil when there are more than `streamCap`.
        var ids: [Int64]?
        var query: String
        var queryArguments: StatementArguments

        init(_ db: StoreConnection, _ paths: (sql: String, arguments: StatementArguments)) throws {
            let (query, arguments) = paths
            self.query = query
            queryArguments = arguments
            let found = try Int64.fetchAll(db, sql: query + " LIMIT \(streamCap + 1)", arguments: arguments)
            ids = found.count <= streamCap ? found : nil
        }

        /// The ids as an `IN (…)` list (never empty: `streams` reads nothing then): placeholders for
        /// them (`arguments`), or the query.
        var list: String { ids.map { FilterSQL.placeholders($0.count) } ?? query }
        var arguments: StatementArguments { ids.map { StatementArguments($0) } ?? queryArguments }

        /// Streams over finding_by_path for these paths, less the findings `excluding` matches: one
        /// per path (severity sort) or per path and severity (id sorts), each bounded by the entries
        /// its range holds, counted on the index when they are at most `pathCountCap`. Paths too many
        /// for a stream each are one stream, read whole and sorted, when they hold at most
        /// `pathCountCap` findings; nil when they hold more (the threat streams find their page
        /// sooner than a sort of them all).
        func streams(
            _ db: StoreConnection, excluding: (condition: String, arguments: StatementArguments)?, bySeverity: Bool
        ) throws -> [Stream]? {
            if ids?.isEmpty == true { return [] }
            let cap = PagePlan.pathCountCap(findings: try Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM finding") ?? 0)
            var counted = arguments
            _ = counted.append(contentsOf: [cap + 1])
            let cells = try SummaryBounds.Cell.fetchAll(
                db,
                sql: """
                    SELECT k, severity, count(*) AS n FROM (SELECT f.pathId AS k, f.severity AS severity FROM finding f INDEXED BY finding_by_path
                    WHERE f.pathId IN (\(list)) LIMIT ?) AS entries GROUP BY 1, 2 ORDER BY 2 DESC, 1
                    """, arguments: counted)
            let total = cells.reduce(0) { $0 + $1.count }
            var streams: [Stream]
            if let ids {
                if total <= cap {
                    streams = PagePlan.streams(cells, column: "pathId", index: "finding_by_path", bySeverity: bySeverity)
                } else if bySeverity {
                    streams = ids.map { Stream(index: "finding_by_path", condition: "f.pathId = ?", arguments: [$0], bound: nil) }
                } else {
                    streams = ids.flatMap { id in
                        Severity.allCases.map {
                            Stream(index: "finding_by_path", condition: "f.pathId = ? AND f.severity = ?", arguments: [id, $0.rawValue], bound: nil)
                        }
                    }
                }
            } else {
                guard total <= cap else { return nil }
                streams = [Stream(index: "finding_by_path", condition: "f.pathId IN (\(query))", arguments: queryArguments, bound: total)]
            }
            guard let excluding else { return streams }
            return streams.map { $0.and("NOT coalesce(\(excluding.condition), FALSE)", excluding.arguments) }
        }
    }

    /// Paths holding more findings than this are not counted for their streams' bounds, nor read as
    /// one sorted stream. Such a stream reads every index entry of its paths; the threat streams
    /// instead read rows (about 25 times an entry's cost) until 200 match each, fewer the denser
    /// the term. They cost the same near √(70,000 × findings): 264k at 1M findings, 837k at 10M.
    /// At least 100,000, at most 1,000,000 (what a count then reads in vain when there are more).
    static func pathCountCap(findings: Int) -> Int {
        max(100_000, min(1_000_000, Int((70_000 * Double(findings)).squareRoot())))
    }

    /// Whether the query keeps to named rules: a positive `tool:` or `rule:` term, or a rule group.
    private static func namesRules(_ query: FindingQuery) -> Bool {
        if case .rule = query.group { return true }
        return query.filter.clauses.contains { clause in
            guard !clause.negated else { return false }
            switch clause.term {
            case .tools, .rules: return true
            default: return false
            }
        }
    }

    /// For positive `cwe:` terms, the rules whose findings have had a matching taxonomy
    /// (taxonomySummary, schema v27) as a condition on groupSummary's `ruleRef`: a `cwe:` query then
    /// streams by rule, over those rules only.
    private static func taxonomyRules(_ query: FindingQuery) -> (condition: String, arguments: StatementArguments)? {
        var conditions: [String] = []
        var arguments = StatementArguments()
        for clause in query.filter.clauses where !clause.negated {
            guard case let .cwes(values) = clause.term else { continue }
            let (taxonomies, patterns) = FilterSQL.cweTaxonomies(values)
            conditions.append(FilterSQL.cweRules(taxonomies))
            _ = arguments.append(contentsOf: StatementArguments(patterns))
        }
        return conditions.isEmpty ? nil : (conditions.joined(separator: " AND "), arguments)
    }

    /// The models the query keeps to, by id: its model, its model group, or the first positive
    /// `model:` term (whose findings by other location come too). Nil when it names none, or
    /// includes "no model".
    private static func namedModels(_ db: StoreConnection, _ query: FindingQuery) throws -> (ids: [Int64], byLocation: Bool)? {
        if let modelID = query.modelID { return modelID == 0 ? nil : ([modelID], false) }
        if case let .model(modelID) = query.group { return modelID == 0 ? nil : ([modelID], false) }
        for clause in query.filter.clauses where !clause.negated {
            guard case let .models(values) = clause.term, !values.contains(where: { $0 == nil }) else { continue }
            let globs = values.compactMap { $0 }
            let names = FilterSQL.likeAny("name", globs.count)
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM model WHERE \(names)", arguments: StatementArguments(globs.map(FilterSQL.likePattern)))
            // A glob naming more models than streams can be merged (`model:*` on a big platform)
            // is not a plan by model: the ids would also outgrow SQLite's bound parameters.
            return ids.count <= streamCap ? (ids, true) : nil
        }
        return nil
    }
}

/// Upper bounds from the summaries: how many findings of each (key, severity) can match the query,
/// under the terms the summary has columns for. States count as a superset (an accepted finding
/// whose acceptance ended is new at read time), other terms are left to the rows.
struct SummaryBounds {
    struct Cell: FetchableRecord {
        var key: Int64
        var severity: Int
        var count: Int

        init(row: Row) throws {
            key = try row.decode(forColumn: Column("k"))
            severity = try row.decode(forColumn: Column("severity"))
            count = try row.decode(forColumn: Column("n"))
        }
    }

    var conditions: [String]
    var arguments: StatementArguments
    /// summaryCell (a few thousand rows) unless a term or the group needs groupSummary's rule column
    /// (tens of thousands of rows at 1M, more with more rules and messages); every query that
    /// streams by rule (`PagePlan.namesRules`) has such a term.
    var table = "summaryCell"

    init(_ query: FindingQuery, now: Int64) {
        var kept = query
        kept.filter.clauses.removeAll { !FindingStore.summaryAnswers($0.term) }
        kept.filter.clauses.removeAll { if case .states = $0.term { true } else { false } }
        let byRule = kept.filter.clauses.contains { clause in
            switch clause.term {
            case .tools, .rules, .stages: true
            default: false
            }
        }
        if byRule { table = "groupSummary" }
        if case .rule = query.group { table = "groupSummary" }
        let filter = FilterSQL(kept.filter, now: now)
        conditions = filter.conditions
        arguments = filter.arguments
        let allows = SummaryScope.allows(query.filter)
        var states = TriageState.allCases.filter(allows)
        if allows(.new), !states.contains(.accepted) { states.append(.accepted) }
        if states.count < TriageState.allCases.count {
            conditions.append("f.state IN (\(states.map(\.sql).joined(separator: ", ")))")
        }
        if let modelID = query.modelID {
            conditions.append("f.modelId = ?")
            _ = arguments.append(contentsOf: [modelID])
        }
        switch query.group {
        case let .rule(ruleRef, messageID):
            conditions.append("f.ruleRef = ? AND f.messageId = ?")
            _ = arguments.append(contentsOf: [ruleRef, messageID])
        case let .model(modelID):
            conditions.append("f.modelId = ?")
            _ = arguments.append(contentsOf: [modelID])
        case .artifact, nil: break
        }
    }

    /// The same bounds from groupSummary, which has the rule and message columns.
    var byRule: SummaryBounds {
        var bounds = self
        bounds.table = "groupSummary"
        return bounds
    }

    /// The cells with a possible match, by `key` (a groupSummary column) and severity, most severe first.
    func cells(_ db: StoreConnection, key: String, restrict: String? = nil, _ restrictArguments: StatementArguments = []) throws -> [Cell] {
        let all = conditions + (restrict.map { [$0] } ?? [])
        var allArguments = arguments
        _ = allArguments.append(contentsOf: restrictArguments)
        return try Cell.fetchAll(
            db,
            sql: """
                SELECT f.\(key) AS k, f.severity AS severity, sum(f.count) AS n FROM \(table) f
                \(all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND ")) GROUP BY 1, 2 HAVING sum(f.count) > 0 ORDER BY 2 DESC, 1
                """, arguments: allArguments)
    }
}
