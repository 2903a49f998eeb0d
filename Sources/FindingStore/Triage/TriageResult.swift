import Findings

/// What a triage write did.
public enum TriageResult: Sendable, Equatable {
    case applied(version: Int, state: TriageState)
    /// The version was stale: nothing was written.
    case conflict(TriageConflict)
    /// The rules refused it: nothing was written.
    case refused(String)
    case missing
}
