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
                try Self.exportRows(db, where: conditions.joined(separator: " AND ") + " ORDER BY f.id LIMIT ?", arguments, now: now)
            }
            guard let last = rows.last else { return }
            for row in rows { try body(row) }
            after = last.id
            if rows.count < batch { return }
        }
    }

    /// The export rows of these findings, in the order of `ids` (a page of `findings --json`,
    /// which pages in its own sort order and then reads the triage facts of that page).
    public func exportRows(ids: [Int64], now: Int64) throws -> [ExportRow] {
        guard !ids.isEmpty else { return [] }
        let rows = try read { db in
            try Self.exportRows(
                db, where: "f.id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))", StatementArguments(ids), now: now)
        }
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// One read of export rows: the finding, its triage facts, and (for those that have any) its
    /// other places, as of `now` (an ended acceptance is the open finding it is again).
    static func exportRows(_ db: StoreConnection, where condition: String, _ arguments: StatementArguments, now: Int64) throws -> [ExportRow] {
        let rows = try ExportRow.fetchAll(
            db,
            sql: """
                SELECT \(FindingRow.selection), \(FindingStore.artifactColumn), f.justification, f.acceptedBy, f.acceptReason,
                       f.modelId, m.version AS modelVersion, f.otherLocations AS otherCount,
                       (SELECT e.reason FROM findingEvent e WHERE e.findingId = f.id AND e.reason IS NOT NULL
                        ORDER BY e.id DESC LIMIT 1) AS lastReason,
                       CASE WHEN f.state = \(TriageState.accepted.sql) THEN
                           (SELECT a.proposedBy FROM acceptanceProposal a WHERE a.findingId = f.id AND a.status = 'approved'
                            ORDER BY a.id DESC LIMIT 1) END AS proposedBy
                FROM finding f \(FindingRow.joins)
                WHERE \(condition)
                """, arguments: arguments)
        // Other locations of this batch, in one read: most findings have none.
        let others = try FindingStore.otherLocations(db, of: rows.filter(\.hasOtherLocations).map(\.id))
        return rows.map { row in
            var row = row
            row.finding = row.finding.asOf(now)
            if row.finding.state != .accepted {
                row.acceptedBy = nil
                row.acceptReason = nil
                row.acceptanceProposedBy = nil
            }
            row.otherLocations = others[row.id] ?? []
            return row
        }
    }
}

/// A finding a gate looks at: its export row, and whether the gated reports first reported it.
public struct GateRow: Sendable, Equatable {
    public var row: ExportRow
    public var isNew: Bool

    public init(row: ExportRow, isNew: Bool) {
        self.row = row
        self.isNew = isNew
    }
}

extension FindingStore {
    /// `IngestGroup.gateRows` after the fact: the findings these stored scans reported that match `filter`.
    public func gateRows(scanIDs: [Int64], filter: FindingFilter, now: Int64) throws -> [GateRow] {
        try read { db in try FindingStore.gateRows(db, scanIDs: scanIDs, filter: filter, now: now) }
    }

    static func gateRows(_ db: StoreConnection, scanIDs: [Int64], filter: FindingFilter, now: Int64) throws -> [GateRow] {
        guard !scanIDs.isEmpty else { return [] }
        let compiled = FilterSQL(filter, now: now)
        let marks = FilterSQL.placeholders(scanIDs.count)
        var arguments = StatementArguments(scanIDs)
        _ = arguments.append(contentsOf: compiled.arguments)
        let conditions = (["f.lastScanId IN (\(marks))"] + compiled.conditions).joined(separator: " AND ")
        let rows = try exportRows(db, where: conditions + " ORDER BY f.severity DESC, f.id", arguments, now: now)
        let fresh = Set(
            try Int64.fetchAll(
                db, sql: "SELECT id FROM finding WHERE lastScanId IN (\(marks)) AND firstScanId IN (\(marks))",
                arguments: StatementArguments(scanIDs) + StatementArguments(scanIDs)))
        return rows.map { GateRow(row: $0, isNew: fresh.contains($0.id)) }
    }
}

extension ExportRow: FetchableRecord {
    /// The row as stored, without its other locations (`forEachExportRow` reads them per batch).
    public init(row: Row) throws {
        typealias Columns = FindingStore.DetailColumns
        let finding = try FindingRow(row: row)
        self.init(
            finding: finding, artifact: try row.decode(forColumn: Columns.artifact),
            justification: try row.decode(forColumn: Columns.justification), acceptedBy: try row.decode(forColumn: Columns.acceptedBy),
            acceptReason: try row.decode(forColumn: Columns.acceptReason), modelID: try row.decode(forColumn: Columns.modelID),
            modelVersion: try row.decode(forColumn: Columns.modelVersion), lastReason: try row.decode(forColumn: Columns.lastReason),
            project: finding.project ?? "")
        hasOtherLocations = (try row.decode(Int?.self, forColumn: Columns.otherCount) ?? 0) > 0
        acceptanceProposedBy = try row.decode(forColumn: Columns.proposedBy)
    }
}
