import Findings
import Foundation
import GRDB

/// The model and dataset inventory, and the tools and rules the store knows.
extension FindingStore {
    /// The model and dataset inventory, by name.
    public func models() throws -> [ModelRecord] {
        try read { db in
            try ModelRecord.fetchAll(db, sql: "SELECT \(ModelRecord.selection) FROM model ORDER BY name, version")
        }
    }

    /// The inventory with store ids, for exports.
    /// `project` is the project a model was seen in (nil: the registry's, for every project).
    public func inventory() throws -> [(id: Int64, record: ModelRecord, project: String?)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, \(ModelRecord.selection), (SELECT p.name FROM project p WHERE p.id = model.projectId) AS projectName
                    FROM model ORDER BY kind DESC, name, version, projectId
                    """
            ).map { row in
                (try row.decode(forColumn: ModelRecord.Columns.id), try ModelRecord(row: row), try row.decode(String?.self, forColumn: "projectName"))
            }
        }
    }

    /// The tools that have findings, by name.
    public func tools() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT tool FROM rule WHERE id IN (SELECT DISTINCT ruleRef FROM finding) ORDER BY tool")
        }
    }

    /// One tool's rules, by id.
    public func rules(tool: String) throws -> [RuleRecord] {
        try read { db in
            try RuleRecord.fetchAll(db, sql: "SELECT ruleId, title, mapping FROM rule WHERE tool = ? ORDER BY ruleId", arguments: [tool])
        }
    }

    /// Every tool that wrote a finding, by name (the rule table: a few hundred rows at most).
    public func toolNames() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT tool FROM rule ORDER BY tool") }
    }

    /// Rule ids, first `limit` by id (filter completion).
    public func ruleIDs(limit: Int) throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT ruleId FROM rule ORDER BY ruleId LIMIT ?", arguments: [limit]) }
    }

    /// Model names, first `limit` by name (filter completion; a registry may hold 200k).
    public func modelNames(limit: Int) throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM model ORDER BY name LIMIT ?", arguments: [limit]) }
    }
}

extension RuleRecord: FetchableRecord {
    enum Columns {
        static let id = Column("ruleId")
        static let title = Column("title")
        static let mapping = Column("mapping")
    }

    public init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: Columns.id), title: try row.decode(forColumn: Columns.title),
            mapping: try row.decode(forColumn: Columns.mapping))
    }
}
