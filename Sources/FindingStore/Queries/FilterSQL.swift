import Findings
import GRDB

/// Turns a parsed `FindingFilter` into a WHERE clause over `finding f` with bound arguments only:
/// no value from the filter is ever spliced into the SQL text.
///
/// Terms on severity, threat, target, model and id use the store's indexes (finding_by_severity,
/// finding_by_cell, finding_by_model, the rowid); tool, rule, state, CWE and text filter the rows a
/// keyset walk reads.
struct FilterSQL {
    var conditions: [String] = []
    var arguments = StatementArguments()

    /// `eventAlias`: in the audit log, actor and event terms apply to the event row with this alias.
    /// The ids of the taxonomy rows that name one of these CWE ids (a query), and its LIKE patterns.
    /// The taxonomy is a space-separated list; padded, so an id matches whole.
    static func cweTaxonomies(_ values: [Int]) -> (sql: String, patterns: [String]) {
        let sql = "SELECT id FROM taxonomy WHERE " + Array(repeating: "(' ' || text || ' ') LIKE ?", count: values.count).joined(separator: " OR ")
        return (sql, values.map { "% CWE-\($0) %" })
    }

    /// `f.ruleRef` is one of the rules whose findings carry one of the `taxonomies` (a query of
    /// `cweTaxonomies`; taxonomySummary, schema v27).
    static func cweRules(_ taxonomies: String) -> String {
        "f.ruleRef IN (SELECT ruleRef FROM taxonomySummary WHERE taxonomyId IN (\(taxonomies)))"
    }

    /// `column LIKE ? ESCAPE '\'`, `count` times with OR: the column matches one of `count` patterns.
    static func likeAny(_ column: String, _ count: Int) -> String {
        Array(repeating: "\(column) LIKE ? ESCAPE '\\'", count: count).joined(separator: " OR ")
    }

    /// Free text's LIKE pattern: the text anywhere, its LIKE wildcards escaped.
    static func textPattern(_ text: String) -> String {
        "%" + escapeLike(text) + "%"
    }

    /// Free text's match on the rule title or the message (two `textPattern`s), the dictionaries
    /// that groupSummary has columns for.
    static let textRulesOrMessages =
        "(f.ruleRef IN (SELECT id FROM rule WHERE title LIKE ? ESCAPE '\\') OR f.messageId IN (SELECT id FROM message WHERE text LIKE ? ESCAPE '\\'))"

    /// `paths`: how `path:` and free-text terms read the path dictionary (PathNarrowing; SQL built
    /// without a connection scans it).
    init(_ filter: FindingFilter, now: Int64, eventAlias: String? = nil, paths: PathNarrowing = .scan) {
        for clause in filter.clauses {
            var args = StatementArguments()
            let sql = FilterSQL.condition(clause.term, now: now, eventAlias: eventAlias, paths: paths, arguments: &args)
            // NOT over a NULL comparison would drop the row; a negated term keeps everything it does not match.
            conditions.append(clause.negated ? "NOT coalesce((\(sql)), FALSE)" : "(\(sql))")
            _ = arguments.append(contentsOf: args)
        }
    }

    var whereClause: String { conditions.isEmpty ? "" : conditions.joined(separator: " AND ") }

    /// `?, ?, …` for a list of `count` bound values (SQLite takes `IN ()` for none).
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    private static func condition(
        _ term: FindingFilter.Term, now: Int64, eventAlias: String?, paths: PathNarrowing,
        arguments: inout StatementArguments
    ) -> String {
        func bind(_ values: [any DatabaseValueConvertible]) {
            for value in values { _ = arguments.append(contentsOf: [value]) }
        }
        switch term {
        case let .severity(comparison, severity):
            bind([severity.rawValue])
            return "f.severity \(comparison.rawValue) ?"
        case let .severities(values):
            bind(values.map(\.rawValue))
            return "f.severity IN (\(placeholders(values.count)))"
        case let .states(values):
            // An acceptance that has ended is decided at read time (issue 23): the finding is open
            // again (new) whether or not a writer has lapsed it yet.
            bind(values.map(\.rawValue))
            var sql = "f.state IN (\(placeholders(values.count)))"
            if values.contains(.accepted) {
                bind([now])
                sql = "(\(sql) AND NOT (f.state = 6 AND f.acceptedUntil < ?))"
            }
            if values.contains(.new) {
                bind([now])
                sql = "(\(sql) OR (f.state = 6 AND f.acceptedUntil < ?))"
            }
            return sql
        case let .targets(values):
            let threats = values.flatMap { target in Threat.allCases.filter { $0.target == target } }
            bind(threats.map(\.rawValue))
            return threats.isEmpty ? "0" : "f.threat IN (\(placeholders(threats.count)))"
        case let .threats(values):
            bind(values.map(\.rawValue))
            return "f.threat IN (\(placeholders(values.count)))"
        case let .models(values):
            var parts: [String] = []
            let globs = values.compactMap { $0 }
            if values.contains(where: { $0 == nil }) { parts.append("f.modelId IS NULL") }
            if !globs.isEmpty {
                let names = likeAny("name", globs.count)
                bind(globs.map(likePattern))
                parts.append("f.modelId IN (SELECT id FROM model WHERE " + names + ")")
                // A finding whose other locations lie in the model's files is the model's too.
                bind(globs.map(likePattern))
                parts.append("f.id IN (SELECT findingId FROM findingLocation WHERE modelId IN (SELECT id FROM model WHERE " + names + "))")
            }
            return parts.joined(separator: " OR ")
        case let .paths(values):
            // The finding's own path by the dictionary (schema v28), or one of its other locations.
            let patterns = values.map(likePattern)
            let own = paths.pathIDs(patterns)
            _ = arguments.append(contentsOf: own.arguments)
            bind(patterns)
            let elsewhere = "SELECT findingId FROM findingLocation WHERE " + likeAny("path", values.count)
            return "f.pathId IN (\(own.sql)) OR f.id IN (\(elsewhere))"
        case let .projects(values):
            bind(values.map(likePattern))
            return "f.projectId IN (SELECT id FROM project WHERE " + likeAny("name", values.count) + ")"
        case let .tools(values):
            bind(values.map(likePattern))
            return "f.ruleRef IN (SELECT id FROM rule WHERE " + likeAny("tool", values.count) + ")"
        case let .rules(values):
            bind(values.map(likePattern))
            return "f.ruleRef IN (SELECT id FROM rule WHERE " + likeAny("ruleId", values.count) + ")"
        case let .cwes(values):
            // The rules whose findings carry these taxonomies (taxonomySummary, schema v27), so the
            // rows are read by rule from finding_by_rule, then each row's own taxonomy.
            let (taxonomies, patterns) = cweTaxonomies(values)
            bind(patterns + patterns)
            return "\(cweRules(taxonomies)) AND f.taxonomyId IN (\(taxonomies))"
        case let .stages(values):
            let named = values.filter { $0 != "none" }
            var parts: [String] = []
            if !named.isEmpty {
                bind(named)
                parts.append("f.modelId IN (SELECT id FROM model WHERE stage IN (\(placeholders(named.count))))")
            }
            if values.contains("none") {
                parts.append("f.modelId IS NULL OR f.modelId IN (SELECT id FROM model WHERE stage IS NULL)")
            }
            return parts.joined(separator: " OR ")
        case let .sla(condition):
            let open = TriageState.allCases.filter(\.isOpen).map { String($0.rawValue) }.joined(separator: ", ")
            switch condition {
            case .overdue:
                // A range of finding_by_due: the key is past only for an open or accepted finding
                // with a due date; an accepted one is overdue once its acceptance lapsed. The
                // acceptances still running are a set of ids (finding_accepted), so a count reads
                // the index alone, not each row.
                bind([now, now])
                return """
                    \(FindingStore.dueKey) < ? AND f.id NOT IN \
                    (SELECT id FROM finding WHERE state = \(TriageState.accepted.rawValue) AND acceptedUntil >= ?)
                    """
            case .due:
                return "f.slaDue IS NOT NULL AND f.state IN (\(open))"
            case .none:
                return "f.slaDue IS NULL"
            }
        case let .ids(values):
            bind(values)
            return "f.id IN (\(placeholders(values.count)))"
        case let .text(text):
            let pattern = textPattern(text)
            bind([pattern, pattern])
            let own = paths.pathIDs([pattern])
            _ = arguments.append(contentsOf: own.arguments)
            return "\(textRulesOrMessages) OR f.pathId IN (\(own.sql))"
        case let .acceptances(values):
            bind(values.map(\.rawValue))
            return "f.id IN (SELECT findingId FROM acceptanceProposal WHERE status IN (\(placeholders(values.count))))"
        case let .tickets(values):
            var parts: [String] = []
            if values.contains(where: { $0 == nil }) { parts.append("f.id NOT IN (SELECT findingId FROM findingTicket)") }
            let globs = values.compactMap { $0 }
            if !globs.isEmpty {
                bind(globs.map(likePattern))
                parts.append("f.id IN (SELECT findingId FROM findingTicket WHERE " + likeAny("ticket", globs.count) + ")")
            }
            return parts.joined(separator: " OR ")
        case let .assignees(values):
            return nullableGlobs(column: "f.assignee", values, bind: bind)
        case let .actors(values):
            return eventCondition(column: "actor", values, eventAlias: eventAlias, bind: bind)
        case let .events(values):
            return eventCondition(column: "kind", values, eventAlias: eventAlias, bind: bind)
        }
    }

    /// A text column against globs, `nil` meaning "no value" (`ticket:none`, `assignee:none`).
    private static func nullableGlobs(column: String, _ values: [String?], bind: ([any DatabaseValueConvertible]) -> Void) -> String {
        var parts: [String] = []
        if values.contains(where: { $0 == nil }) { parts.append("\(column) IS NULL") }
        let globs = values.compactMap { $0 }
        if !globs.isEmpty {
            bind(globs.map(likePattern))
            parts.append(likeAny(column, globs.count))
        }
        return parts.joined(separator: " OR ")
    }

    /// Findings by their history: a stored event, or their creation, which since schema v10 is the
    /// row itself (first scan and its actor) rather than an event.
    private static func eventCondition(
        column: String, _ values: [String], eventAlias: String?,
        bind: ([any DatabaseValueConvertible]) -> Void
    ) -> String {
        let patterns = values.map(likePattern)
        bind(patterns)
        let alias = eventAlias ?? "e"
        func any(_ subject: String) -> String { likeAny(subject, values.count) }
        let match = any("\(alias).\(column)")
        guard eventAlias == nil else { return match }
        bind(patterns)
        let created =
            column == "kind"
            ? "f.firstScanId IS NOT NULL AND (\(any("'created'")))"
            : "f.firstScanId IN (SELECT s.id FROM scan s WHERE \(any("s.actor")))"
        return "f.id IN (SELECT e.findingId FROM findingEvent e WHERE \(match)) OR (\(created))"
    }

    /// A glob (`*`, `?`) as a LIKE pattern, with LIKE's own wildcards escaped.
    static func likePattern(_ glob: String) -> String {
        var out = ""
        for ch in glob {
            switch ch {
            case "*": out.append("%")
            case "?": out.append("_")
            case "%", "_", "\\":
                out.append("\\")
                out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    static func escapeLike(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
