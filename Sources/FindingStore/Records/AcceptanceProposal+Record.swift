import Findings
import GRDB

extension AcceptanceProposal: FetchableRecord {
    /// The columns of `acceptanceProposal` (schema v21).
    enum Columns {
        static let id = Column("id")
        static let findingID = Column("findingId")
        static let proposedBy = Column("proposedBy")
        static let proposedAt = Column("proposedAt")
        static let reason = Column("reason")
        static let until = Column("until")
        static let status = Column("status")
        static let decidedBy = Column("decidedBy")
        static let decidedAt = Column("decidedAt")
        static let decision = Column("decision")
    }

    public init(row: Row) throws {
        let status: String = try row.decode(forColumn: Columns.status)
        self.init(
            id: try row.decode(forColumn: Columns.id), findingID: try row.decode(forColumn: Columns.findingID),
            proposedBy: try row.decode(forColumn: Columns.proposedBy), proposedAt: try row.decode(forColumn: Columns.proposedAt),
            reason: try row.decode(forColumn: Columns.reason), until: try row.decode(forColumn: Columns.until),
            status: Status(rawValue: status) ?? .proposed, decidedBy: try row.decode(forColumn: Columns.decidedBy),
            decidedAt: try row.decode(forColumn: Columns.decidedAt), decision: try row.decode(forColumn: Columns.decision))
    }
}
