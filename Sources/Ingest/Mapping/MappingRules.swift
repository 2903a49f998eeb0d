import Findings
import Foundation

/// The ordered mapping rules: the user's file first, then the bundled defaults. First match wins;
/// no match lands in the unclassified row, so nothing is dropped.
public struct MappingRules: Sendable {
    private struct File: Codable {
        var version: Int
        var rules: [MappingRule]
    }

    public let rules: [MappingRule]
    /// Results by subject: a report repeats the same few (tool, rule, CWE, tags) thousands of times.
    private let memo = Memo()

    public init(rules: [MappingRule]) {
        self.rules = rules
    }

    /// The defaults compiled into the binary from `Resources/mapping.json`.
    public static func bundled() throws -> MappingRules {
        try MappingRules(json: Data(PackageResources.mapping_json), source: "bundled mapping.json")
    }

    /// Parses a mapping file; errors name the source and the bad rule.
    public init(json: Data, source: String) throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch {
            throw IngestError(.malformed, file: source, "not a valid mapping file: \(error)")
        }
        for rule in file.rules {
            if Threat(key: rule.threat) == nil {
                throw IngestError(.malformed, file: source, "rule \(rule.id): unknown threat '\(rule.threat)' (one of: \(Threat.allCases.map(\.key).joined(separator: ", ")))")
            }
            if let severity = rule.severity, Severity(text: severity) == nil {
                throw IngestError(.malformed, file: source, "rule \(rule.id): unknown severity '\(severity)' (critical, high, medium, low, info)")
            }
        }
        rules = file.rules
    }

    /// A bounded, locked cache of mapping results, shared by the parser threads of one ingest.
    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [MappingSubject: MappingResult] = [:]
        /// Hostile input can make every subject distinct; past this many the cache starts over.
        private let limit = 4096

        func result(for subject: MappingSubject, compute: () -> MappingResult) -> MappingResult {
            lock.lock()
            let known = results[subject]
            lock.unlock()
            if let known { return known }
            let result = compute()
            lock.lock()
            if results.count >= limit { results.removeAll(keepingCapacity: true) }
            results[subject] = result
            lock.unlock()
            return result
        }
    }

    /// User rules go before these.
    public func overridden(by user: MappingRules) -> MappingRules {
        MappingRules(rules: user.rules + rules)
    }

    /// The cell for a finding.
    public func map(_ subject: MappingSubject) -> MappingResult {
        memo.result(for: subject) { match(subject) }
    }

    private func match(_ subject: MappingSubject) -> MappingResult {
        for rule in rules where matches(rule, subject) {
            let threat = Threat(key: rule.threat) ?? .unclassified
            return MappingResult(threat: threat, severity: rule.severity.flatMap(Severity.init(text:)), taxonomy: rule.taxonomy,
                                 ruleID: rule.id, why: explanation(rule, subject))
        }
        return MappingResult(threat: .unclassified, severity: nil, taxonomy: TaxonomyIDs(), ruleID: nil,
                             why: "no mapping rule matches tool \(subject.tool), rule \(subject.ruleID)")
    }

    private func matches(_ rule: MappingRule, _ subject: MappingSubject) -> Bool {
        if let tool = rule.tool, !glob(tool, subject.tool) { return false }
        if let patterns = rule.rules, !patterns.contains(where: { glob($0, subject.ruleID) }) { return false }
        if let cwes = rule.cwe, !cwes.contains(where: subject.cwe.contains) { return false }
        if let tags = rule.tags, !tags.contains(where: { subject.tags.contains($0.lowercased()) }) { return false }
        // A rule must say something: one with no criteria at all matches nothing.
        return rule.tool != nil || rule.rules != nil || rule.cwe != nil || rule.tags != nil
    }

    private func explanation(_ rule: MappingRule, _ subject: MappingSubject) -> String {
        var parts: [String] = []
        if let tool = rule.tool { parts.append("tool \(subject.tool) ~ \(tool)") }
        if let patterns = rule.rules, let hit = patterns.first(where: { glob($0, subject.ruleID) }) {
            parts.append("rule \(subject.ruleID) ~ \(hit)")
        }
        if let cwes = rule.cwe, let hit = cwes.first(where: subject.cwe.contains) { parts.append("CWE-\(hit)") }
        if let tags = rule.tags, let hit = tags.first(where: { subject.tags.contains($0.lowercased()) }) {
            parts.append("tag \(hit)")
        }
        let reason = rule.why.map { ": \($0)" } ?? ""
        return "rule \(rule.id) (\(parts.joined(separator: ", ")))\(reason)"
    }

    private func glob(_ pattern: String, _ text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }
}

extension MappingRules {
    /// Where the user's own rules live: `$XDG_CONFIG_HOME/mlsoc/mapping.json` (or `~/.config/…`).
    public static func userFile(environment: [String: String]) -> String {
        MlsocConfig.directory(environment: environment) + "/mapping.json"
    }

    /// The bundled rules, with the user's file (when there is one) tried first. A broken user file
    /// is an error naming the file and the rule: silently mapping differently would be worse.
    public static func load(environment: [String: String]) throws -> MappingRules {
        let bundled = try MappingRules.bundled()
        let path = userFile(environment: environment)
        guard let bytes = try ByteStream.readSmallFile(path, optional: true) else { return bundled }
        return bundled.overridden(by: try MappingRules(json: Data(bytes), source: path))
    }
}
