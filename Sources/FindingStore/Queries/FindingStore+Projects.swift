import Findings
import Foundation
import GRDB

/// Projects: names, ids and their risk.
extension FindingStore {
    /// The id of the project with this exact name, or nil.
    public func projectID(named name: String) throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT id FROM project WHERE name = ?", arguments: [name]) }
    }

    /// Every project's name, in name order (completion, validation).
    public func projectNames() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM project ORDER BY name") }
    }

    /// Every project with its open findings by severity (from the summary table), its scans and
    /// the time of its last scan. Projects that never had a scan are listed too (the config's).
    public func projectSummaries() throws -> [ProjectSummary] {
        try read { db in
            var projects: [ProjectSummary] = []
            var index: [Int64: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.id, p.name, p.owner, coalesce(p.criticality, 1.0), p.repository,
                           (SELECT count(*) FROM scan s WHERE s.projectId = p.id), (SELECT max(ingestedAt) FROM scan s WHERE s.projectId = p.id)
                    FROM project p ORDER BY p.name
                    """)
            while let row = try rows.next() {
                index[row[0]] = projects.count
                projects.append(
                    ProjectSummary(
                        id: row[0], name: row[1], owner: row[2], criticality: row[3], repository: row[4],
                        scans: row[5], lastScan: row[6]))
            }
            let cells = try Row.fetchCursor(
                db,
                sql: """
                    SELECT projectId, severity, sum(count), sum(weight) FROM summaryCell
                    WHERE state IN (\(TriageState.openSQL)) AND count > 0 GROUP BY 1, 2
                    """)
            while let row = try cells.next() {
                guard let position = index[row[0]], let severity = Severity(rawValue: row[1]) else { continue }
                projects[position].open[severity] = row[2]
                projects[position].weighted[severity] = row[3]
            }
            return projects
        }
    }
}
