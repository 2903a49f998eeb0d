import Findings

/// One mapping rule as written in a mapping file: what it matches and the cell it sends findings to.
/// The same shape serves every section of the file (rules, the CWE and tag tables, tool defaults).
public struct MappingRule: Sendable, Codable, Equatable {
    public var id: String
    /// Glob on the tool name (lower case).
    public var tool: String?
    /// Globs on the rule id; any may match.
    public var rules: [String]?
    /// CWE numbers; any may match.
    public var cwe: [String]?
    /// Globs on the tags the tool attached (lower case); any may match.
    public var tags: [String]?
    public var threat: String
    /// Severity to use when the tool gives none better than a level (checkov offline says nothing).
    public var severity: String?
    public var atlas: [String]?
    public var owaspLLM: [String]?
    public var owaspML: [String]?
    public var why: String?

    public init(
        id: String, tool: String? = nil, rules: [String]? = nil, cwe: [String]? = nil, tags: [String]? = nil, threat: String,
        severity: String? = nil, why: String? = nil
    ) {
        self.id = id
        self.tool = tool
        self.rules = rules
        self.cwe = cwe
        self.tags = tags
        self.threat = threat
        self.severity = severity
        self.why = why
    }

    public var taxonomy: TaxonomyIDs {
        TaxonomyIDs(atlas: atlas ?? [], owaspLLM: owaspLLM ?? [], owaspML: owaspML ?? [])
    }
}

/// What a mapping rule is matched against: what the tool says about the finding's rule.
public struct MappingSubject: Sendable, Hashable {
    public var tool: String
    public var ruleID: String
    /// CWE numbers ("79", never "079").
    public var cwe: [String]
    /// Free tags (lower case): SARIF `properties.tags`, semgrep `owasp` and `category`, gitleaks tags.
    public var tags: [String]
    /// Metadata whose purpose is to name the threat: a matrix cell, an ATLAS technique or an OWASP
    /// LLM/ML id (semgrep `mlsoc-threat`, `mitre-atlas`, an `owasp` entry that is an LLM id).
    public var stated: [String]
    /// Other metadata (`key=value`), not matched on: what `mapping unmapped` shows.
    public var other: [String]

    public init(tool: String, ruleID: String, cwe: [String] = [], tags: [String] = [], stated: [String] = [], other: [String] = []) {
        self.tool = tool.lowercased()
        self.ruleID = ruleID
        self.cwe = cwe.map(MappingSubject.normalCWE)
        self.tags = tags.map { $0.lowercased() }
        self.stated = stated
        self.other = other
    }

    static func normalCWE(_ text: String) -> String {
        let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard let number = Int(digits) else { return text }
        return String(number)
    }
}

/// The inputs of the mapping, in the order they are tried: the first that has an answer decides.
public enum MappingInput: Int, Sendable, CaseIterable, Comparable {
    case user = 1
    case stated
    case builtin
    case cwe
    case tags
    case toolDefault
    case words
    case none

    public static func < (a: MappingInput, b: MappingInput) -> Bool { a.rawValue < b.rawValue }

    public var name: String {
        switch self {
        case .user: "user rule"
        case .stated: "the tool's threat metadata"
        case .builtin: "built-in rule"
        case .cwe: "CWE"
        case .tags: "OWASP/ATLAS tags"
        case .toolDefault: "tool default"
        case .words: "the rule's name"
        case .none: "unclassified"
        }
    }

    /// Whether the resource context (data stores, public storage) may move the result: not what a
    /// user or the tool itself stated.
    var refinable: Bool { self != .user && self != .stated && self != .none }
}

/// The outcome of mapping one finding: the cell, the ids to attach, and the input that decided.
public struct MappingResult: Sendable, Equatable {
    public var threat: Threat
    /// Set when the rule decides the severity.
    public var severity: Severity?
    public var taxonomy: TaxonomyIDs
    /// The id of the rule or table entry that matched, nil when none did (the unclassified row).
    public var ruleID: String?
    public var why: String
    public var input: MappingInput
    /// What the resource context changed, when it did.
    public var context: String?
    /// The subject's inputs as `MappingInputs` JSON (made once per subject, kept with the rule).
    public var inputs: String?

    public init(
        threat: Threat, severity: Severity? = nil, taxonomy: TaxonomyIDs = TaxonomyIDs(), ruleID: String?, why: String,
        input: MappingInput, context: String? = nil
    ) {
        self.threat = threat
        self.severity = severity
        self.taxonomy = taxonomy
        self.ruleID = ruleID
        self.why = why
        self.input = input
        self.context = context
    }
}
