import FindingStore
import Findings
import Foundation

/// One unmapped rule with a user rule to paste (`mlsoc mapping unmapped`, the console's
/// Unclassified row): the cell is guessed from the rule's words, for a person to check.
public struct UnmappedSuggestion: Sendable {
    public var unmapped: UnmappedRule
    public var rule: MappingRule

    public init(_ unmapped: UnmappedRule) {
        self.unmapped = unmapped
        let (threat, reason) = UnmappedSuggestion.guess(unmapped.ruleID + " " + unmapped.title)
        var id = "user.\(unmapped.tool).\(unmapped.ruleID.split(separator: ".").last.map(String.init) ?? unmapped.ruleID)"
        if id.count > 80 { id = String(id.prefix(80)) }
        rule = MappingRule(
            id: id, tool: unmapped.tool, rules: [UnmappedSuggestion.escapedGlob(unmapped.ruleID)], threat: threat.key,
            why: "suggested by mlsoc mapping unmapped (\(reason)); check the cell")
    }

    /// The cell a rule's words suggest (`RuleWords`). Misconfiguration when they say nothing.
    static func guess(_ words: String) -> (Threat, String) {
        if let (threat, key) = RuleWords.threat(words) { return (threat, "the rule says '\(key)'") }
        return (.misconfiguration, "no telling words: the hygiene cell")
    }

    /// The rule id as a glob that matches only itself (`[`, `*`, `?` escaped).
    static func escapedGlob(_ id: String) -> String {
        var out = ""
        for c in id {
            if c == "*" || c == "?" || c == "[" { out += "[\(c)]" } else { out.append(c) }
        }
        return out
    }

    /// The rule as one JSON object, as a mapping file holds it.
    public var ruleJSON: String {
        MappingJSON.encoded(rule, pretty: false) ?? "{}"
    }

    /// What the tool said, for people.
    public var seen: String {
        MappingInputs(text: unmapped.inputs)?.summary ?? "no CWE, tags or threat metadata"
    }

    /// Four lines for the terminal, every tool string sanitised.
    public var text: String {
        let safe = TextSanitizer.sanitize
        let u = unmapped
        return """
            \(safe(u.tool))  \(safe(u.ruleID))  \(u.findings) finding\(u.findings == 1 ? "" : "s") (\(u.open) open, worst \(u.worst.name))\(u.example.map { "  e.g. \(safe($0))" } ?? "")
              title: \(safe(u.title))
              seen:  \(safe(seen))
              rule:  \(safe(ruleJSON))

            """
    }

    /// A mapping file with these rules, ready to save as the user's mapping.json.
    public static func mappingFile(_ rules: [MappingRule]) -> String {
        struct File: Encodable {
            var version = 2
            var rules: [MappingRule]
        }
        return (MappingJSON.encoded(File(rules: rules), pretty: true) ?? "{}") + "\n"
    }

    /// The suggestions as a JSON array (`--json`): rule, counts, what was seen, the suggested rule.
    public static func json(_ suggestions: [UnmappedSuggestion]) -> String {
        struct Row: Encodable {
            var tool: String
            var rule: String
            var title: String
            var findings: Int
            var open: Int
            var worst: String
            var example: String?
            var inputs: MappingInputs?
            var suggestedRule: MappingRule

            enum CodingKeys: String, CodingKey {
                case tool, rule, title, findings, open, worst, example, inputs
                case suggestedRule = "suggested_rule"
            }
        }
        let rows = suggestions.map {
            Row(
                tool: $0.unmapped.tool, rule: $0.unmapped.ruleID, title: $0.unmapped.title, findings: $0.unmapped.findings, open: $0.unmapped.open,
                worst: $0.unmapped.worst.name, example: $0.unmapped.example, inputs: MappingInputs(text: $0.unmapped.inputs), suggestedRule: $0.rule)
        }
        return (MappingJSON.encoded(rows, pretty: true) ?? "[]") + "\n"
    }
}
