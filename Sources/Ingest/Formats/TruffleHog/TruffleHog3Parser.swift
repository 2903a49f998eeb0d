import Findings
import Foundation
import JSONStream

/// trufflehog3's JSON (`trufflehog3 -f json`): a top-level array of hits. The secret itself is
/// never stored: it is cut out of the context kept as evidence, and the identity is trufflehog3's
/// own id for the hit. `path` is relative to the scanned directory; `line` is a string. The 2.x
/// ("legacy") format is read too (`legacy`).
struct TruffleHog3Parser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "trufflehog3", version: nil))
        try reader.forEachElement {
            let hit = try reader.readValue()
            if hit["rule"] == nil, hit["reason"] != nil || hit["stringsFound"] != nil {
                try emit(.finding(TruffleHog3Parser.legacy(hit, factory: factory)))
                return
            }
            let rule = hit.at("rule", "id")?.string ?? "secret"
            let path = hit["path"]?.string ?? ""
            let line = hit["line"]?.int
            let secret = hit["secret"]?.string ?? ""
            let redact = { (text: String) in TruffleHog3Parser.redact(text, secret: secret) }
            let context = (hit["context"]?.members ?? []).map { "\($0.0): \(redact($0.1.text ?? ""))" }.joined(separator: "\n")
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "trufflehog3", ruleID: rule, title: hit.at("rule", "message")?.string ?? rule,
                            message: "\(hit.at("rule", "message")?.string ?? rule) in \(path)" + (line.map { " at line \($0)" } ?? ""),
                            severity: Severity(text: hit.at("rule", "severity")?.string ?? "") ?? .medium, artifact: path,
                            location: Location(path: path, startLine: line), evidence: context.isEmpty ? nil : context,
                            identity: [hit["id"]?.string ?? "\(path):\(line ?? 0)"]
                        ))))
        }
    }

    /// trufflehog3 2.x ("legacy", the truffleHog 2 format): `reason`, `path`, `stringsFound` (diff
    /// lines with their `+`/`-`, or the matched text), `commit`, `commitHash`, `branch`, `date`. The
    /// found strings hold the secret and cannot be cut apart from it: only their first characters
    /// and length are kept. The identity is the file, the reason and the found text without its
    /// diff sign, so one secret seen in several commits is one finding.
    static func legacy(_ hit: JSONValue, factory: FindingFactory) -> Finding {
        let reason = hit["reason"]?.string ?? "Secret"
        let rule = reason.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        let path = hit["path"]?.string ?? ""
        let found = (hit["stringsFound"]?.array ?? []).compactMap(\.string).map { text -> String in
            let signed = text.first == "+" || text.first == "-"
            return (signed ? String(text.dropFirst()) : text).trimmingCharacters(in: .whitespaces)
        }
        let masked = found.map(SecretText.masked)
        var evidence = masked
        if let hash = hit["commitHash"]?.string {
            let subject = hit["commit"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            evidence.insert("commit \(hash.prefix(12))" + (subject.isEmpty ? "" : " (\(subject))"), at: 0)
        }
        return factory.make(
            FindingFactory.Draft(
                tool: "trufflehog3", ruleID: rule.isEmpty ? "secret" : rule, title: reason, message: "\(reason) in \(path)",
                severity: rule == "high-entropy" ? .medium : .high, artifact: path, location: Location(path: path),
                evidence: evidence.joined(separator: "\n"), identity: [path, reason] + found
            ))
    }

    /// The secret replaced by a marker that keeps its length and first characters only.
    static func redact(_ text: String, secret: String) -> String {
        guard secret.count >= 4 else { return text }
        return text.replacingOccurrences(of: secret, with: SecretText.masked(secret))
    }
}
