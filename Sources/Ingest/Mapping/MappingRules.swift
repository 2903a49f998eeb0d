import Config
import Findings
import Foundation
import JSONStream

/// The mapping of findings to matrix cells. Its inputs are tried in order, and the first with an
/// answer decides (issue 17):
///
/// 1. the user's rules (`$XDG_CONFIG_HOME/mlsoc/mapping.json`);
/// 2. the tool's explicit threat metadata: a rule naming a matrix cell, an ATLAS technique or an
///    OWASP LLM/ML id;
/// 3. built-in rules per tool and rule id (`rules` of `Resources/mapping.json`);
/// 4. CWE (`cwe`: the first entry, in file order, naming one of the finding's CWEs);
/// 5. OWASP/ATLAS tags (ids the tags carry, then `tags`: OWASP Top 10 categories, code quality);
/// 6. the tool's default cell (`defaults`);
/// 7. the words of the rule's name (`RuleWords`: `yaml-load-unsafe`, `hub-model-unpinned`);
/// 8. the unclassified row: nothing is dropped.
///
/// After the rules, the resource context (the config's `data_stores`, public storage) may move a
/// storage misconfiguration to the Data row or to model theft (`DataStores`).
public struct MappingRules: Sendable {
    private struct File: Codable {
        var version: Int
        var rules: [MappingRule]
        var cwe: [MappingRule]?
        var tags: [MappingRule]?
        var defaults: [MappingRule]?
        var vocabulary: ThreatVocabulary.Tables?
    }

    /// Input 1: the user's rules (empty for the bundled file alone).
    public let user: [MappingRule]
    /// Input 3.
    public let builtin: [MappingRule]
    /// Input 4.
    public let cweTable: [MappingRule]
    /// Input 5.
    public let tagTable: [MappingRule]
    /// Input 6.
    public let defaults: [MappingRule]
    let vocabulary: ThreatVocabulary
    /// The config's data stores (resource context).
    public private(set) var dataStores = DataStores()
    /// Results by subject: a report repeats the same few (tool, rule, CWE, tags) thousands of times.
    private let memo = Memo()

    /// Every rule in the order it is tried.
    public var rules: [MappingRule] { user + builtin + cweTable + tagTable + defaults }

    /// Rules of one section only (tests, and users who build a mapping in code).
    public init(rules: [MappingRule]) {
        self.init(user: [], builtin: rules, cwe: [], tags: [], defaults: [], vocabulary: ThreatVocabulary())
    }

    private init(
        user: [MappingRule], builtin: [MappingRule], cwe: [MappingRule], tags: [MappingRule], defaults: [MappingRule],
        vocabulary: ThreatVocabulary
    ) {
        self.user = user
        self.builtin = builtin
        cweTable = cwe
        tagTable = tags
        self.defaults = defaults
        self.vocabulary = vocabulary
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
        for (section, rules) in [("rules", file.rules), ("cwe", file.cwe ?? []), ("tags", file.tags ?? []), ("defaults", file.defaults ?? [])] {
            for rule in rules {
                if Threat(key: rule.threat) == nil {
                    throw IngestError(
                        .malformed, file: source,
                        "\(section) \(rule.id): unknown threat '\(rule.threat)' (one of: \(Threat.allCases.map(\.key).joined(separator: ", ")))")
                }
                if let severity = rule.severity, Severity(text: severity) == nil {
                    throw IngestError(
                        .malformed, file: source, "\(section) \(rule.id): unknown severity '\(severity)' (critical, high, medium, low, info)")
                }
                if rule.tool == nil, rule.rules == nil, rule.cwe == nil, rule.tags == nil {
                    throw IngestError(.malformed, file: source, "\(section) \(rule.id): matches nothing (give tool, rules, cwe or tags)")
                }
            }
        }
        let vocabulary = try file.vocabulary.map { try ThreatVocabulary($0, source: source) } ?? ThreatVocabulary()
        self.init(
            user: [], builtin: file.rules, cwe: file.cwe ?? [], tags: file.tags ?? [], defaults: file.defaults ?? [],
            vocabulary: vocabulary)
    }

    /// A bounded, locked cache of mapping results, shared by the parser threads of one ingest.
    private final class Memo: Sendable {
        private let results = Locked<[MappingSubject: MappingResult]>([:])
        /// Hostile input can make every subject distinct; past this many the cache starts over.
        private let limit = 4096

        func result(for subject: MappingSubject, compute: () -> MappingResult) -> MappingResult {
            if let known = results.withLock({ $0[subject] }) { return known }
            let result = compute()
            results.withLock { results in
                if results.count >= limit { results.removeAll(keepingCapacity: true) }
                results[subject] = result
            }
            return result
        }
    }

    /// These rules with a user's file in front: its `rules` are input 1, its `cwe`, `tags` and
    /// `defaults` go before the bundled entries of the same input, its vocabulary wins.
    public func overridden(by user: MappingRules) -> MappingRules {
        var copy = MappingRules(
            user: user.builtin + user.user + self.user, builtin: builtin, cwe: user.cweTable + cweTable,
            tags: user.tagTable + tagTable, defaults: user.defaults + defaults,
            vocabulary: ThreatVocabulary(
                atlas: vocabulary.atlas.merging(user.vocabulary.atlas) { $1 },
                owaspLLM: vocabulary.owaspLLM.merging(user.vocabulary.owaspLLM) { $1 },
                owaspML: vocabulary.owaspML.merging(user.vocabulary.owaspML) { $1 }))
        copy.dataStores = dataStores
        return copy
    }

    /// The same rules with the config's data stores as resource context.
    public func with(dataStores stores: [DataStore]) -> MappingRules {
        var copy = MappingRules(user: user, builtin: builtin, cwe: cweTable, tags: tagTable, defaults: defaults, vocabulary: vocabulary)
        copy.dataStores = DataStores(stores)
        return copy
    }

    /// The cell for a finding by what the tool says about its rule.
    public func map(_ subject: MappingSubject) -> MappingResult {
        memo.result(for: subject) {
            var result = decide(subject)
            result.inputs = MappingInputs(subject).text
            return result
        }
    }

    /// The cell for a finding, with its resource context.
    public func map(_ subject: MappingSubject, context: MappingContext?) -> MappingResult {
        let result = map(subject)
        guard let context else { return result }
        return dataStores.refine(result, context) ?? result
    }

    /// What each input would say, in order (`mapping explain`): nil where an input has no answer.
    public func answers(_ subject: MappingSubject) -> [(input: MappingInput, result: MappingResult?)] {
        MappingInput.allCases.filter { $0 != .none }.map { ($0, answer($0, subject)) }
    }

    private func decide(_ subject: MappingSubject) -> MappingResult {
        for input in MappingInput.allCases where input != .none {
            if let result = answer(input, subject) { return result }
        }
        var seen: [String] = []
        if !subject.cwe.isEmpty { seen.append("CWE " + subject.cwe.map { "CWE-\($0)" }.joined(separator: ", ")) }
        if !subject.tags.isEmpty { seen.append("tags " + subject.tags.prefix(6).joined(separator: ", ")) }
        if !subject.stated.isEmpty { seen.append("metadata " + subject.stated.prefix(4).joined(separator: ", ")) }
        let metadata = seen.isEmpty ? "no CWE, tags or threat metadata" : seen.joined(separator: "; ")
        return MappingResult(
            threat: .unclassified, ruleID: nil,
            why: "no mapping input matches tool \(subject.tool), rule \(subject.ruleID) (\(metadata))", input: .none)
    }

    private func answer(_ input: MappingInput, _ subject: MappingSubject) -> MappingResult? {
        switch input {
        case .user: return firstRule(user, subject, input)
        case .stated:
            for text in subject.stated {
                if let reading = vocabulary.reading(text) {
                    return MappingResult(
                        threat: reading.threat, taxonomy: reading.taxonomy, ruleID: nil,
                        why: "the tool's rule metadata names \(reading.id) → \(reading.threat.name)", input: .stated)
                }
            }
            return nil
        case .builtin: return firstRule(builtin, subject, input)
        case .cwe:
            for entry in cweTable {
                if let hit = entry.cwe?.first(where: subject.cwe.contains) {
                    return result(entry, input, match: "CWE-\(hit)")
                }
            }
            return nil
        case .tags:
            // An ATLAS or OWASP LLM/ML id among the tags first: it names the threat.
            for tag in subject.tags {
                if let reading = vocabulary.reading(tag), ThreatVocabulary.cell(named: tag) == nil {
                    return MappingResult(
                        threat: reading.threat, taxonomy: reading.taxonomy, ruleID: nil,
                        why: "tag \(tag) names \(reading.id) → \(reading.threat.name)", input: .tags)
                }
            }
            return firstRule(tagTable, subject, input)
        case .toolDefault: return firstRule(defaults, subject, input)
        case .words:
            guard let (threat, word) = RuleWords.threat(RuleWords.words(ruleID: subject.ruleID)) else { return nil }
            return MappingResult(
                threat: threat, ruleID: nil, why: "the rule's name says '\(word)' → \(threat.name) (no table, CWE, tag or default placed it)",
                input: .words)
        case .none: return nil
        }
    }

    private func firstRule(_ rules: [MappingRule], _ subject: MappingSubject, _ input: MappingInput) -> MappingResult? {
        for rule in rules where matches(rule, subject) {
            return result(rule, input, match: explanation(rule, subject))
        }
        return nil
    }

    private func result(_ rule: MappingRule, _ input: MappingInput, match: String) -> MappingResult {
        let reason = rule.why.map { ": \($0)" } ?? ""
        return MappingResult(
            threat: Threat(key: rule.threat) ?? .unclassified, severity: rule.severity.flatMap(Severity.init(text:)),
            taxonomy: rule.taxonomy, ruleID: rule.id, why: "\(input.name) \(rule.id) (\(match))\(reason)", input: input)
    }

    private func matches(_ rule: MappingRule, _ subject: MappingSubject) -> Bool {
        if let tool = rule.tool, !glob(tool, subject.tool) { return false }
        if let patterns = rule.rules, !patterns.contains(where: { glob($0, subject.ruleID) }) { return false }
        if let cwes = rule.cwe, !cwes.contains(where: subject.cwe.contains) { return false }
        if let tags = rule.tags, !tags.contains(where: { pattern in subject.tags.contains { glob(pattern.lowercased(), $0) } }) { return false }
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
        if let tags = rule.tags, let hit = subject.tags.first(where: { tag in tags.contains { glob($0.lowercased(), tag) } }) {
            parts.append("tag \(hit)")
        }
        return parts.joined(separator: ", ")
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
