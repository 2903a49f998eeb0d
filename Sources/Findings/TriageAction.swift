/// A triage decision on one finding, with the inputs each one requires (DESIGN.md §4).
public enum TriageAction: Sendable, Equatable {
    case inTriage(note: String?)
    case exploitable(note: String?)
    case falsePositive(reason: String)
    /// `justification` is one of the CycloneDX VEX justifications.
    case notAffected(justification: String, detail: String?)
    /// Accepted until a time (seconds since the epoch), approved by the acting account.
    case acceptRisk(reason: String, until: Int64)
    case resolve(note: String?)
    /// Back to `new` from a closed state.
    case reopen(reason: String)
    /// nil unassigns.
    case assign(String?)
    case note(String)

    /// The state the action leads to; nil when it does not change the state.
    public var targetState: TriageState? {
        switch self {
        case .inTriage: .inTriage
        case .exploitable: .exploitable
        case .falsePositive: .falsePositive
        case .notAffected: .notAffected
        case .acceptRisk: .accepted
        case .resolve: .resolved
        case .reopen: .new
        case .assign, .note: nil
        }
    }

    /// The event kind written to the audit trail.
    public var eventKind: String {
        switch self {
        case .assign: "assign"
        case .note: "note"
        case .acceptRisk: "accept-risk"
        case .reopen: "reopen"
        default: "state"
        }
    }

    /// The reason recorded with the event.
    public var reason: String? {
        switch self {
        case let .inTriage(note), let .exploitable(note), let .resolve(note): note
        case let .falsePositive(reason), let .reopen(reason): reason
        case let .notAffected(justification, detail): detail.map { "\(justification): \($0)" } ?? justification
        case let .acceptRisk(reason, _): reason
        case .assign: nil
        case let .note(text): text
        }
    }
}
