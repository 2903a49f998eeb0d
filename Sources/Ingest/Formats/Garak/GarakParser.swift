import Findings
import Foundation
import JSONStream

/// garak's report JSONL: one finding per probe × detector whose eval row counts failures, with the
/// attack-success rate, the counts, the probe's tags (OWASP LLM 2023 remapped to 2025, the original
/// kept) and one failing prompt/output as evidence. The model is the run's target. A run without a
/// completion record was aborted: its findings land, but nothing is resolved by it.
struct GarakParser: ReportParser {
    let mapping: MappingRules

    private struct Eval {
        var probe: String
        var detector: String
        var fails: Int
        var total: Int
    }

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        var model = ""
        var version: String?
        var evals: [Eval] = []
        var tags: [String: [String]] = [:]
        var descriptions: [String: String] = [:]
        var evidence: [String: String] = [:]
        var completed = false
        var lines = 0
        try JSONLines.forEach(stream, file: context.file, limit: 64 << 20) { _, entry in
            lines += 1
            switch entry["entry_type"]?.string {
            case "init":
                version = entry["garak_version"]?.text
            case "start_run setup":
                model =
                    entry["plugins.target_name"]?.string ?? entry["plugins.model_name"]?.string
                    ?? entry["plugins.target_type"]?.string ?? entry["plugins.model_type"]?.string ?? ""
            case "attempt":
                GarakParser.keepEvidence(entry, into: &evidence)
            case "eval":
                guard let probe = entry["probe"]?.string, let detector = entry["detector"]?.string else { return }
                evals.append(
                    Eval(
                        probe: probe, detector: detector, fails: entry["fails"]?.int ?? 0,
                        total: entry["total_evaluated"]?.int ?? entry["total"]?.int ?? 0))
            case "digest":
                GarakParser.readDigest(entry, tags: &tags, descriptions: &descriptions)
            case "completion":
                completed = true
            default:
                break
            }
        }
        guard lines > 0 else { throw IngestError(.malformed, file: context.file, "empty garak report") }
        try emit(.tool(name: "garak", version: version))
        if !model.isEmpty {
            // The target is what the run probed: its project (unless the caller names one) and its coverage.
            try emit(.project(name: model, repository: nil))
            try emit(.coverage(.target(model)))
        }
        if !completed {
            try emit(.warning("aborted garak run: no completion record; its findings are kept but nothing is resolved by it"))
            try emit(.partial)
        }
        // Every probe and detector the run evaluated, passed or not: a run of other probes against
        // the same target leaves these findings alone, and one that passes now resolves.
        for eval in evals { try emit(.ranRule("\(eval.probe)/\(eval.detector)")) }
        let factory = FindingFactory(mapping: mapping)
        for eval in evals where eval.fails > 0 {
            try emit(
                .finding(
                    finding(
                        eval, model: model, tags: tags[eval.probe] ?? [], title: descriptions[eval.probe],
                        evidence: evidence[eval.probe], factory: factory)))
        }
    }

    private func finding(
        _ eval: Eval, model: String, tags: [String], title: String?, evidence: String?,
        factory: FindingFactory
    ) -> Finding {
        let rate = eval.total > 0 ? Double(eval.fails) / Double(eval.total) : 1
        let percent = String(format: "%.1f", rate * 100)
        return factory.make(
            FindingFactory.Draft(
                tool: "garak", ruleID: "\(eval.probe)/\(eval.detector)", title: title.map { "\(eval.probe): \($0)" } ?? eval.probe,
                message:
                    "\(eval.probe) against \(model.isEmpty ? "the target" : model): detector \(eval.detector) hit \(eval.fails) of \(eval.total) outputs (attack success \(percent)%)",
                severity: rate >= 0.5 ? .high : .medium, score: (rate * 100).rounded() / 10, attackSuccessRate: rate, tags: tags,
                taxonomy: OWASPLLM.remapGarakTags(tags), model: model.isEmpty ? nil : model, evidence: evidence,
                identity: [model]
            ))
    }

    /// Keeps one failing prompt and output per probe, cut to 2 KB each: enough to show, bounded.
    static func keepEvidence(_ attempt: JSONValue, into evidence: inout [String: String]) {
        guard let probe = attempt["probe_classname"]?.string, evidence[probe] == nil,
            let results = attempt["detector_results"]?.members,
            results.contains(where: { ($0.1.array ?? []).contains { ($0.double ?? 0) >= 0.5 } })
        else { return }
        let prompt = attempt.at("prompt", "turns")?.array?.last?.at("content", "text")?.string ?? ""
        let output = attempt["outputs"]?.array?.first?["text"]?.string ?? ""
        evidence[probe] = "prompt: " + String(prompt.prefix(2048)) + "\noutput: " + String(output.prefix(2048))
    }

    /// Probe tags and descriptions from the digest's `eval` tree: group → probe → `_summary`.
    static func readDigest(_ digest: JSONValue, tags: inout [String: [String]], descriptions: inout [String: String]) {
        for (_, group) in digest["eval"]?.members ?? [] {
            for (name, probe) in group.members ?? [] where name != "_summary" {
                guard let summary = probe["_summary"] else { continue }
                tags[name] = summary["probe_tags"]?.array?.compactMap(\.string) ?? []
                descriptions[name] = summary["probe_descr"]?.string
            }
        }
    }
}
