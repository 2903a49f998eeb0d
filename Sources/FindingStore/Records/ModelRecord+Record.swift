import Findings
import GRDB

extension ModelRecord: FetchableRecord {
    /// The `model` table's columns.
    enum Columns {
        static let id = Column("id")
        static let name = Column("name")
        static let version = Column("version")
        static let kind = Column("kind")
        static let source = Column("source")
        static let sha256 = Column("sha256")
        static let uri = Column("uri")
        static let owner = Column("owner")
        static let criticality = Column("criticality")
        static let stage = Column("stage")
        static let modelCard = Column("modelCard")
    }

    static let selection = "name, version, kind, source, sha256, uri, owner, criticality, stage, modelCard"

    public init(row: Row) throws {
        self.init(
            name: try row.decode(forColumn: Columns.name), version: try row.decode(forColumn: Columns.version),
            kind: try row.decode(forColumn: Columns.kind), source: try row.decode(forColumn: Columns.source),
            sha256: try row.decode(forColumn: Columns.sha256), uri: try row.decode(forColumn: Columns.uri),
            owner: try row.decode(forColumn: Columns.owner), criticality: try row.decode(forColumn: Columns.criticality),
            stage: try row.decode(forColumn: Columns.stage), modelCard: try row.decode(forColumn: Columns.modelCard))
    }
}
