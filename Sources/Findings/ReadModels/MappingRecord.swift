/// Why one finding sits in its cell, as the store recorded it at ingest.
public struct MappingRecord: Sendable, Equatable {
    public var finding: FindingRow
    /// The mapping rule's explanation, as it was when the finding was last ingested.
    public var recorded: String?
    /// What the tool said about the rule that the mapping read (`MappingInputs` JSON).
    public var inputs: String?
    /// The finding's evidence (a quoted snippet, checkov's `resource: …`).
    public var evidence: String?

    public init(finding: FindingRow, recorded: String? = nil, inputs: String? = nil, evidence: String? = nil) {
        self.finding = finding
        self.recorded = recorded
        self.inputs = inputs
        self.evidence = evidence
    }
}
