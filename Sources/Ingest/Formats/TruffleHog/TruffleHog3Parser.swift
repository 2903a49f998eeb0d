import Foundation
import Findings

/// trufflehog3's JSON (`trufflehog3 -f json`): a top-level array of hits. The secret itself is
/// never stored: it is cut out of the context kept as evidence, and the identity is trufflehog3's
/// own id for the hit. `path` is relative to the scanned directory; `line` is a string.
struct TruffleHog3Parser: JSONReportParser {
    static let format = "trufflehog3"
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "trufflehog3", version: nil))
        try reader.forEachElement {
            let hit = try reader.readValue()
            let rule = hit.at("rule", "id")?.string ?? "secret"
            let path = hit["path"]?.string ?? ""
            let line = hit["line"]?.int
            let secret = hit["secret"]?.string ?? ""
            let redact = { (text: String) in TruffleHog3Parser.redact(text, secret: secret) }
            let context = (hit["context"]?.members ?? []).map { "\($0.0): \(redact($0.1.text ?? ""))" }.joined(separator: "\n")
            try emit(.finding(factory.make(FindingFactory.Draft(
                tool: "trufflehog3", ruleID: rule, title: hit.at("rule", "message")?.string ?? rule,
                message: "\(hit.at("rule", "message")?.string ?? rule) in \(path)" + (line.map { " at line \($0)" } ?? ""),
                severity: Severity(text: hit.at("rule", "severity")?.string ?? "") ?? .medium, artifact: path,
                location: Location(path: path, startLine: line), evidence: context.isEmpty ? nil : context,
                identity: [hit["id"]?.string ?? "\(path):\(line ?? 0)"]
            ))))
        }
    }

    /// The secret replaced by a marker that keeps its length and first characters only.
    static func redact(_ text: String, secret: String) -> String {
        guard secret.count >= 4 else { return text }
        return text.replacingOccurrences(of: secret, with: String(secret.prefix(4)) + "…[redacted \(secret.count) chars]")
    }
}
