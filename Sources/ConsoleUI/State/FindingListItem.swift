import Findings

/// One row of the findings list as the console shows it (the store's row, without the store).
public struct FindingListItem: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var severity: Severity
    public var state: TriageState
    public var threat: Threat
    public var tool: String
    public var ruleID: String
    public var title: String
    public var model: String?
    public var location: String?

    public init(id: Int64, severity: Severity, state: TriageState, threat: Threat, tool: String, ruleID: String,
                title: String, model: String?, location: String?) {
        self.id = id
        self.severity = severity
        self.state = state
        self.threat = threat
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.model = model
        self.location = location
    }
}

/// The findings list: one cell's findings (or all), most severe first, loaded a page at a time.
public struct FindingListState: Sendable, Equatable {
    public var threat: Threat?
    public var items: [FindingListItem] = []
    public var cursor = 0
    /// False once a page came back short: nothing more to load.
    public var hasMore = true
    public var loading = false

    public init(threat: Threat?) {
        self.threat = threat
    }

    public static let pageSize = 200
}
