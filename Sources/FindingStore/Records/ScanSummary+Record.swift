import Findings
import GRDB

extension ScanSummary: FetchableRecord {
    /// The `scan` table's columns, and what `recentScans` adds.
    enum Columns {
        static let id = Column("id")
        static let tool = Column("tool")
        static let format = Column("format")
        static let sourcePath = Column("sourcePath")
        static let ingestedAt = Column("ingestedAt")
        static let actor = Column("actor")
        static let total = Column("findingCount")
        static let new = Column("newCount")
        static let unchanged = Column("unchangedCount")
        static let reopened = Column("reopenedCount")
        static let closed = Column("closedCount")
        static let warnings = Column("warnings")
        static let project = Column("project")
        static let coverage = Column("coverage")
    }

    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: Columns.id), tool: try row.decode(forColumn: Columns.tool),
            format: try row.decode(forColumn: Columns.format), sourcePath: try row.decode(forColumn: Columns.sourcePath),
            ingestedAt: try row.decode(forColumn: Columns.ingestedAt), actor: try row.decode(forColumn: Columns.actor),
            total: try row.decode(forColumn: Columns.total), new: try row.decode(forColumn: Columns.new),
            unchanged: try row.decode(forColumn: Columns.unchanged), reopened: try row.decode(forColumn: Columns.reopened),
            closed: try row.decode(forColumn: Columns.closed), warnings: try row.decode(Int?.self, forColumn: Columns.warnings) ?? 0)
        project = try row.decode(String?.self, forColumn: Columns.project) ?? ""
        coverage = try row.decode(forColumn: Columns.coverage)
    }
}
