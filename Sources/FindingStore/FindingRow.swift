import Findings

/// One row of a findings page: what a table shows, without evidence.
public struct FindingRow: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var fingerprint: Fingerprint
    public var tool: String
    public var ruleID: String
    public var title: String
    public var message: String
    public var severity: Severity
    public var threat: Threat
    public var state: TriageState
    public var model: String?
    public var location: Location?
    public var taxonomy: TaxonomyIDs
    public var firstSeen: Int64
    public var lastSeen: Int64
    public var version: Int

    public init(id: Int64, fingerprint: Fingerprint, tool: String, ruleID: String, title: String, message: String,
                severity: Severity, threat: Threat, state: TriageState, model: String?, location: Location?,
                taxonomy: TaxonomyIDs, firstSeen: Int64, lastSeen: Int64, version: Int) {
        self.id = id
        self.fingerprint = fingerprint
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.message = message
        self.severity = severity
        self.threat = threat
        self.state = state
        self.model = model
        self.location = location
        self.taxonomy = taxonomy
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.version = version
    }
}

/// Where a keyset page starts: after the row with this (severity, id), in descending order.
public struct PageCursor: Sendable, Equatable {
    public var severity: Severity
    public var id: Int64

    public init(severity: Severity, id: Int64) {
        self.severity = severity
        self.id = id
    }
}
