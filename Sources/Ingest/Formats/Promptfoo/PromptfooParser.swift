import Findings
import Foundation
import JSONStream

/// promptfoo's results JSON (version 3, `promptfoo eval -o results.json`): failed test results
/// grouped per red-team plugin × target provider, one finding each with the failure rate, the
/// counts and one failing prompt/output as evidence. The model is the provider's label (or id).
struct PromptfooParser: JSONReportParser {
    let mapping: MappingRules

    private struct Group {
        var plugin: String
        var provider: String
        var failed = 0
        var total = 0
        var severity: Severity?
        var evidence: String?
        var reason: String?
    }

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        var groups: [String: Group] = [:]
        var order: [String] = []
        var version: String?
        var sawResults = false
        try reader.forEachMember { key in
            guard key == "results" else {
                try reader.skipValue()
                return
            }
            try reader.forEachMember { inner in
                switch inner {
                case "results":
                    sawResults = true
                    try reader.forEachElement {
                        PromptfooParser.count(try reader.readValue(), into: &groups, order: &order)
                    }
                case "version":
                    version = try reader.readValue().text
                default:
                    try reader.skipValue()
                }
            }
        }
        if !sawResults { throw reader.error("not a promptfoo results file: no \"results.results\" array") }
        try emit(.tool(name: "promptfoo", version: version.map { "results v\($0)" }))
        let providers = Set(groups.values.map(\.provider))
        if providers.count == 1, let only = providers.first {
            try emit(.scopeModel(only))
            try emit(.project(name: only, repository: nil))
        }
        for provider in providers.sorted() { try emit(.coverage(.target(provider))) }
        // Every plugin the eval ran, passed or not: an eval of other plugins against the same
        // target leaves these findings alone, and one whose tests pass now resolves.
        for plugin in Set(groups.values.map(\.plugin)).sorted() { try emit(.ranRule(plugin)) }
        let factory = FindingFactory(mapping: mapping)
        for key in order {
            guard let group = groups[key], group.failed > 0 else { continue }
            let rate = Double(group.failed) / Double(max(group.total, 1))
            let percent = String(format: "%.1f", rate * 100)
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "promptfoo", ruleID: group.plugin, title: group.plugin,
                            message:
                                "\(group.plugin) against \(group.provider): \(group.failed) of \(group.total) tests failed (attack success \(percent)%)"
                                + (group.reason.map { ". Grader: \($0.prefix(300))" } ?? ""),
                            severity: group.severity ?? (rate >= 0.5 ? .high : .medium), score: (rate * 100).rounded() / 10, attackSuccessRate: rate,
                            tags: ["promptfoo:\(group.plugin)"], model: group.provider, evidence: group.evidence, identity: [group.provider]
                        ))))
        }
    }

    private static func count(_ result: JSONValue, into groups: inout [String: Group], order: inout [String]) {
        let metadata = result.at("testCase", "metadata") ?? result["metadata"] ?? .null
        let plugin =
            metadata["pluginId"]?.string
            ?? result.at("testCase", "assert")?.array?.first?["type"]?.string?.replacingOccurrences(of: "promptfoo:redteam:", with: "")
            ?? "assertion"
        let provider = result.at("provider", "label")?.string ?? result.at("provider", "id")?.string ?? "unknown-provider"
        let key = plugin + "\u{1F}" + provider
        if groups[key] == nil {
            groups[key] = Group(plugin: plugin, provider: provider)
            order.append(key)
        }
        groups[key]?.total += 1
        let passed = result.at("gradingResult", "pass")?.bool ?? result["success"]?.bool ?? true
        guard !passed else { return }
        groups[key]?.failed += 1
        if groups[key]?.severity == nil { groups[key]?.severity = metadata["severity"]?.string.flatMap(Severity.init(text:)) }
        if groups[key]?.evidence == nil {
            let prompt = result.at("prompt", "raw")?.string ?? ""
            let output = result.at("response", "output")?.text ?? ""
            groups[key]?.evidence = "prompt: " + String(prompt.prefix(2048)) + "\noutput: " + String(output.prefix(2048))
            groups[key]?.reason = result.at("gradingResult", "reason")?.string
        }
    }
}
