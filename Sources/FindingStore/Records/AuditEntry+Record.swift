import Findings
import GRDB

extension AuditEntry: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let findingID = Column("findingId")
        static let at = Column("at")
        static let actor = Column("actor")
        static let kind = Column("kind")
        static let from = Column("fromValue")
        static let to = Column("toValue")
        static let reason = Column("reason")
        static let tool = Column("tool")
        static let ruleID = Column("ruleId")
    }

    /// The select list of an event, over `findingEvent e`; `tool` and `ruleId` come from the
    /// finding's rule when the query joins it (the audit log), and are empty otherwise.
    static let selection = "e.id, e.findingId, e.at, e.actor, e.kind, e.fromValue, e.toValue, e.reason"

    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: Columns.id), findingID: try row.decode(forColumn: Columns.findingID),
            at: try row.decode(forColumn: Columns.at), actor: try row.decode(forColumn: Columns.actor),
            kind: try row.decode(forColumn: Columns.kind), from: try row.decode(forColumn: Columns.from),
            to: try row.decode(forColumn: Columns.to), reason: try row.decode(forColumn: Columns.reason),
            tool: try row.decode(String?.self, forColumn: Columns.tool) ?? "",
            ruleID: try row.decode(String?.self, forColumn: Columns.ruleID) ?? "")
    }
}
