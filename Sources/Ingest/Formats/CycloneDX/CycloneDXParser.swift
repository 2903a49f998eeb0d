import Findings
import Foundation
import JSONStream

/// CycloneDX 1.4–1.7 JSON: `machine-learning-model` and `data` components feed the model inventory;
/// tool risk properties (aisbom's `aisbom:risk`) and `vulnerabilities[]` become findings; a
/// vulnerability's VEX `analysis` sets the triage state of its finding, with an audit event.
struct CycloneDXParser: JSONReportParser {
    let mapping: MappingRules

    /// What later vulnerabilities need to know of a component.
    private struct Component {
        var name: String
        var version: String
        var model: String?
    }

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var components: [String: Component] = [:]
        var tool = "cyclonedx"
        var sawComponents = false
        var sawFormat = false
        try reader.forEachMember { key in
            switch key {
            case "bomFormat":
                sawFormat = try reader.readValue().string == "CycloneDX"
            case "metadata":
                let metadata = try reader.readValue()
                // The BOM's subject is the project (when it comes before the components, as most tools write it).
                if let subject = metadata.at("component", "name")?.string { try emit(.project(name: subject, repository: nil)) }
                if let (name, version) = CycloneDXParser.tool(metadata) {
                    // "aisbom-cli" writes "aisbom:" properties: one name for both keeps one reimport scope.
                    tool = name.lowercased().hasSuffix("-cli") ? String(name.lowercased().dropLast(4)) : name.lowercased()
                    try emit(.tool(name: tool, version: version))
                }
            case "components":
                sawComponents = true
                try reader.forEachElement {
                    let value = try reader.readValue()
                    try component(value, tool: tool, factory: factory, components: &components, emit: emit)
                }
            case "vulnerabilities":
                try reader.forEachElement {
                    try vulnerability(try reader.readValue(), tool: tool, components: components, factory: factory, emit: emit)
                }
            default:
                try reader.skipValue()
            }
        }
        guard sawFormat else { throw reader.error("not a CycloneDX document: no \"bomFormat\": \"CycloneDX\"") }
        try emit(.tool(name: tool, version: nil))
        // A VEX-only document (no components) says nothing about what disappeared; nor does an
        // mlsoc export, which is a copy, not a scan.
        if !sawComponents || tool == "mlsoc" { try emit(.partial) }
    }

    private func component(
        _ value: JSONValue, tool: String, factory: FindingFactory, components: inout [String: Component],
        emit: (ParsedItem) throws -> Void
    ) throws {
        let type = value["type"]?.string ?? "library"
        let name = value["name"]?.string ?? "?"
        let version = value["version"]?.text ?? ""
        let isModel = type == "machine-learning-model" || type == "data"
        let model = isModel ? (ModelAttribution.modelName(forArtifact: name) ?? name) : nil
        let ref = value["bom-ref"]?.string ?? name
        components[ref] = Component(name: name, version: version, model: model)
        // Every component listed was looked at: the inventory's coverage (names as findings carry them).
        try emit(.coverage(.file(name)))
        if let model { try emit(.coverage(.target(model))) }
        let properties = CycloneDXParser.properties(value)
        if let model {
            let hash = value["hashes"]?.array?.first { ($0["alg"]?.string ?? "").uppercased() == "SHA-256" }?["content"]?.string
            // mlsoc's own exports carry the registry's facts as properties.
            try emit(
                .model(
                    ModelRecord(
                        name: model, version: version, kind: type == "data" ? "dataset" : "model",
                        source: "cyclonedx", sha256: hash, uri: value["purl"]?.string ?? ref,
                        owner: properties["mlsoc:owner"], criticality: properties["mlsoc:criticality"].flatMap(Double.init),
                        stage: properties["mlsoc:stage"].flatMap { FindingFilter.stageKeys.contains($0) ? $0 : nil },
                        modelCard: value["modelCard"]?.jsonText)))
        }
        guard let risk = properties["aisbom:risk"] else { return }
        // "CRITICAL (RCE Detected: posix.system)": the level, then the reason.
        let level = String(risk.prefix { $0 != " " })
        let reason = risk.firstIndex(of: "(").map { String(risk[risk.index(after: $0)...].dropLast(risk.hasSuffix(")") ? 1 : 0)) } ?? level
        guard let severity = Severity(text: level) else {
            try emit(.warning("\(name): \(tool) could not assess it (\(risk))"))
            return
        }
        // aisbom rates a file it found nothing wrong with LOW, with no reason: the file is
        // inventory (noted above), not a finding.
        if severity == .low, !risk.contains("(") { return }
        let rule = String(reason.prefix { $0 != ":" })
        // The property's namespace names the tool, whether or not metadata came first.
        try emit(
            .finding(
                factory.make(
                    FindingFactory.Draft(
                        tool: "aisbom", ruleID: rule, title: rule, message: "\(name): \(reason)", severity: severity,
                        tags: ["cyclonedx:component-risk"], artifact: name, location: Location(path: name), model: model,
                        identity: [ref]
                    ))))
    }

    static func properties(_ value: JSONValue) -> [String: String] {
        Dictionary(
            (value["properties"]?.array ?? []).compactMap { p in
                p["name"]?.string.map { ($0, p["value"]?.text ?? "") }
            }, uniquingKeysWith: { first, _ in first })
    }

    /// A vulnerability of an mlsoc export: the finding it came from, by its recorded identity.
    private func exported(
        _ value: JSONValue, properties: [String: String], components: [String: Component],
        emit: (ParsedItem) throws -> Void
    ) throws -> Bool {
        guard let hex = properties["mlsoc:fingerprint"], let fingerprint = Fingerprint(hex: hex),
            let tool = properties["mlsoc:tool"], let rule = properties["mlsoc:rule"]
        else { return false }
        let ratings = value["ratings"]?.array ?? []
        let severity = ratings.compactMap { $0["severity"]?.string.flatMap(Severity.init(text:)) }.max() ?? .high
        var taxonomy = TaxonomyIDs(
            packed: ((value["properties"]?.array ?? []).filter { $0["name"]?.string == "mlsoc:taxonomy" }
                .compactMap { $0["value"]?.string }).joined(separator: " "))
        taxonomy.cwe = (value["cwes"]?.array ?? []).compactMap(\.int).map { "CWE-\($0)" }
        if let id = value["id"]?.string, id != rule { taxonomy.cve = [id] }
        let ref = value["affects"]?.array?.first?["ref"]?.string
        let location = properties["mlsoc:location"].map(Location.init(display:))
        let finding = Finding(
            fingerprint: fingerprint, tool: tool, ruleID: rule, title: value["detail"]?.string ?? rule,
            message: value["description"]?.string ?? rule, severity: severity, score: ratings.compactMap { $0["score"]?.double }.max(),
            threat: properties["mlsoc:threat"].flatMap(Threat.init(key:)) ?? .unclassified, taxonomy: taxonomy,
            model: ref.flatMap { components[$0]?.model }, location: location,
            mappingWhy: "as exported by mlsoc", attackSuccessRate: properties["mlsoc:attack-success-rate"].flatMap(Double.init))
        try emit(.reference(finding))
        let analysis = value["analysis"]
        let state = analysis?["state"]?.string ?? (properties["mlsoc:state"] == TriageState.new.key ? nil : "in_triage")
        if let state {
            var decision = TriageImport(
                fingerprint: fingerprint, vexState: state, justification: analysis?["justification"]?.string,
                detail: analysis?["detail"]?.string, response: analysis?["response"]?.array?.compactMap(\.string) ?? [],
                mlsocState: properties["mlsoc:state"])
            decision.acceptedUntil = properties["mlsoc:accepted-until"].flatMap { Int64($0) }
            decision.acceptedBy = properties["mlsoc:accepted-by"]
            decision.acceptReason = properties["mlsoc:accept-reason"]
            try emit(.triage(decision))
        }
        return true
    }

    private func vulnerability(
        _ value: JSONValue, tool: String, components: [String: Component], factory: FindingFactory,
        emit: (ParsedItem) throws -> Void
    ) throws {
        if try exported(value, properties: CycloneDXParser.properties(value), components: components, emit: emit) { return }
        let id = value["id"]?.string ?? "unknown"
        let ratings = value["ratings"]?.array ?? []
        let severity =
            ratings.compactMap { $0["severity"]?.string.flatMap(Severity.init(text:)) }.max()
            ?? ratings.compactMap { $0["score"]?.double.flatMap(Severity.init(securitySeverity:)) }.max() ?? .high
        let score = ratings.compactMap { $0["score"]?.double }.max()
        let cwe = (value["cwes"]?.array ?? []).compactMap(\.int).map(String.init)
        let refs = (value["affects"]?.array ?? []).compactMap { $0["ref"]?.string }
        for ref in refs.isEmpty ? [""] : refs {
            let component = components[ref]
            let affected = component.map { $0.version.isEmpty ? $0.name : "\($0.name)@\($0.version)" } ?? ref
            let text = value["description"]?.string ?? value["detail"]?.string ?? id
            let finding = factory.make(
                FindingFactory.Draft(
                    tool: tool, ruleID: id, title: id, message: "\(affected): \(text)", severity: severity, score: score, cwe: cwe,
                    tags: ["cyclonedx:vulnerability", "dependency-advisory"], taxonomy: TaxonomyIDs(cve: [id]), artifact: affected,
                    // The reference is what a separate VEX document uses to point at the same component.
                    model: component?.model, identity: [ref.isEmpty ? affected : ref]
                ))
            try emit(.finding(finding))
            if let analysis = value["analysis"], let state = analysis["state"]?.string {
                try emit(
                    .triage(
                        TriageImport(
                            fingerprint: finding.fingerprint, vexState: state,
                            justification: analysis["justification"]?.string,
                            detail: analysis["detail"]?.string,
                            response: analysis["response"]?.array?.compactMap(\.string) ?? [])))
            }
        }
    }

    /// The producing tool from `metadata.tools` (1.4: an array; 1.5+: `{components: [...]}`).
    static func tool(_ metadata: JSONValue) -> (String, String?)? {
        let tools = metadata["tools"]
        let first = tools?.array?.first ?? tools?["components"]?.array?.first
        guard let name = first?["name"]?.string else { return nil }
        return (name, first?["version"]?.text)
    }
}
