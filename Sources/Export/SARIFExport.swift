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

    package static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    package static func result(_ row: ExportRow, ruleIndex: Int?) -> [String: Any] {
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
            result["locations"] = ([location] + row.otherLocations.map(\.location)).map { place -> [String: Any] in
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
        if let ticket = row.ticket {
            properties["mlsoc/ticket"] = ticket
            // SARIF's own field for "the work items tracking this result" takes URIs.
            if ticket.hasPrefix("https://") || ticket.hasPrefix("http://") { result["workItemUris"] = [ticket] }
        }
        if let rate = row.attackSuccessRate { properties["mlsoc/attack-success-rate"] = rate }
        let tags = row.taxonomy.atlas + row.taxonomy.owaspLLM + row.taxonomy.owaspML + row.taxonomy.cwe + row.taxonomy.cve
        if !tags.isEmpty { properties["tags"] = tags }
        result["properties"] = properties
        return result
    }

    /// GitHub's scale: critical ≥ 9, high ≥ 7, medium ≥ 4, low > 0.
    package static func securitySeverity(_ severity: Severity) -> Double {
        switch severity {
        case .critical: 9.5
        case .high: 8.0
        case .medium: 5.5
        case .low: 2.0
        case .info: 0.0
        }
    }

    package static func suppression(_ row: ExportRow) -> [String: Any]? {
        justification(row).map { ["kind": "external", "status": "accepted", "justification": $0] }
    }

    /// Why a finding is suppressed, in words: its false positive's reason, its VEX justification,
    /// or who accepted the risk until when and why (`mlsoc gate` says the same). nil while open or resolved.
    package static func justification(_ row: ExportRow) -> String? {
        switch row.state {
        case .falsePositive: return "false positive" + (row.lastReason.map { ": \($0)" } ?? "")
        case .notAffected: return "not affected (\(row.justification ?? "no justification"))" + (row.lastReason.map { ": \($0)" } ?? "")
        case .accepted:
            let until = row.acceptedUntil.map { " until " + CivilDate.format($0) } ?? ""
            return "risk accepted" + CycloneDXExport.acceptedBy(row) + until + (row.acceptReason.map { ": \($0)" } ?? "")
        default: return nil
        }
    }

    /// A path as a URI reference: relative paths stay relative; characters a URI cannot hold are escaped.
    package static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + escaped : escaped
    }
}
