import FindingStore
import Findings
import Foundation

/// `mlsoc export --format sarif`: SARIF 2.1.0, one run per tool, streamed tool by tool.
///
/// Triage travels as SARIF says it should: false positives, accepted risks and not-affected
/// findings carry an `external` suppression (status accepted, with the justification); resolved
/// findings are `baselineState: absent`, the others `new` (first seen by this store's latest scan)
/// or `unchanged`. mlsoc's own facts (cell, state, model, ATLAS/OWASP ids) are result properties,
/// and `partialFingerprints["mlsoc/v1"]` keeps each finding's identity.
public enum SARIFExport {
    public static func write(store: FindingStore, to output: JSONOutput, filter: FindingFilter, now: Int64) throws -> Int {
        try output.raw("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[")
        var count = 0
        for (index, tool) in try store.tools().enumerated() {
            try output.raw(index == 0 ? "" : ",")
            let rules = try store.rules(tool: tool)
            let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
            let driver: [String: Any] = [
                "name": tool,
                "informationUri": "https://github.com/mlsoc/mlsoc",
                "rules": rules.map { rule -> [String: Any] in
                    var object: [String: Any] = ["id": rule.id, "shortDescription": ["text": rule.title.isEmpty ? rule.id : rule.title]]
                    if let mapping = rule.mapping { object["properties"] = ["mlsoc/mapping": mapping] }
                    return object
                },
            ]
            try output.raw("{\"tool\":{\"driver\":\(try JSONOutput.encode(driver))},")
            try output.raw("\"automationDetails\":{\"id\":\(JSONOutput.quote("mlsoc-export/\(tool)/"))},\"results\":[")
            var first = true
            let toolFilter = FindingFilter(clauses: filter.clauses + [.init(.tools([tool]))])
            try store.forEachExportRow(filter: toolFilter, now: now) { row in
                // The tool filter is a glob; a tool name with * or ? could match others.
                guard row.tool == tool else { return }
                try output.raw(first ? "" : ",")
                first = false
                try output.raw(try JSONOutput.encode(result(row, ruleIndex: ruleIndex[row.ruleID])))
                count += 1
            }
            try output.raw("]}")
        }
        try output.raw("]}\n")
        return count
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    static func result(_ row: ExportRow, ruleIndex: Int?) -> [String: Any] {
        var result: [String: Any] = [
            "ruleId": row.ruleID,
            "level": level(row.severity),
            "message": ["text": row.message.isEmpty ? row.title : row.message],
            "partialFingerprints": ["mlsoc/v1": row.fingerprint.hex],
            "baselineState": row.state == .resolved ? "absent" : (row.firstSeen == row.lastSeen ? "new" : "unchanged"),
        ]
        if let ruleIndex { result["ruleIndex"] = ruleIndex }
        if let location = row.location ?? row.artifact.map({ Location(path: $0) }) {
            // Every place the result occurs, the finding's own first (SARIF §3.27.12).
            result["locations"] = ([location] + row.otherLocations).map { place -> [String: Any] in
                var physical: [String: Any] = ["artifactLocation": ["uri": uri(place.path)]]
                if let start = place.startLine, start > 0 {
                    var region: [String: Any] = ["startLine": start]
                    if let end = place.endLine, end >= start { region["endLine"] = end }
                    physical["region"] = region
                }
                return ["physicalLocation": physical]
            }
        }
        if let suppression = suppression(row) { result["suppressions"] = [suppression] }
        var properties: [String: Any] = [
            "mlsoc/state": row.state.key,
            "mlsoc/severity": row.severity.name,
            "mlsoc/threat": row.threat.key,
            "mlsoc/target": row.threat.target.key,
            "security-severity": String(row.score ?? securitySeverity(row.severity)),
        ]
        if let model = row.model { properties["mlsoc/model"] = model }
        if !row.project.isEmpty { properties["mlsoc/project"] = row.project }
        if let assignee = row.assignee { properties["mlsoc/assignee"] = assignee }
        if let rate = row.attackSuccessRate { properties["mlsoc/attack-success-rate"] = rate }
        let tags = row.taxonomy.atlas + row.taxonomy.owaspLLM + row.taxonomy.owaspML + row.taxonomy.cwe + row.taxonomy.cve
        if !tags.isEmpty { properties["tags"] = tags }
        result["properties"] = properties
        return result
    }

    /// GitHub's scale: critical ≥ 9, high ≥ 7, medium ≥ 4, low > 0.
    static func securitySeverity(_ severity: Severity) -> Double {
        switch severity {
        case .critical: 9.5
        case .high: 8.0
        case .medium: 5.5
        case .low: 2.0
        case .info: 0.0
        }
    }

    static func suppression(_ row: ExportRow) -> [String: Any]? {
        let justification: String
        switch row.state {
        case .falsePositive: justification = "false positive" + (row.lastReason.map { ": \($0)" } ?? "")
        case .notAffected: justification = "not affected (\(row.justification ?? "no justification"))" + (row.lastReason.map { ": \($0)" } ?? "")
        case .accepted:
            let until = row.acceptedUntil.map { " until " + CivilDate.format($0) } ?? ""
            justification = "risk accepted" + (row.acceptedBy.map { " by \($0)" } ?? "") + until + (row.acceptReason.map { ": \($0)" } ?? "")
        default: return nil
        }
        return ["kind": "external", "status": "accepted", "justification": justification]
    }

    /// A path as a URI reference: relative paths stay relative; characters a URI cannot hold are escaped.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + escaped : escaped
    }
}

/// `--format json` and `--format csv`: every finding with its triage facts, flat.
public enum FlatExport {
    public static let columns = ["id", "fingerprint", "tool", "rule", "title", "message", "severity", "score", "attack_success_rate",
                                 "state", "justification", "assignee", "accepted_until", "accepted_by", "accept_reason", "target",
                                 "threat", "model", "model_version", "location", "cwe", "cve", "atlas", "owasp_llm", "owasp_ml",
                                 "first_seen", "last_seen", "project", "other_locations"]

    static func fields(_ row: ExportRow) -> [String: Any?] {
        [
            "id": row.id, "fingerprint": row.fingerprint.hex, "tool": row.tool, "rule": row.ruleID, "title": row.title,
            "message": row.message, "severity": row.severity.name, "score": row.score, "attack_success_rate": row.attackSuccessRate,
            "state": row.state.key, "justification": row.justification, "assignee": row.assignee,
            "accepted_until": row.acceptedUntil, "accepted_by": row.acceptedBy, "accept_reason": row.acceptReason,
            "target": row.threat.target.key, "threat": row.threat.key, "model": row.model, "model_version": row.modelVersion,
            "location": row.location?.display, "cwe": row.taxonomy.cwe, "cve": row.taxonomy.cve, "atlas": row.taxonomy.atlas,
            "owasp_llm": row.taxonomy.owaspLLM, "owasp_ml": row.taxonomy.owaspML, "first_seen": row.firstSeen, "last_seen": row.lastSeen,
            "project": row.project.isEmpty ? nil : row.project,
            "other_locations": row.otherLocations.isEmpty ? nil : row.otherLocations.map(\.display),
        ]
    }

    public static func writeJSON(store: FindingStore, to output: JSONOutput, filter: FindingFilter, now: Int64) throws -> Int {
        var count = 0
        try output.raw("[")
        try store.forEachExportRow(filter: filter, now: now) { row in
            let object = fields(row).compactMapValues { $0 }
            try output.raw((count == 0 ? "\n" : ",\n") + (try JSONOutput.encode(object)))
            count += 1
        }
        try output.raw(count == 0 ? "]\n" : "\n]\n")
        return count
    }

    public static func writeCSV(store: FindingStore, to output: JSONOutput, filter: FindingFilter, now: Int64) throws -> Int {
        var count = 0
        try output.raw(CSVText.row(columns))
        try store.forEachExportRow(filter: filter, now: now) { row in
            let values = fields(row)
            try output.raw(CSVText.row(columns.map { key in
                switch values[key] ?? nil {
                case let list as [String]: list.joined(separator: " ")
                case let value?: "\(value)"
                case nil: ""
                }
            }))
            count += 1
        }
        return count
    }
}

/// RFC 4180 CSV. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a
/// leading apostrophe: report text is hostile in spreadsheets too.
public enum CSVText {
    public static func row(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: ",") + "\r\n"
    }

    public static func cell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
