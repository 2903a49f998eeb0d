/// A finding as the store holds it: the parsed finding plus identity and triage facets.
public struct StoredFinding: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var finding: Finding
    public var state: TriageState
    /// Seconds since the Unix epoch (time is passed in, never read here).
    public var firstSeen: Double
    public var lastSeen: Double
    public var version: Int

    public init(id: Int64, finding: Finding, state: TriageState, firstSeen: Double, lastSeen: Double, version: Int) {
        self.id = id
        self.finding = finding
        self.state = state
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.version = version
    }
}
