import Findings
import Foundation
import GRDB

/// Counts for monitoring: from the summary (findings by project, severity and state), the due-date
/// index (SLA breaches), the proposals and the scans. No walk of every finding.
extension FindingStore {
    public func storeCounts(now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> StoreCounts {
        try read { db in
            var counts = StoreCounts(at: now)
            let names = Dictionary(
                try ProjectName.fetchAll(db, sql: "SELECT id, name FROM project").map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            func name(_ id: Int64) -> String { names[id] ?? "project \(id)" }
            // Summary cells, with the acceptances that have ended moved back to new (read-time lapse).
            var cells: [CellKey: Int] = [:]
            for row in try CountRow.fetchAll(
                db,
                sql: """
                    SELECT projectId AS project, severity, state, sum(count) AS n FROM summaryCell GROUP BY 1, 2, 3 HAVING sum(count) != 0
                    """)
            {
                cells[CellKey(project: row.project, severity: row.severity, state: row.state), default: 0] += row.count
            }
            for row in try CountRow.fetchAll(
                db,
                sql: """
                    SELECT projectId AS project, severity, \(TriageState.accepted.sql) AS state, count(*) AS n
                    FROM finding INDEXED BY finding_accepted WHERE state = \(TriageState.accepted.sql) AND acceptedUntil < ? GROUP BY 1, 2
                    """, arguments: [now])
            {
                cells[CellKey(project: row.project, severity: row.severity, state: .accepted), default: 0] -= row.count
                cells[CellKey(project: row.project, severity: row.severity, state: .new), default: 0] += row.count
            }
            counts.findings = cells.filter { $0.value > 0 }.map { key, count in
                StoreCounts.Cell(project: name(key.project), severity: key.severity, state: key.state, count: count)
            }
            .sorted { ($0.project, $0.severity.rawValue, $0.state.rawValue) < ($1.project, $1.severity.rawValue, $1.state.rawValue) }
            // Open findings past their due date: a range of finding_by_due.
            counts.slaBreaches = try CountRow.fetchAll(
                db,
                sql: """
                    SELECT f.projectId AS project, f.severity, 0 AS state, count(*) AS n FROM finding f INDEXED BY finding_by_due
                    WHERE \(FindingStore.dueKey) < ? AND f.state IN (\(TriageState.openSQL)) GROUP BY 1, 2
                    """, arguments: [now]
            ).map { StoreCounts.Breach(project: name($0.project), severity: $0.severity, count: $0.count) }
                .sorted { ($0.project, $0.severity.rawValue) < ($1.project, $1.severity.rawValue) }
            for row in try ProjectValue.fetchAll(
                db,
                sql: """
                    SELECT f.projectId AS id, count(*) AS value FROM acceptanceProposal a JOIN finding f ON f.id = a.findingId
                    WHERE a.status = 'proposed' GROUP BY 1
                    """)
            {
                counts.proposedAcceptances[name(row.id)] = Int(row.value)
            }
            for row in try ProjectValue.fetchAll(db, sql: "SELECT projectId AS id, max(ingestedAt) AS value FROM scan GROUP BY 1") {
                counts.lastScan[name(row.id)] = row.value
            }
            return counts
        }
    }

    private struct CellKey: Hashable {
        var project: Int64
        var severity: Severity
        var state: TriageState
    }
}

private struct ProjectName: Decodable, FetchableRecord {
    var id: Int64
    var name: String
}

private struct ProjectValue: FetchableRecord {
    var id: Int64
    var value: Int64

    init(row: Row) throws {
        id = try row.decode(forColumn: Column("id"))
        value = try row.decode(forColumn: Column("value"))
    }
}

private struct CountRow: FetchableRecord {
    var project: Int64
    var severity: Severity
    var state: TriageState
    var count: Int

    init(row: Row) throws {
        project = try row.decode(forColumn: Column("project"))
        severity = try row.decode(forColumn: Column("severity"))
        state = try row.decode(forColumn: Column("state"))
        count = try row.decode(forColumn: Column("n"))
    }
}
