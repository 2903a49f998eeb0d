/// One finding as a list shows it: the row the store reads for a page, without evidence or history.
/// The read models in this folder are what the store fills and the screens, the CLI and the exports
/// show; none of them knows SQLite. They use the write model's names (`Finding`) for the same things.
public struct FindingRow: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var fingerprint: Fingerprint
    public var tool: String
    public var ruleID: String
    public var title: String
    public var message: String
    public var severity: Severity
    /// The tool's own score (0…10), when it gives one.
    public var score: Double?
    public var threat: Threat
    /// The state as of the time the row was read: an acceptance past its end reads as `new`.
    public var state: TriageState
    /// When an acceptance ends (only while the finding is accepted).
    public var acceptedUntil: Int64?
    public var model: String?
    public var location: Location?
    public var taxonomy: TaxonomyIDs
    public var firstSeen: Int64
    public var lastSeen: Int64
    /// The row's version when read: a triage write sends it back to detect a concurrent change.
    public var version: Int
    /// When the SLA runs out (seconds since the epoch); nil for severities without one.
    public var slaDue: Int64?
    /// Red-team findings' attack-success rate (0…1).
    public var attackSuccessRate: Double?
    public var assignee: String?
    /// The ticket the finding is tracked in (a key or a URL).
    public var ticket: String?
    /// The project of the scan that found it.
    public var project: String?

    public init(
        id: Int64, fingerprint: Fingerprint, tool: String, ruleID: String, title: String, message: String = "",
        severity: Severity, score: Double? = nil, threat: Threat, state: TriageState, acceptedUntil: Int64? = nil,
        model: String? = nil, location: Location? = nil, taxonomy: TaxonomyIDs = TaxonomyIDs(), firstSeen: Int64 = 0,
        lastSeen: Int64 = 0, version: Int = 1, slaDue: Int64? = nil, attackSuccessRate: Double? = nil, assignee: String? = nil,
        ticket: String? = nil, project: String? = nil
    ) {
        self.id = id
        self.fingerprint = fingerprint
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.message = message
        self.severity = severity
        self.score = score
        self.threat = threat
        self.state = state
        self.acceptedUntil = acceptedUntil
        self.model = model
        self.location = location
        self.taxonomy = taxonomy
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.version = version
        self.slaDue = slaDue
        self.attackSuccessRate = attackSuccessRate
        self.assignee = assignee
        self.ticket = ticket
        self.project = project
    }

    /// The row as of `now`: an acceptance that has ended is open again (new), decided at read time
    /// in every reader, whether or not a writer has lapsed it yet (issue 23). `acceptedUntil` is
    /// kept only while the finding is accepted.
    public func asOf(_ now: Int64?) -> FindingRow {
        var row = self
        if row.state == .accepted, let now, let until = row.acceptedUntil, until < now { row.state = .new }
        if row.state != .accepted { row.acceptedUntil = nil }
        return row
    }

    /// True when the finding is open and its SLA ran out before `now`.
    public func isOverdue(now: Int64) -> Bool {
        state.isOpen && (slaDue.map { $0 < now } ?? false)
    }

    /// Where the next keyset page in `sort` order starts after this row.
    public func cursor(for sort: FindingSort) -> PageCursor {
        switch sort {
        case .severity: PageCursor(key: Int64(severity.rawValue), id: id)
        case .newest, .oldest: PageCursor(key: 0, id: id)
        case .due: PageCursor(key: state.isOpen || state == .accepted ? slaDue ?? Int64.max : Int64.max, id: id)
        }
    }
}
