import Findings
import Foundation
import JSONStream

/// semgrep's JSON (`semgrep --json`): `results[]` with the rule's metadata (CWE, OWASP, category,
/// impact × likelihood, and keys naming the threat: `RuleMetadata`), `errors[]` as scan warnings (`type` is a string or
/// an array). Without a login, semgrep writes "requires login" where the matched lines and the
/// fingerprint would be, so neither is used.
struct SemgrepParser: JSONReportParser {
    let mapping: MappingRules

    /// The identity of a match without semgrep's fingerprint, in both formats: file and message
    /// (repeats are numbered by the store in report order, which both formats share). Not the code
    /// (the JSON has it only with a login) and not the line (it moves with every edit above).
    static func identity(path: String, message: String) -> [String] {
        [path, "", message]
    }

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var version: String?
        try reader.forEachMember(requiring: "results", in: "a semgrep report") { key in
            switch key {
            case "version":
                version = try reader.readValue().text
            case "results":
                try emit(.tool(name: "semgrep", version: version))
                try reader.forEachElement { try emit(.finding(finding(try reader.readValue(), factory: factory))) }
            case "paths":
                // `paths.scanned`: every file the run looked at.
                for file in try reader.readValue()["scanned"]?.array ?? [] {
                    if let file = file.string { try emit(.coverage(.file(file))) }
                }
            case "time":
                // With --time, every rule the run ran (found or not): the run resolves only those
                // rules' findings. Without it the JSON does not say; --scope keeps configs apart.
                for rule in try reader.readValue()["rules"]?.array ?? [] {
                    if let id = rule.string ?? rule["id"]?.string { try emit(.ranRule(id)) }
                }
            case "errors":
                for error in try reader.readValue().array ?? [] {
                    let type = error["type"]?.string ?? error["type"]?.array?.compactMap(\.string).joined(separator: "/") ?? "error"
                    let path = error["path"]?.string.map { "\($0): " } ?? ""
                    try emit(.warning("\(path)\(type): \(error["message"]?.string ?? "semgrep error")"))
                }
            default:
                try reader.skipValue()
            }
        }
        try emit(.tool(name: "semgrep", version: version))
    }

    private func finding(_ result: JSONValue, factory: FindingFactory) -> Finding {
        let rule = result["check_id"]?.string ?? "unknown"
        let path = result["path"]?.string ?? ""
        let extra = result["extra"] ?? .null
        let message = extra["message"]?.string ?? rule
        let metadata = extra["metadata"] ?? .null
        let read = RuleMetadata(keys: metadata.members?.map(\.0) ?? []) { key in
            metadata[key]?.array?.compactMap(\.text) ?? metadata[key]?.text.map { [$0] } ?? []
        }
        let severity: Severity =
            switch extra["severity"]?.string ?? "WARNING" {
            case "ERROR": .high
            case "WARNING": .medium
            case "INFO": .low
            default: Severity(text: extra["severity"]?.string ?? "") ?? .medium
            }
        let lines = extra["lines"]?.string.flatMap { $0 == "requires login" ? nil : $0 }
        // With a login semgrep writes its match id, the same as the SARIF `matchBasedId/v1`.
        let identity: [String] =
            if let id = extra["fingerprint"]?.string, id != "requires login" {
                [path, "matchBasedId/v1=\(id)"]
            } else {
                SemgrepParser.identity(path: path, message: message)
            }
        return factory.make(
            FindingFactory.Draft(
                tool: "semgrep", ruleID: rule, title: rule.split(separator: ".").last.map(String.init) ?? rule, message: message,
                severity: severity, cwe: read.cwe, tags: read.tags,
                taxonomy: TaxonomyIDs(owaspLLM: OWASPLLM.ids(fromText: read.stated)), artifact: path,
                location: Location(path: path, startLine: result.at("start", "line")?.int, endLine: result.at("end", "line")?.int),
                evidence: lines, identity: identity, stated: read.stated, otherMetadata: read.other, toolSeverity: read.severity, code: lines
            ))
    }
}
