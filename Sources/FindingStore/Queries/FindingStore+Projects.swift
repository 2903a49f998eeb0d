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
            let heads = try ProjectHead.fetchCursor(
                db,
                sql: """
                    SELECT p.id, p.name, p.owner, coalesce(p.criticality, 1.0) AS criticality, p.repository,
                           (SELECT count(*) FROM scan s WHERE s.projectId = p.id) AS scans,
                           (SELECT max(ingestedAt) FROM scan s WHERE s.projectId = p.id) AS lastScan
                    FROM project p ORDER BY p.name
                    """)
            while let head = try heads.next() {
                index[head.id] = projects.count
                projects.append(
                    ProjectSummary(
                        id: head.id, name: head.name, owner: head.owner, criticality: head.criticality, repository: head.repository,
                        scans: head.scans, lastScan: head.lastScan))
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
            // Unassigned open findings: the open ones less the assigned (schema v23).
            let assigned = try ProjectCount.fetchAll(
                db, sql: "SELECT projectId, sum(count) AS count FROM assignedSummary WHERE state IN (\(TriageState.openSQL)) GROUP BY projectId")
            let assignedByProject = Dictionary(assigned.map { ($0.projectId, $0.count) }, uniquingKeysWith: +)
            for position in projects.indices {
                projects[position].unassigned = max(0, projects[position].openTotal - (assignedByProject[projects[position].id] ?? 0))
            }
            return projects
        }
    }
}

/// A count per project (assignedSummary).
private struct ProjectCount: Decodable, FetchableRecord {
    var projectId: Int64
    var count: Int
}

/// A project as its summary starts from: the registry's fields and its scans.
private struct ProjectHead: Decodable, FetchableRecord {
    var id: Int64
    var name: String
    var owner: String?
    var criticality: Double
    var repository: String?
    var scans: Int
    var lastScan: Int64?
}
