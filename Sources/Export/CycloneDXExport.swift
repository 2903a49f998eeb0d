import FindingStore
import Findings
import Foundation

/// `mlsoc export --format cyclonedx`: a CycloneDX 1.6 ML-BOM of the inventory (models and datasets
/// with their model cards, hashes and mlsoc's risk facts) and the findings about them as
/// vulnerabilities with their VEX analysis. Written as a stream: one finding at a time.
///
/// Each vulnerability carries `mlsoc:*` properties (fingerprint, tool, rule, threat, state), so
/// importing the document again finds the same findings and restores their triage states.
public enum CycloneDXExport {
    public struct Options: Sendable {
        /// Also the findings no model claims (as vulnerabilities without `affects`).
        public var includeUnattributed: Bool
        public var filter: FindingFilter
        public var now: Int64
        public var serial: UUID
        public var weights: RiskWeights
        /// A VEX document: the components say which models, without model cards or risk facts.
        public var vex: Bool

        public init(
            includeUnattributed: Bool = true, filter: FindingFilter = .empty, now: Int64, serial: UUID = UUID(),
            weights: RiskWeights = .standard, vex: Bool = false
        ) {
            self.vex = vex
            self.includeUnattributed = includeUnattributed
            self.filter = filter
            self.now = now
            self.serial = serial
            self.weights = weights
        }
    }

    public static func write(store: FindingStore, to output: JSONOutput, options: Options) throws -> (components: Int, vulnerabilities: Int) {
        let inventory = try store.inventory()
        let risks = Dictionary(uniqueKeysWithValues: try store.modelRisks(now: options.now).map { ($0.id, $0) })
        let refs = bomRefs(inventory)

        try output.raw("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",")
        try output.raw("\"serialNumber\":\(JSONOutput.quote("urn:uuid:" + options.serial.uuidString.lowercased())),\"version\":1,")
        let timestamp = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(options.now)))
        try output.raw("\"metadata\":{\"timestamp\":\(JSONOutput.quote(timestamp)),")
        try output.raw("\"tools\":{\"components\":[{\"type\":\"application\",\"name\":\"mlsoc\",\"version\":\"0.1\"}]}},")
        try output.raw("\"components\":[")
        for (index, (id, record, project)) in inventory.enumerated() {
            try output.raw(index == 0 ? "" : ",")
            try output.raw(
                component(
                    record, ref: refs[id] ?? "", project: project, risk: options.vex ? nil : risks[id], weights: options.weights,
                    withCard: !options.vex))
        }
        try output.raw("],\"vulnerabilities\":[")
        var count = 0
        try store.forEachExportRow(filter: options.filter, now: options.now) { row in
            guard row.modelID != nil || options.includeUnattributed else { return }
            try output.raw(count == 0 ? "" : ",")
            try output.raw(vulnerability(row, ref: row.modelID.flatMap { refs[$0] }))
            count += 1
        }
        try output.raw("]}\n")
        return (inventory.count, count)
    }

    /// A bom-ref per model, unique in the document as CycloneDX requires. A name is unique per
    /// project, so one model name can be in several (support-bot in `default` and in
    /// `support-bot`): the ref then names the project after a `#`, except for the default
    /// project's (or the registry's) model, which keeps the plain ref. Two models that still share
    /// one (the same ML-BOM reference in one project) are told apart by their store id.
    package static func bomRefs(_ inventory: [(id: Int64, record: ModelRecord, project: String?)]) -> [Int64: String] {
        let plain = inventory.map { bomRef($0.record) }
        var uses: [String: Int] = [:]
        for base in plain { uses[base, default: 0] += 1 }
        // The default project's (and the registry's) models first, so a qualified ref never takes
        // the name of a model that needs none.
        let isDefault = { (index: Int) in (inventory[index].project ?? "default") == "default" }
        var refs: [Int64: String] = [:]
        var taken: Set<String> = []
        for index in inventory.indices.filter(isDefault) + inventory.indices.filter({ !isDefault($0) }) {
            let (id, _, project) = inventory[index]
            let base = plain[index]
            var ref = base
            if uses[base, default: 0] > 1, let project, project != "default" { ref = base + "#" + project }
            if taken.contains(ref) { ref = base + "#" + String(id) }
            taken.insert(ref)
            refs[id] = ref
        }
        return refs
    }

    package static func bomRef(_ record: ModelRecord) -> String {
        // Keep a reference the record came with (ML-BOMs), else make a stable one.
        if let uri = record.uri, !uri.isEmpty, !uri.hasPrefix("/") { return uri }
        return (record.kind == "dataset" ? "data:" : "model:") + record.name + (record.version.isEmpty ? "" : "@" + record.version)
    }

    package static func component(
        _ record: ModelRecord, ref: String, project: String? = nil, risk: ModelRisk?, weights: RiskWeights, withCard: Bool = true
    ) throws -> String {
        var object: [String: Any] = [
            "type": record.kind == "dataset" ? "data" : "machine-learning-model",
            "bom-ref": ref,
            "name": record.name,
        ]
        if !record.version.isEmpty { object["version"] = record.version }
        if let sha = record.sha256, sha.count == 64, sha.allSatisfy(\.isHexDigit) {
            object["hashes"] = [["alg": "SHA-256", "content": sha.lowercased()]]
        }
        if let owner = record.owner { object["authors"] = [["name": owner]] }
        var properties: [[String: String]] = [["name": "mlsoc:source", "value": record.source]]
        if let stage = record.stage { properties.append(["name": "mlsoc:stage", "value": stage]) }
        if let owner = record.owner { properties.append(["name": "mlsoc:owner", "value": owner]) }
        if let project { properties.append(["name": "mlsoc:project", "value": project]) }
        properties.append(["name": "mlsoc:criticality", "value": ModelRisk.number(record.criticality ?? 1, places: 3)])
        if let risk {
            properties.append(["name": "mlsoc:risk-score", "value": ModelRisk.number(risk.score(weights: weights), places: 3)])
            properties.append(["name": "mlsoc:open-findings", "value": String(risk.openCount)])
            properties.append(["name": "mlsoc:sla-breaches", "value": String(risk.slaBreaches)])
        }
        object["properties"] = properties
        if let card = record.modelCard, let data = card.data(using: .utf8), let parsed = try? JSONSerialization.jsonObject(with: data),
            record.kind != "dataset", withCard
        {
            object["modelCard"] = parsed
        }
        return try JSONOutput.encode(object)
    }

    /// " by ACCOUNT", or with four-eyes acceptance " by PROPOSER, approved by APPROVER".
    package static func acceptedBy(_ row: ExportRow) -> String {
        guard let by = row.acceptedBy else { return "" }
        guard let proposer = row.acceptanceProposedBy else { return " by \(by)" }
        return " by \(proposer), approved by \(by)"
    }

    /// VEX: CycloneDX analysis states. New findings carry none; accepted risks are exploitable
    /// with `will_not_fix` (the `mlsoc:state` property keeps the difference).
    package static func analysis(_ row: ExportRow) -> [String: Any]? {
        var analysis: [String: Any]
        switch row.state {
        case .new: return nil
        case .inTriage: analysis = ["state": "in_triage"]
        case .exploitable: analysis = ["state": "exploitable"]
        case .falsePositive: analysis = ["state": "false_positive"]
        case .notAffected:
            analysis = ["state": "not_affected"]
            if let justification = row.justification, TriageRules.vexJustifications.contains(justification) {
                analysis["justification"] = justification
            }
        case .resolved: analysis = ["state": "resolved"]
        case .accepted:
            analysis = ["state": "exploitable", "response": ["will_not_fix"]]
        }
        var detail: [String] = []
        if row.state == .accepted {
            let until = row.acceptedUntil.map { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval($0))) }
            detail.append(
                "risk accepted" + acceptedBy(row) + (until.map { " until \($0)" } ?? "") + (row.acceptReason.map { ": \($0)" } ?? ""))
        } else if let reason = row.lastReason {
            detail.append(reason)
        }
        if !detail.isEmpty { analysis["detail"] = detail.joined(separator: "; ") }
        return analysis
    }

    package static func vulnerability(_ row: ExportRow, ref: String?) throws -> String {
        var object: [String: Any] = [
            "bom-ref": "mlsoc:finding:" + row.fingerprint.hex,
            "id": row.taxonomy.cve.first ?? row.ruleID,
            "source": ["name": row.tool],
            "description": row.message,
            "detail": row.title,
            "ratings": [rating(row)],
            "created": iso(row.firstSeen),
            "updated": iso(row.lastSeen),
        ]
        let cwes = row.taxonomy.cwe.compactMap { Int($0.dropFirst(4)) }
        if !cwes.isEmpty { object["cwes"] = cwes }
        if let ref { object["affects"] = [["ref": ref]] }
        if let analysis = analysis(row) { object["analysis"] = analysis }
        var properties: [[String: String]] = [
            ["name": "mlsoc:fingerprint", "value": row.fingerprint.hex],
            ["name": "mlsoc:tool", "value": row.tool],
            ["name": "mlsoc:rule", "value": row.ruleID],
            ["name": "mlsoc:threat", "value": row.threat.key],
            ["name": "mlsoc:target", "value": row.threat.target.key],
            ["name": "mlsoc:state", "value": row.state.key],
        ]
        if !row.project.isEmpty { properties.append(["name": "mlsoc:project", "value": row.project]) }
        for id in row.taxonomy.atlas + row.taxonomy.owaspLLM + row.taxonomy.owaspML {
            properties.append(["name": "mlsoc:taxonomy", "value": id])
        }
        if let location = row.location { properties.append(["name": "mlsoc:location", "value": location.display]) }
        if let ticket = row.ticket { properties.append(["name": "mlsoc:ticket", "value": ticket]) }
        if let rate = row.attackSuccessRate { properties.append(["name": "mlsoc:attack-success-rate", "value": ModelRisk.number(rate, places: 4)]) }
        if row.state == .accepted {
            if let until = row.acceptedUntil { properties.append(["name": "mlsoc:accepted-until", "value": String(until)]) }
            if let by = row.acceptedBy { properties.append(["name": "mlsoc:accepted-by", "value": by]) }
            if let proposer = row.acceptanceProposedBy {
                properties.append(["name": "mlsoc:acceptance-proposed-by", "value": proposer])
                if let by = row.acceptedBy { properties.append(["name": "mlsoc:acceptance-approved-by", "value": by]) }
            }
            if let reason = row.acceptReason { properties.append(["name": "mlsoc:accept-reason", "value": reason]) }
        }
        object["properties"] = properties
        return try JSONOutput.encode(object)
    }

    package static func rating(_ row: ExportRow) -> [String: Any] {
        var rating: [String: Any] = ["severity": row.severity.name, "source": ["name": row.tool]]
        if let score = row.score { rating["score"] = score }
        return rating
    }

    package static func iso(_ seconds: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
