import Findings

/// One rule of unclassified findings, with what its tool said and a user rule to paste: what
/// `mlsoc mapping unmapped` prints.
public struct UnmappedItem: Sendable, Equatable {
    public var tool: String
    public var ruleID: String
    public var title: String
    public var findings: Int
    public var open: Int
    public var worst: Severity
    /// What the tool said (CWE, tags, threat metadata), in a line.
    public var seen: String
    /// The suggested rule, as one JSON object for the user's mapping.json.
    public var suggestion: String

    public init(tool: String, ruleID: String, title: String, findings: Int, open: Int, worst: Severity, seen: String, suggestion: String) {
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.findings = findings
        self.open = open
        self.worst = worst
        self.seen = seen
        self.suggestion = suggestion
    }
}
