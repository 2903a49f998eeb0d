import Findings
import Foundation
import GRDB

/// What the mapping decided and what it does not know yet (`mlsoc mapping explain|unmapped`).
extension FindingStore {
    /// One finding by id, with the mapping explanation recorded for its rule.
    public func mappingRecord(findingID: Int64) throws -> MappingRecord? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(FindingRow.selection), r.mapping, r.inputs, ev.evidence
                        FROM finding f \(FindingRow.joins) LEFT JOIN findingEvidence ev ON ev.findingId = f.id
                        WHERE f.id = ?
                        """, arguments: [findingID])
            else { return nil }
            return MappingRecord(
                finding: try FindingRow(row: row), recorded: try row.decode(forColumn: DetailColumns.mappingWhy),
                inputs: try row.decode(forColumn: DetailColumns.inputs), evidence: try row.decode(forColumn: DetailColumns.evidence))
        }
    }

    /// The rules of unclassified findings that match the filter, most findings first: what the
    /// mapping does not know yet. Reads only the unclassified row (by the threat index).
    public func unmappedRules(_ filter: FindingFilter, now: Int64, limit: Int = 500) throws -> [UnmappedRule] {
        var filter = filter
        filter.clauses.append(.init(.threats([.unclassified])))
        let sql = FilterSQL(filter, now: now)
        let conditions = sql.conditions.joined(separator: " AND ")
        return try read { db in
            try UnmappedRule.fetchAll(
                db,
                sql: """
                    SELECT r.tool, r.ruleId, r.title, r.inputs, count(*) AS findings, count(*) FILTER (WHERE f.state IN (\(TriageState.openSQL))) AS open,
                           max(f.severity) AS worst, min(pa.text) AS example
                    FROM finding f JOIN rule r ON r.id = f.ruleRef LEFT JOIN path pa ON pa.id = f.pathId
                    WHERE \(conditions)
                    GROUP BY f.ruleRef, r.id ORDER BY findings DESC, r.tool, r.ruleId LIMIT ?
                    """, arguments: sql.arguments + [limit])
        }
    }
}

extension UnmappedRule: FetchableRecord {
    enum Columns {
        static let tool = Column("tool")
        static let ruleID = Column("ruleId")
        static let title = Column("title")
        static let inputs = Column("inputs")
        static let findings = Column("findings")
        static let open = Column("open")
        static let worst = Column("worst")
        static let example = Column("example")
    }

    public init(row: Row) throws {
        self.init(
            tool: try row.decode(forColumn: Columns.tool), ruleID: try row.decode(forColumn: Columns.ruleID),
            title: try row.decode(forColumn: Columns.title), inputs: try row.decode(forColumn: Columns.inputs),
            findings: try row.decode(forColumn: Columns.findings), open: try row.decode(Int?.self, forColumn: Columns.open) ?? 0,
            worst: try row.decode(Severity?.self, forColumn: Columns.worst) ?? .info, example: try row.decode(forColumn: Columns.example))
    }
}
