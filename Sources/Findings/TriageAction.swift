/// A triage decision on one finding, with the inputs each one requires (DESIGN.md §4).
public enum TriageAction: Sendable, Equatable {
    case inTriage(note: String?)
    case exploitable(note: String?)
    case falsePositive(reason: String)
    /// `justification` is one of the CycloneDX VEX justifications.
    case notAffected(justification: String, detail: String?)
    /// Accepted until a time (seconds since the epoch), approved by the acting account; with
    /// four-eyes acceptance (`TriageRules.acceptanceApproval`), proposed for another account to approve.
    case acceptRisk(reason: String, until: Int64)
    /// Approves the finding's proposed acceptance: another account than its proposer's.
    case approveAcceptance(note: String?)
    /// Rejects the finding's proposed acceptance (by its proposer: withdraws it).
    case rejectAcceptance(reason: String)
    case resolve(note: String?)
    /// Back to `new` from a closed state.
    case reopen(reason: String)
    /// nil unassigns.
    case assign(String?)
    /// Links the finding to a ticket (a key such as JIRA-123, or a URL); nil removes the link.
    case ticket(String?)
    case note(String)

    /// The state the action leads to; nil when it does not change the state.
    public var targetState: TriageState? {
        switch self {
        case .inTriage: .inTriage
        case .exploitable: .exploitable
        case .falsePositive: .falsePositive
        case .notAffected: .notAffected
        case .acceptRisk, .approveAcceptance: .accepted
        case .resolve: .resolved
        case .reopen: .new
        case .assign, .note, .rejectAcceptance, .ticket: nil
        }
    }

    /// The event kind written to the audit trail.
    public var eventKind: String {
        switch self {
        case .assign: "assign"
        case .ticket: "ticket"
        case .note: "note"
        case .acceptRisk: "accept-risk"
        case .approveAcceptance: "acceptance-approved"
        case .rejectAcceptance: "acceptance-rejected"
        case .reopen: "reopen"
        default: "state"
        }
    }

    /// The reason recorded with the event.
    public var reason: String? {
        switch self {
        case let .inTriage(note), let .exploitable(note), let .resolve(note), let .approveAcceptance(note): note
        case let .falsePositive(reason), let .reopen(reason), let .rejectAcceptance(reason): reason
        case let .notAffected(justification, detail): detail.map { "\(justification): \($0)" } ?? justification
        case let .acceptRisk(reason, _): reason
        case .assign, .ticket: nil
        case let .note(text): text
        }
    }
}
