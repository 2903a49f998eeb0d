import Findings
import Foundation
import JSONStream

/// bandit's JSON (`bandit -f json`): `results[]` become findings with bandit's severity and CWE;
/// `errors[]` (files it could not parse: bandit still exits 0) become scan warnings. Identities
/// match bandit's SARIF, so the same run in both formats does not double.
struct BanditParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "bandit", version: nil))
        var metrics = BanditMetrics()
        try reader.forEachMember(requiring: "results", in: "a bandit report") { key in
            switch key {
            case "results":
                try reader.forEachElement {
                    let result = try reader.readValue()
                    metrics.noteResult(file: result["filename"]?.string ?? "")
                    try emit(.finding(finding(result, factory: factory)))
                }
            case "errors":
                // Files it could not parse were not scanned: absence there proves nothing, so they
                // are not covered; the files it did read resolve as usual. An error naming no
                // file leaves the whole run unproven.
                for error in try reader.readValue().array ?? [] {
                    let file = error["filename"]?.string
                    try emit(.warning("\(file ?? "?"): \(error["reason"]?.string ?? "bandit could not scan it")"))
                    if let file, !file.isEmpty { try emit(.partlyReported(file)) } else { try emit(.partial) }
                }
            case "metrics":
                // One entry per scanned file, plus "_totals": what the run covered (`BanditMetrics`).
                metrics.note(metrics: try reader.readValue())
            default:
                try reader.skipValue()
            }
        }
        try metrics.emit(emit)
    }

    private func finding(_ result: JSONValue, factory: FindingFactory) -> Finding {
        let test = result["test_id"]?.string ?? "B000"
        let file = Coverage.withoutDotSlash(result["filename"]?.string ?? "")
        let line = result["line_number"]?.int
        let message = result["issue_text"]?.string ?? test
        let anchor = BanditParser.flaggedLine(code: result["code"]?.string ?? "", line: line)
        let cwe = result.at("issue_cwe", "id")?.int.map { [String($0)] } ?? []
        let range = result["line_range"]?.array?.compactMap(\.int) ?? []
        return factory.make(
            FindingFactory.Draft(
                tool: "bandit", ruleID: test, title: (result["test_name"]?.string ?? test).replacingOccurrences(of: "_", with: " "),
                message: message, severity: Severity(text: result["issue_severity"]?.string ?? "") ?? .medium, cwe: cwe,
                tags: ["confidence:" + (result["issue_confidence"]?.string ?? "").lowercased()], artifact: file,
                location: Location(path: file, startLine: line, endLine: range.last), evidence: result["code"]?.string,
                identity: [file, anchor, message]
            ))
    }

    /// The flagged line out of bandit's numbered context ("2 import os\n3 import pickle\n…").
    static func flaggedLine(code: String, line: Int?) -> String {
        guard let line else { return "" }
        let prefix = "\(line) "
        for text in code.split(separator: "\n") where text.hasPrefix(prefix) {
            return text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
        return ""
    }
}
