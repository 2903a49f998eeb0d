import Foundation
import JSONStream

/// What the parser keeps of one `reportingDescriptor`: enough to resolve results that point at it.
struct SARIFRule {
    var id: String
    var title: String
    var defaultLevel: String?
    var securitySeverity: String?
    var tags: [String]
    var cwe: [String]
    /// Property values that name the threat (`mlsoc-threat`, `mitre-atlas`, …): mapping input 2.
    var stated: [String] = []
    /// Other properties (`key=value`), shown for unmapped rules.
    var other: [String] = []

    init(
        id: String, title: String, defaultLevel: String?, securitySeverity: String?, tags: [String], cwe: [String], stated: [String] = [],
        other: [String] = []
    ) {
        self.id = id
        self.title = title
        self.defaultLevel = defaultLevel
        self.securitySeverity = securitySeverity
        self.tags = tags
        self.cwe = cwe
        self.stated = stated
        self.other = other
    }

    init(_ value: JSONValue) {
        id = value["id"]?.string ?? ""
        let name = value["name"]?.string
        title =
            value.at("shortDescription", "text")?.string
            ?? name.map(SARIFRule.humanise)
            ?? value.at("fullDescription", "text")?.string
            ?? id
        defaultLevel = value.at("defaultConfiguration", "level")?.string
        securitySeverity = value.at("properties", "security-severity")?.text
        tags = value.at("properties", "tags")?.array?.compactMap(\.string) ?? []
        var cwe = tags.compactMap(SARIFRule.cweNumber)
        for relationship in value["relationships"]?.array ?? [] {
            if let target = relationship.at("target", "id")?.string,
                (relationship.at("target", "toolComponent", "name")?.string ?? "").uppercased() == "CWE"
                    || target.uppercased().hasPrefix("CWE")
            {
                if let number = SARIFRule.cweNumber(target) ?? (Int(target).map(String.init)) { cwe.append(number) }
            }
        }
        // Other properties in the semgrep metadata style (a rule pack's own keys).
        if let properties = value["properties"], let keys = properties.members?.map(\.0).filter({ $0 != "tags" }), !keys.isEmpty {
            let read = RuleMetadata(keys: keys) { key in
                properties[key]?.array?.compactMap(\.text) ?? properties[key]?.text.map { [$0] } ?? []
            }
            cwe += read.cwe
            tags += read.tags
            stated = read.stated
            other = read.other
        }
        self.cwe = cwe
    }

    /// `snake_case_name` → "snake case name": bandit names its rules this way.
    static func humanise(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: " ")
    }

    /// "CWE-502", "cwe-502: ...", "external/cwe/cwe-502" → "502".
    static func cweNumber(_ text: String) -> String? {
        let lower = text.lowercased()
        guard let range = lower.range(of: "cwe-") ?? lower.range(of: "cwe/") else { return nil }
        let digits = lower[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        // CodeQL writes three digits (`external/cwe/cwe-079`).
        return Int(digits).map(String.init)
    }
}
