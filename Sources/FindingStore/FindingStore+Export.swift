import Foundation
import Findings
import GRDB

/// One finding with everything an export writes: the list row, plus the triage and model facts
/// only exports need. `row.tool`, `row.state`… read through to the list row.
@dynamicMemberLookup
public struct ExportRow: Sendable, Equatable {
    public var finding: FindingRow
    public var artifact: String?
    public var justification: String?
    public var acceptedUntil: Int64?
    public var acceptedBy: String?
    public var acceptReason: String?
    /// The model's id in the store and its version; nil without a model.
    public var modelID: Int64?
    public var modelVersion: String?
    /// The latest audit event's reason, for VEX `detail`.
    public var lastReason: String?
    /// The project of the scan that found it.
    public var project = ""
    /// The other places the finding occurs, in the order the tool listed them.
    public var otherLocations: [Location] = []

    public subscript<T>(dynamicMember keyPath: KeyPath<FindingRow, T>) -> T { finding[keyPath: keyPath] }
}

extension FindingStore {
    /// Walks every finding (or those of `filter`) in id order, a keyset batch at a time: memory stays
    /// bounded however large the store is.
    public func forEachExportRow(filter: FindingFilter = .empty, batch: Int = 1_000, now: Int64 = Int64(Date().timeIntervalSince1970),
                                 _ body: (ExportRow) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let compiled = FilterSQL(filter, now: now)
            var conditions = compiled.conditions + ["f.id > ?"]
            var arguments = compiled.arguments
            _ = arguments.append(contentsOf: [after, batch])
            conditions = conditions.filter { !$0.isEmpty }
            let rows = try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT f.*, r.tool, r.ruleId, r.title, m.name AS model, m.version AS modelVersion,
                           \(FindingStore.messageColumn), \(FindingStore.artifactColumn),
                           (SELECT e.reason FROM findingEvent e WHERE e.findingId = f.id AND e.reason IS NOT NULL
                            ORDER BY e.id DESC LIMIT 1) AS lastReason,
                           (SELECT p.name FROM project p WHERE p.id = f.projectId) AS projectName
                    FROM finding f JOIN rule r ON r.id = f.ruleRef LEFT JOIN model m ON m.id = f.modelId \(FindingStore.messageJoin)
                    WHERE \(conditions.joined(separator: " AND ")) ORDER BY f.id LIMIT ?
                    """, arguments: arguments)
            }
            guard let last = rows.last else { return }
            // Other locations of this batch, in one read: most findings have none.
            let withOthers = rows.filter { ($0["otherLocations"] as Int? ?? 0) > 0 }.map { $0["id"] as Int64 }
            var others: [Int64: [Location]] = [:]
            if !withOthers.isEmpty {
                try pool.read { db in
                    let marks = Array(repeating: "?", count: withOthers.count).joined(separator: ", ")
                    for other in try Row.fetchAll(db, sql: """
                        SELECT findingId, path, line, endLine FROM findingLocation WHERE findingId IN (\(marks)) ORDER BY findingId, ordinal
                        """, arguments: StatementArguments(withOthers)) {
                        others[other["findingId"], default: []].append(Location(path: other["path"], startLine: other["line"], endLine: other["endLine"]))
                    }
                }
            }
            for row in rows {
                var export = FindingStore.exportRow(row, now: now)
                export.otherLocations = others[row["id"]] ?? []
                try body(export)
            }
            after = last["id"]
            if rows.count < batch { return }
        }
    }

    /// One export row as of `now`: an ended acceptance is exported as the open finding it is again.
    static func exportRow(_ row: Row, now: Int64) -> ExportRow {
        let finding = findingRow(row, now: now)
        let accepted = finding.state == .accepted
        var export = ExportRow(finding: finding, artifact: row["artifactPath"], justification: row["justification"],
                               acceptedUntil: accepted ? row["acceptedUntil"] : nil, acceptedBy: accepted ? row["acceptedBy"] : nil,
                               acceptReason: accepted ? row["acceptReason"] : nil,
                               modelID: row["modelId"], modelVersion: row["modelVersion"], lastReason: row["lastReason"])
        if row.hasColumn("projectName") { export.project = row["projectName"] ?? "" }
        return export
    }

    /// The inventory with store ids, for exports.
    public func inventory() throws -> [(id: Int64, record: ModelRecord)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM model ORDER BY kind DESC, name, version").map { row in
                (row["id"], ModelRecord(name: row["name"], version: row["version"], kind: row["kind"], source: row["source"],
                                        sha256: row["sha256"], uri: row["uri"], owner: row["owner"], criticality: row["criticality"],
                                        stage: row["stage"], modelCard: row["modelCard"]))
            }
        }
    }
}

/// A rule as exports describe it.
public struct RuleRecord: Sendable, Equatable {
    public var id: String
    public var title: String
    public var mapping: String?
}

extension FindingStore {
    /// The tools that have findings, by name.
    public func tools() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT tool FROM rule WHERE id IN (SELECT DISTINCT ruleRef FROM finding) ORDER BY tool")
        }
    }

    /// One tool's rules, by id.
    public func rules(tool: String) throws -> [RuleRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT ruleId, title, mapping FROM rule WHERE tool = ? ORDER BY ruleId", arguments: [tool])
                .map { RuleRecord(id: $0["ruleId"], title: $0["title"], mapping: $0["mapping"]) }
        }
    }
}
