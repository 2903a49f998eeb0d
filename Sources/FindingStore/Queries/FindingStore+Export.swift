import Findings
import Foundation
import GRDB

/// The reads behind `mlsoc export`: every finding with its triage facts, a keyset batch at a time.
extension FindingStore {
    /// Walks every finding (or those of `filter`) in id order, a keyset batch at a time: memory stays
    /// bounded however large the store is. An ended acceptance is exported as the open finding it
    /// is again.
    public func forEachExportRow(
        filter: FindingFilter = .empty, batch: Int = 1_000, now: Int64 = Int64(Date().timeIntervalSince1970),
        _ body: (ExportRow) throws -> Void
    ) throws {
        var after: Int64 = 0
        while true {
            let compiled = FilterSQL(filter, now: now)
            let conditions = (compiled.conditions + ["f.id > ?"]).filter { !$0.isEmpty }
            var arguments = compiled.arguments
            _ = arguments.append(contentsOf: [after, batch])
            let rows = try read { db in
                let rows = try ExportRow.fetchAll(
                    db,
                    sql: """
                        SELECT \(FindingRow.selection), \(FindingStore.artifactColumn), f.justification, f.acceptedBy, f.acceptReason,
                               f.modelId, m.version AS modelVersion, f.otherLocations AS otherCount,
                               (SELECT e.reason FROM findingEvent e WHERE e.findingId = f.id AND e.reason IS NOT NULL
                                ORDER BY e.id DESC LIMIT 1) AS lastReason,
                               (SELECT p.name FROM project p WHERE p.id = f.projectId) AS projectName
                        FROM finding f \(FindingRow.joins)
                        WHERE \(conditions.joined(separator: " AND ")) ORDER BY f.id LIMIT ?
                        """, arguments: arguments)
                // Other locations of this batch, in one read: most findings have none.
                let others = try FindingStore.otherLocations(db, of: rows.filter(\.hasOtherLocations).map(\.id))
                return rows.map { row in
                    var row = row
                    row.finding = row.finding.asOf(now)
                    if row.finding.state != .accepted {
                        row.acceptedBy = nil
                        row.acceptReason = nil
                    }
                    row.otherLocations = others[row.id] ?? []
                    return row
                }
            }
            guard let last = rows.last else { return }
            for row in rows { try body(row) }
            after = last.id
            if rows.count < batch { return }
        }
    }
}

extension ExportRow: FetchableRecord {
    /// The row as stored, without its other locations (`forEachExportRow` reads them per batch).
    public init(row: Row) throws {
        typealias Columns = FindingStore.DetailColumns
        self.init(
            finding: try FindingRow(row: row), artifact: try row.decode(forColumn: Columns.artifact),
            justification: try row.decode(forColumn: Columns.justification), acceptedBy: try row.decode(forColumn: Columns.acceptedBy),
            acceptReason: try row.decode(forColumn: Columns.acceptReason), modelID: try row.decode(forColumn: Columns.modelID),
            modelVersion: try row.decode(forColumn: Columns.modelVersion), lastReason: try row.decode(forColumn: Columns.lastReason),
            project: try row.decode(String?.self, forColumn: Columns.project) ?? "")
        hasOtherLocations = (try row.decode(Int?.self, forColumn: Columns.otherCount) ?? 0) > 0
    }
}
