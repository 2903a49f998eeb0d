/// One finding with everything an export writes: the list row, plus the triage and model facts
/// only exports need. `row.tool`, `row.state`… read through to the list row.
@dynamicMemberLookup
public struct ExportRow: Sendable, Equatable {
    public var finding: FindingRow
    public var artifact: String?
    public var justification: String?
    public var acceptedBy: String?
    public var acceptReason: String?
    /// With four-eyes acceptance: who proposed the acceptance that `acceptedBy` approved.
    public var acceptanceProposedBy: String?
    /// The model's id in the store and its version; nil without a model.
    public var modelID: Int64?
    public var modelVersion: String?
    /// The latest audit event's reason, for VEX `detail`.
    public var lastReason: String?
    /// The project of the scan that found it.
    public var project = ""
    /// The other places the finding occurs, in the order the tool listed them, with their model.
    public var otherLocations: [OtherLocation] = []
    /// True when the store says the finding has other places (before they are read).
    public var hasOtherLocations = false

    public init(
        finding: FindingRow, artifact: String? = nil, justification: String? = nil, acceptedBy: String? = nil,
        acceptReason: String? = nil, modelID: Int64? = nil, modelVersion: String? = nil, lastReason: String? = nil,
        project: String = "", otherLocations: [OtherLocation] = []
    ) {
        self.finding = finding
        self.artifact = artifact
        self.justification = justification
        self.acceptedBy = acceptedBy
        self.acceptReason = acceptReason
        self.modelID = modelID
        self.modelVersion = modelVersion
        self.lastReason = lastReason
        self.project = project
        self.otherLocations = otherLocations
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<FindingRow, T>) -> T { finding[keyPath: keyPath] }
}
