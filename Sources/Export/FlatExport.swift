import FindingStore
import Findings
import Foundation

/// One shape for a finding, flat, with snake_case keys and its triage facts: what
/// `mlsoc export --format json|csv` and `mlsoc findings --json|--csv` write (docs/FORMAT.md).
public enum FlatExport {
    public static let columns = [
        "id", "fingerprint", "tool", "rule", "title", "message", "severity", "score", "attack_success_rate",
        "state", "justification", "assignee", "ticket", "accepted_until", "accepted_by", "acceptance_proposed_by", "accept_reason",
        "sla_due", "version", "target",
        "threat", "model", "model_version", "location", "cwe", "cve", "atlas", "owasp_llm", "owasp_ml",
        "first_seen", "last_seen", "project", "other_locations",
    ]

    package static func fields(_ row: ExportRow) -> [String: Any?] {
        [
            "id": row.id, "fingerprint": row.fingerprint.hex, "tool": row.tool, "rule": row.ruleID, "title": row.title,
            "message": row.message, "severity": row.severity.name, "score": row.score, "attack_success_rate": row.attackSuccessRate,
            "state": row.state.key, "justification": row.justification, "assignee": row.assignee, "ticket": row.ticket,
            "accepted_until": row.acceptedUntil, "accepted_by": row.acceptedBy, "acceptance_proposed_by": row.acceptanceProposedBy,
            "accept_reason": row.acceptReason,
            // A closed finding has nothing due.
            "sla_due": row.state.isOpen ? row.slaDue : nil, "version": row.version,
            "target": row.threat.target.key, "threat": row.threat.key, "model": row.model, "model_version": row.modelVersion,
            "location": row.location?.display, "cwe": row.taxonomy.cwe, "cve": row.taxonomy.cve, "atlas": row.taxonomy.atlas,
            "owasp_llm": row.taxonomy.owaspLLM, "owasp_ml": row.taxonomy.owaspML, "first_seen": row.firstSeen, "last_seen": row.lastSeen,
            "project": row.project.isEmpty ? nil : row.project,
            "other_locations": row.otherLocations.isEmpty ? nil : row.otherLocations.map(\.location.display),
        ]
    }

    /// One finding as a JSON object on one line (absent facts left out).
    public static func json(_ row: ExportRow) throws -> String {
        try JSONOutput.encode(fields(row).compactMapValues { $0 })
    }

    /// One finding as a CSV record in `columns` order (lists space-separated, absent facts empty).
    public static func csv(_ row: ExportRow) -> String {
        let values = fields(row)
        return CSVText.row(
            columns.map { key in
                switch values[key] ?? nil {
                case let list as [String]: list.joined(separator: " ")
                case let value?: "\(value)"
                case nil: ""
                }
            })
    }

    public static func writeJSON(store: FindingStore, to output: JSONOutput, filter: FindingFilter, now: Int64) throws -> Int {
        var count = 0
        try output.raw("[")
        try store.forEachExportRow(filter: filter, now: now) { row in
            try output.raw((count == 0 ? "\n" : ",\n") + (try json(row)))
            count += 1
        }
        try output.raw(count == 0 ? "]\n" : "\n]\n")
        return count
    }

    public static func writeCSV(store: FindingStore, to output: JSONOutput, filter: FindingFilter, now: Int64) throws -> Int {
        var count = 0
        try output.raw(CSVText.row(columns))
        try store.forEachExportRow(filter: filter, now: now) { row in
            try output.raw(csv(row))
            count += 1
        }
        return count
    }
}
