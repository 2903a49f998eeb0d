import Findings

/// One mapping rule as written in a mapping file: what it matches and the cell it sends findings to.
public struct MappingRule: Sendable, Codable, Equatable {
    public var id: String
    /// Glob on the tool name (lower case).
    public var tool: String?
    /// Globs on the rule id; any may match.
    public var rules: [String]?
    /// CWE numbers; any may match.
    public var cwe: [String]?
    /// Tags the tool attached; any may match.
    public var tags: [String]?
    public var threat: String
    /// Severity to use instead of the tool's (for tools whose own is meaningless).
    public var severity: String?
    public var atlas: [String]?
    public var owaspLLM: [String]?
    public var owaspML: [String]?
    public var why: String?

    public var taxonomy: TaxonomyIDs {
        TaxonomyIDs(atlas: atlas ?? [], owaspLLM: owaspLLM ?? [], owaspML: owaspML ?? [])
    }
}

/// What a mapping rule is matched against.
public struct MappingSubject: Sendable, Hashable {
    public var tool: String
    public var ruleID: String
    public var cwe: [String]
    public var tags: [String]

    public init(tool: String, ruleID: String, cwe: [String] = [], tags: [String] = []) {
        self.tool = tool.lowercased()
        self.ruleID = ruleID
        self.cwe = cwe
        self.tags = tags.map { $0.lowercased() }
    }
}

/// The outcome of mapping one finding: the cell, the ids to attach, and the rule that decided.
public struct MappingResult: Sendable, Equatable {
    public var threat: Threat
    /// Set when the rule decides the severity.
    public var severity: Severity?
    public var taxonomy: TaxonomyIDs
    /// The id of the rule that matched, nil when none did (the unclassified row).
    public var ruleID: String?
    public var why: String
}
