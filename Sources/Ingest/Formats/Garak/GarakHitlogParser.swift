import Findings
import JSONStream

/// garak's hit log (`*.hitlog.jsonl`): one line per output a detector flagged. Hits are grouped per
/// probe × detector into the same findings the run's report gives (same identities), with the hit
/// count and the first hit as evidence. The log has no totals, so no attack-success rate: high.
struct GarakHitlogParser: ReportParser {
    let mapping: MappingRules

    private struct Group {
        var probe: String
        var detector: String
        var hits = 0
        var evidence = ""
    }

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        var groups: [String: Group] = [:]
        var order: [String] = []
        var model = ""
        try JSONLines.forEach(stream, file: context.file, limit: 64 << 20) { _, hit in
            guard let probe = hit["probe"]?.string, let detector = hit["detector"]?.string else { return }
            if model.isEmpty { model = GarakHitlogParser.model(generator: hit["generator"]?.string ?? "") }
            let key = probe + "/" + detector
            if groups[key] == nil {
                let prompt = hit.at("prompt", "turns")?.array?.last?.at("content", "text")?.string ?? hit["prompt"]?.string ?? ""
                let output = hit.at("output", "text")?.string ?? hit["output"]?.string ?? ""
                groups[key] = Group(
                    probe: probe, detector: detector,
                    evidence: "prompt: " + String(prompt.prefix(2048)) + "\noutput: " + String(output.prefix(2048)))
                order.append(key)
            }
            groups[key]?.hits += 1
        }
        try emit(.tool(name: "garak", version: nil))
        if !model.isEmpty {
            try emit(.scopeModel(model))
            try emit(.project(name: model, repository: nil))
            try emit(.coverage(.target(model)))
        }
        let factory = FindingFactory(mapping: mapping)
        for key in order {
            guard let group = groups[key] else { continue }
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "garak", ruleID: key, title: group.probe,
                            message:
                                "\(group.probe) against \(model.isEmpty ? "the target" : model): detector \(group.detector) flagged \(group.hits) outputs (hit log; no totals)",
                            severity: .high, model: model.isEmpty ? nil : model, evidence: group.evidence, identity: [model]
                        ))))
        }
    }

    /// "test.Repeat support-bot" → "support-bot"; "test.Repeat None" → "test.Repeat".
    static func model(generator: String) -> String {
        let parts = generator.split(separator: " ", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[1] != "None", !parts[1].isEmpty { return parts[1] }
        return parts.first ?? ""
    }
}
