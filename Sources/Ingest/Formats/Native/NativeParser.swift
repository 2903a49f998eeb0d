import Findings
import Foundation
import JSONStream

/// The native JSONL format for custom producers (docs/FORMAT.md): an optional header line
/// `{"schema": "mlsoc.report/1", …}`, then one `{"schema": "mlsoc.finding/1", …}` per line, then an
/// optional closing `{"schema": "mlsoc.end/1", "findings": N}`: only with it is a run complete.
/// A line that is not valid stops the report with its line number: nothing is half-ingested.
struct NativeParser: ReportParser {
    let mapping: MappingRules

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var tool = ""
        var findings = 0
        var closed = false
        try JSONLines.forEach(stream, file: context.file, limit: 4 << 20) { lineNumber, value in
            let schema = value["schema"]?.string ?? ""
            if closed {
                throw IngestError(.malformed, file: context.file, "a line after the closing mlsoc.end/1 line", line: lineNumber)
            }
            switch schema {
            case "mlsoc.end/1":
                // The closing line: the run finished and wrote this many findings.
                guard let count = value["findings"]?.int, count >= 0 else {
                    throw IngestError(.malformed, file: context.file, "mlsoc.end/1 without a \"findings\" count", line: lineNumber)
                }
                guard count == findings else {
                    throw IngestError(
                        .malformed, file: context.file,
                        "the closing line counts \(count) findings, the report holds \(findings) (cut or mixed up?)", line: lineNumber)
                }
                closed = true
            case "mlsoc.report/1":
                tool = value["tool"]?.string ?? tool
                try emit(.tool(name: tool, version: value["version"]?.text))
                if let category = value["category"]?.string { try emit(.category(category)) }
                if let project = value["project"]?.string { try emit(.project(name: project, repository: value["repository"]?.string)) }
                // What the run looked at: paths (a trailing / for a tree, "." for everything) or target:NAME.
                for item in value["covers"]?.array ?? [] {
                    guard let text = item.string else { continue }
                    if text.hasPrefix("target:") {
                        try emit(.coverage(.target(String(text.dropFirst(7)))))
                    } else if text.hasSuffix("/") || text == "." {
                        try emit(.coverage(.root(text)))
                    } else {
                        try emit(.coverage(.file(text)))
                    }
                }
            case "mlsoc.finding/1":
                if tool.isEmpty, let name = value["tool"]?.string {
                    tool = name
                    try emit(.tool(name: name, version: nil))
                }
                try emit(.finding(finding(value, defaultTool: tool, line: lineNumber, file: context.file, factory: factory)))
                findings += 1
            default:
                throw IngestError(
                    .malformed, file: context.file,
                    "unknown schema '\(schema)' (expected mlsoc.report/1, mlsoc.finding/1 or mlsoc.end/1)", line: lineNumber)
            }
        }
        if !closed {
            // Cut at a line boundary (still being written, or the producer died) looks whole: without
            // the closing line nothing proves the run complete, so it resolves nothing.
            try emit(.warning("no closing {\"schema\": \"mlsoc.end/1\", \"findings\": N} line: the run may be incomplete, so it resolves nothing"))
            try emit(.partial)
        }
    }

    private func finding(_ value: JSONValue, defaultTool: String, line: Int, file: String, factory: FindingFactory) throws -> Finding {
        func required(_ key: String) throws -> String {
            guard let text = value[key]?.string, !text.isEmpty else {
                throw IngestError(.malformed, file: file, "finding without \"\(key)\"", line: line)
            }
            return text
        }
        let rule = try required("rule")
        let severityText = try required("severity")
        guard let severity = Severity(text: severityText) else {
            throw IngestError(.malformed, file: file, "unknown severity '\(severityText)'", line: line)
        }
        var stated: Threat?
        if let key = value["threat"]?.string {
            guard let threat = Threat(key: key) else {
                throw IngestError(.malformed, file: file, "unknown threat '\(key)'", line: line)
            }
            stated = threat
        }
        let strings = { (key: String) in value[key]?.array?.compactMap(\.text) ?? [] }
        let path = value.at("location", "path")?.string ?? value["artifact"]?.string
        let message = value["message"]?.string ?? rule
        return factory.make(
            FindingFactory.Draft(
                tool: value["tool"]?.string ?? defaultTool, ruleID: rule, title: value["title"]?.string ?? rule, message: message,
                severity: severity, score: value["score"]?.double,
                cwe: strings("cwe").map { $0.uppercased().replacingOccurrences(of: "CWE-", with: "") },
                tags: strings("tags"),
                taxonomy: TaxonomyIDs(atlas: strings("atlas"), owaspLLM: strings("owasp_llm"), owaspML: strings("owasp_ml"), cve: strings("cve")),
                artifact: value["artifact"]?.string ?? path,
                location: path.map {
                    Location(path: $0, startLine: value.at("location", "line")?.int, endLine: value.at("location", "end_line")?.int)
                },
                model: value["model"]?.string, evidence: value["evidence"]?.string,
                identity: value["fingerprint"]?.string.map { [$0] } ?? [path ?? "", value["model"]?.string ?? "", message],
                stated: (stated.map { [$0.key] } ?? []) + strings("atlas") + strings("owasp_llm") + strings("owasp_ml")
            ))
    }
}
