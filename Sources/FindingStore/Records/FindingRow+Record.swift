import Findings
import GRDB

extension FindingRow: FetchableRecord {
    /// The names a findings query selects its columns under (`selection`).
    enum Columns {
        static let id = Column("id")
        static let fingerprint = Column("fingerprint")
        static let tool = Column("tool")
        static let ruleID = Column("ruleId")
        static let title = Column("title")
        static let message = Column("message")
        static let severity = Column("severity")
        static let score = Column("score")
        static let threat = Column("threat")
        static let state = Column("state")
        static let acceptedUntil = Column("acceptedUntil")
        static let model = Column("model")
        static let path = Column("path")
        static let line = Column("line")
        static let endLine = Column("endLine")
        static let taxonomy = Column("taxonomy")
        static let firstSeen = Column("firstSeen")
        static let lastSeen = Column("lastSeen")
        static let version = Column("version")
        static let slaDue = Column("slaDue")
        static let attackSuccessRate = Column("asr")
        static let assignee = Column("assignee")
        static let ticket = Column("ticket")
        static let project = Column("project")
    }

    /// The select list of a finding row, over `finding f` with `joins`.
    static let selection = """
        f.id, f.fingerprint, r.tool, r.ruleId, r.title, coalesce(msg.text, '') AS message, f.severity, f.score, f.threat, f.state,
        f.acceptedUntil, m.name AS model, pa.text AS path, f.line, f.endLine, tx.text AS taxonomy, f.firstSeen, f.lastSeen, f.version, f.slaDue,
        f.asr, f.assignee, (SELECT t.ticket FROM findingTicket t WHERE t.findingId = f.id) AS ticket,
        (SELECT p.name FROM project p WHERE p.id = f.projectId) AS project
        """

    /// The tables a finding row reads beside `finding f`: its rule, its model, its message text
    /// its taxonomy ids and its path (schema v10 keeps message texts once, in `message`; v25 taxonomies,
    /// in `taxonomy`; v28 paths, in `path`).
    static let joins = """
        JOIN rule r ON r.id = f.ruleRef LEFT JOIN model m ON m.id = f.modelId LEFT JOIN message msg ON msg.id = f.messageId
        LEFT JOIN taxonomy tx ON tx.id = f.taxonomyId LEFT JOIN path pa ON pa.id = f.pathId
        """

    /// The row as stored: its state is the stored one (`asOf(now)` lapses an ended acceptance).
    public init(row: Row) throws {
        let path: String? = try row.decode(forColumn: Columns.path)
        self.init(
            id: try row.decode(forColumn: Columns.id),
            fingerprint: try row.decode(forColumn: Columns.fingerprint),
            tool: try row.decode(forColumn: Columns.tool),
            ruleID: try row.decode(forColumn: Columns.ruleID),
            title: try row.decode(forColumn: Columns.title),
            message: try row.decode(String?.self, forColumn: Columns.message) ?? "",
            severity: try row.decode(forColumn: Columns.severity),
            score: try row.decode(forColumn: Columns.score),
            threat: try row.decode(forColumn: Columns.threat),
            state: try row.decode(forColumn: Columns.state),
            acceptedUntil: try row.decode(forColumn: Columns.acceptedUntil),
            model: try row.decode(forColumn: Columns.model),
            location: try path.map {
                Location(
                    path: $0, startLine: try row.decode(forColumn: Columns.line),
                    endLine: try row.decode(forColumn: Columns.endLine))
            },
            taxonomy: TaxonomyIDs(packed: try row.decode(String?.self, forColumn: Columns.taxonomy) ?? ""),
            firstSeen: try row.decode(forColumn: Columns.firstSeen),
            lastSeen: try row.decode(forColumn: Columns.lastSeen),
            version: try row.decode(forColumn: Columns.version),
            slaDue: try row.decode(forColumn: Columns.slaDue),
            attackSuccessRate: try row.decode(forColumn: Columns.attackSuccessRate),
            assignee: try row.decode(forColumn: Columns.assignee),
            ticket: try row.decode(forColumn: Columns.ticket),
            project: try row.decode(forColumn: Columns.project)
        )
    }
}
