import Foundation

/// What a finding's tool said that the mapping reads, as the compact JSON kept with its rule
/// (`{"cwe":["732"],"tags":["owasp-a01:2021 - broken access control"],"stated":["AML.T0020"]}`):
/// `mapping unmapped` shows it, `mapping explain` maps it again. Bounded: a hostile report's
/// thousand tags are cut.
public struct MappingInputs: Codable, Equatable, Sendable {
    public var cwe: [String]?
    public var tags: [String]?
    public var stated: [String]?
    public var other: [String]?

    static let listLimit = 16
    static let entryLimit = 120

    public init(_ subject: MappingSubject) {
        func bounded(_ list: [String]) -> [String]? {
            list.isEmpty ? nil : Array(list.prefix(Self.listLimit)).map { String($0.prefix(Self.entryLimit)) }
        }
        cwe = bounded(subject.cwe)
        tags = bounded(subject.tags)
        stated = bounded(subject.stated)
        other = bounded(subject.other)
    }

    public init?(text: String?) {
        guard let data = text?.data(using: .utf8), let decoded = try? JSONDecoder().decode(MappingInputs.self, from: data) else {
            return nil
        }
        self = decoded
    }

    /// Nil when the tool said nothing the mapping reads.
    public var text: String? {
        guard cwe != nil || tags != nil || stated != nil || other != nil else { return nil }
        return MappingJSON.encoded(self, pretty: false)
    }

    /// The subject these inputs describe, for a tool and rule.
    public func subject(tool: String, ruleID: String) -> MappingSubject {
        MappingSubject(tool: tool, ruleID: ruleID, cwe: cwe ?? [], tags: tags ?? [], stated: stated ?? [], other: other ?? [])
    }

    /// One line for people: `CWE-732; tags owasp-a01:2021 …; metadata AML.T0020`.
    public var summary: String {
        var parts: [String] = []
        if let cwe { parts.append(cwe.map { "CWE-\($0)" }.joined(separator: ", ")) }
        if let stated { parts.append("metadata " + stated.joined(separator: ", ")) }
        if let tags { parts.append("tags " + tags.joined(separator: ", ")) }
        if let other { parts.append("other metadata " + other.joined(separator: ", ")) }
        return parts.isEmpty ? "no CWE, tags or threat metadata" : parts.joined(separator: "; ")
    }
}

/// JSON as mapping files and the rule table keep it: sorted keys, plain slashes.
enum MappingJSON {
    static func encoded(_ value: some Encodable, pretty: Bool) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}
