/// Everything the detail pane shows about one finding: its list row, and what only the detail
/// needs. `detail.title`, `detail.state`… read through to the row, so the two never disagree on a
/// name or a type.
@dynamicMemberLookup
public struct FindingDetail: Sendable, Equatable {
    public var row: FindingRow
    /// The artefact as reported, when it is not the location's path.
    public var artifact: String?
    public var evidence: String?
    /// Why the finding sits in its cell, as recorded when it was last ingested (`Finding.mappingWhy`).
    public var mappingWhy: String?
    public var justification: String?
    /// Who accepted the risk (only while the finding is accepted).
    public var acceptedBy: String?
    /// The audit trail, oldest first.
    public var events: [AuditEntry]
    /// The other places the finding occurs, with the model there when it has one.
    public var otherLocations: [OtherLocation]
    /// Its latest four-eyes acceptance step (proposed, approved, rejected or withdrawn), if any.
    public var proposal: AcceptanceProposal?

    public init(
        row: FindingRow, artifact: String? = nil, evidence: String? = nil, mappingWhy: String? = nil, justification: String? = nil,
        acceptedBy: String? = nil, events: [AuditEntry] = [], otherLocations: [OtherLocation] = [], proposal: AcceptanceProposal? = nil
    ) {
        self.row = row
        self.artifact = artifact
        self.evidence = evidence
        self.mappingWhy = mappingWhy
        self.justification = justification
        self.acceptedBy = acceptedBy
        self.events = events
        self.otherLocations = otherLocations
        self.proposal = proposal
    }

    public subscript<T>(dynamicMember keyPath: WritableKeyPath<FindingRow, T>) -> T {
        get { row[keyPath: keyPath] }
        set { row[keyPath: keyPath] = newValue }
    }
}
