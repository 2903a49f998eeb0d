import Findings

/// What one report did to the store.
public struct IngestOutcome: Sendable, Equatable {
    public var scanID: Int64?
    /// True when this exact file was ingested before: nothing was written.
    public var alreadyIngested: Bool
    public var tool: String
    public var total: Int
    public var new: Int
    public var unchanged: Int
    public var reopened: Int
    /// Repeats of one identity inside the same report, kept as further occurrences.
    public var repeated: Int
    /// Findings written twice at the same place inside the same report: counted once.
    public var duplicates = 0
    /// Findings seen again that today's mapping put in another cell.
    public var remapped = 0
    /// Open findings of the report's scopes that it no longer reports, now resolved.
    public var resolved: Int
    /// Scan errors and tool notifications kept with the scan.
    public var warnings: Int = 0
    /// The project the scan belongs to.
    public var project = ""
    /// What the scan looked at, in a few words ("unknown" when the report does not say).
    public var coverage = ""
    /// Why this scan resolved nothing although it could have (no coverage, an incomplete run); nil otherwise.
    public var resolvedNothingBecause: String?

    public init(
        scanID: Int64? = nil, alreadyIngested: Bool = false, tool: String = "", total: Int = 0, new: Int = 0,
        unchanged: Int = 0, reopened: Int = 0, repeated: Int = 0, resolved: Int = 0
    ) {
        self.scanID = scanID
        self.alreadyIngested = alreadyIngested
        self.tool = tool
        self.total = total
        self.new = new
        self.unchanged = unchanged
        self.reopened = reopened
        self.repeated = repeated
        self.resolved = resolved
    }
}
