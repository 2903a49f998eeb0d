/// One row of the audit log: a finding's event with enough of the finding to read it alone.
public struct AuditEntry: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var findingID: Int64
    public var at: Int64
    public var actor: String
    public var kind: String
    public var from: String?
    public var to: String?
    public var reason: String?
    public var tool: String
    public var ruleID: String

    public init(
        id: Int64, findingID: Int64, at: Int64, actor: String, kind: String, from: String?, to: String?, reason: String?,
        tool: String = "", ruleID: String = ""
    ) {
        self.id = id
        self.findingID = findingID
        self.at = at
        self.actor = actor
        self.kind = kind
        self.from = from
        self.to = to
        self.reason = reason
        self.tool = tool
        self.ruleID = ruleID
    }
}
