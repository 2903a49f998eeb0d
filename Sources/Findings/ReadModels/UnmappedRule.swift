/// One rule whose findings sit in the unclassified row (`mlsoc mapping unmapped`).
public struct UnmappedRule: Sendable, Equatable {
    public var tool: String
    public var ruleID: String
    public var title: String
    /// What the tool said about the rule (`MappingInputs` JSON), nil when it said nothing.
    public var inputs: String?
    public var findings: Int
    public var open: Int
    public var worst: Severity
    /// One place it was found.
    public var example: String?

    public init(
        tool: String, ruleID: String, title: String, inputs: String? = nil, findings: Int, open: Int, worst: Severity,
        example: String? = nil
    ) {
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.inputs = inputs
        self.findings = findings
        self.open = open
        self.worst = worst
        self.example = example
    }
}
