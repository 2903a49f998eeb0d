import Findings

/// Who changed a finding last, when a write found it changed.
public struct TriageConflict: Sendable, Equatable {
    public var actor: String
    public var at: Int64
    public var state: TriageState
    public var version: Int

    public init(actor: String, at: Int64, state: TriageState, version: Int) {
        self.actor = actor
        self.at = at
        self.state = state
        self.version = version
    }

    /// "changed by alice at 2026-11-28 07:42: now false_positive"
    public var message: String {
        "changed by \(actor) at \(CivilDate.format(at)): now \(state.key)"
    }
}
