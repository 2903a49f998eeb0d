import Findings
import Foundation
import GRDB

/// Metrics over time (issue 21), read from the findings and the audit trail: a state change is an
/// event whose from and to are both triage states.
extension FindingStore {
    /// Triage metrics for the weeks from the one holding `since` to the one holding `now`, for one
    /// project and/or one model (0: findings of no model), or all.
    public func triageMetrics(since: Int64, now: Int64, projectID: Int64? = nil, modelID: Int64? = nil) throws -> TriageMetrics {
        try read { db in
            let first = TriageMetrics.weekStart(since)
            var weeks: [Int64: TriageMetrics.Week] = [:]
            var start = first
            while start <= now {
                weeks[start] = TriageMetrics.Week(start: start)
                start += 604_800
            }
            let scope = "(CAST(?1 AS BIGINT) IS NULL OR f.projectId = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR coalesce(f.modelId, 0) = ?2)"
            for row in try WeekCount.fetchAll(
                db,
                sql: """
                    SELECT (f.firstSeen - ?3) / 604800 AS week, count(*) AS n FROM finding f
                    WHERE f.firstSeen >= ?3 AND f.firstSeen <= ?4 AND \(scope) GROUP BY 1
                    """, arguments: [projectID, modelID, first, now])
            {
                weeks[first + row.week * 604_800]?.opened += row.count
            }
            let open = TriageState.allCases.filter(\.isOpen).map(\.key)
            let closed = TriageState.allCases.filter { !$0.isOpen }.map(\.key)
            let closes = try Transition.fetchAll(
                db,
                sql: """
                    SELECT e.at, e.toValue, f.severity, f.firstSeen, f.slaDue FROM findingEvent e JOIN finding f ON f.id = e.findingId
                    WHERE e.at >= ?3 AND e.at <= ?4 AND e.fromValue IN (\(FilterSQL.placeholders(open.count)))
                          AND e.toValue IN (\(FilterSQL.placeholders(closed.count))) AND \(scope)
                    """,
                arguments: [projectID, modelID, first, now] + StatementArguments(open) + StatementArguments(closed))
            var fixes: [Severity: [Int64]] = [:]
            var months: [String: TriageMetrics.Month] = [:]
            for close in closes {
                weeks[TriageMetrics.weekStart(close.at)]?.closed += 1
                if close.to == TriageState.resolved.key { fixes[close.severity, default: []].append(max(0, close.at - close.firstSeen)) }
                if let due = close.slaDue {
                    let month = String(CivilDate.format(close.at).prefix(7))
                    months[month, default: TriageMetrics.Month(month: month)].closed += 1
                    if close.at <= due { months[month]?.onTime += 1 }
                }
            }
            var metrics = TriageMetrics(
                weeks: weeks.values.sorted { $0.start < $1.start },
                timeToFix: fixes.compactMapValues(TriageMetrics.TimeToFix.init),
                months: months.values.sorted { $0.month < $1.month })
            // The open backlog now, an ended acceptance counted open (as every reader does).
            let openNow = FilterSQL(FindingFilter(clauses: [.init(.states(TriageState.allCases.filter(\.isOpen)))]), now: now)
            let ages = try AgeCount.fetchAll(
                db,
                sql: """
                    SELECT f.severity, CASE WHEN (?3 - f.firstSeen) / 86400 < 8 THEN 0 WHEN (?3 - f.firstSeen) / 86400 < 31 THEN 1
                                            WHEN (?3 - f.firstSeen) / 86400 < 91 THEN 2 ELSE 3 END AS bucket, count(*) AS n
                    FROM finding f WHERE \(scope) AND \(openNow.whereClause) GROUP BY 1, 2
                    """, arguments: [projectID, modelID, now] + openNow.arguments)
            for age in ages {
                let bucket = TriageMetrics.AgeBucket.allCases[min(3, max(0, age.bucket))]
                metrics.backlog[bucket, default: [:]][age.severity, default: 0] += age.count
            }
            return metrics
        }
    }
}

private struct WeekCount: FetchableRecord {
    var week: Int64
    var count: Int

    init(row: Row) throws {
        week = try row.decode(forColumn: Column("week"))
        count = try row.decode(forColumn: Column("n"))
    }
}

private struct Transition: FetchableRecord {
    var at: Int64
    var to: String
    var severity: Severity
    var firstSeen: Int64
    var slaDue: Int64?

    init(row: Row) throws {
        at = try row.decode(forColumn: Column("at"))
        to = try row.decode(forColumn: Column("toValue"))
        severity = try row.decode(forColumn: Column("severity"))
        firstSeen = try row.decode(forColumn: Column("firstSeen"))
        slaDue = try row.decode(forColumn: Column("slaDue"))
    }
}

private struct AgeCount: FetchableRecord {
    var severity: Severity
    var bucket: Int
    var count: Int

    init(row: Row) throws {
        severity = try row.decode(forColumn: Column("severity"))
        bucket = try row.decode(forColumn: Column("bucket"))
        count = try row.decode(forColumn: Column("n"))
    }
}
