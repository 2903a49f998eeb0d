/// The transition rules and input checks, pure: the store applies them inside its transaction.
public struct TriageRules: Sendable, Equatable {
    /// The longest a risk may be accepted for.
    public var maxAcceptanceDays: Int
    /// Warn this many days before an acceptance lapses.
    public var expiryWarningDays: Int
    /// Four-eyes acceptance (`triage.acceptance_approval: required`): accepting a risk proposes it,
    /// and another account approves or rejects the proposal.
    public var acceptanceApproval: Bool
    /// The events some hook wants (config.yaml `hooks:`): triage writes those to the store's outbox.
    public var hookEvents: Set<HookEvent> = []

    public init(maxAcceptanceDays: Int = 90, expiryWarningDays: Int = 7, acceptanceApproval: Bool = false) {
        self.maxAcceptanceDays = maxAcceptanceDays
        self.expiryWarningDays = expiryWarningDays
        self.acceptanceApproval = acceptanceApproval
    }

    public static let standard = TriageRules()

    public static let vexJustifications = [
        "code_not_present", "code_not_reachable", "requires_configuration", "requires_dependency", "requires_environment",
        "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control",
    ]

    /// A ticket link: a key (`JIRA-123`, `SEC-42`, `#1234`) or an http(s) URL, one line, at most 500
    /// characters, nothing a terminal would read as control.
    public static func checkTicket(_ link: String) throws(TriageError) {
        let text = link.trimmingASCIIWhitespace()
        guard !text.isEmpty else { throw TriageError("a ticket key or URL is required") }
        guard text.count <= 500 else { throw TriageError("a ticket link holds at most 500 characters") }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) else {
            throw TriageError("a ticket link cannot hold control characters")
        }
        guard !text.contains(" ") else { throw TriageError("a ticket link is one word: a key such as JIRA-123, or a URL") }
    }

    /// Checks the action against the finding's current state; throws with a reason a person can act on.
    public func check(_ action: TriageAction, from state: TriageState, now: Int64) throws(TriageError) {
        func nonEmpty(_ text: String, _ what: String) throws(TriageError) {
            if text.trimmingASCIIWhitespace().isEmpty { throw TriageError("\(what) is required") }
        }
        switch action {
        case let .falsePositive(reason): try nonEmpty(reason, "a reason")
        case let .rejectAcceptance(reason): try nonEmpty(reason, "a reason to reject")
        case let .reopen(reason): try nonEmpty(reason, "a reason to reopen")
        case let .note(text): try nonEmpty(text, "the note's text")
        case let .notAffected(justification, _):
            guard Self.vexJustifications.contains(justification) else {
                throw TriageError("'\(justification)' is not a VEX justification: one of \(Self.vexJustifications.joined(separator: ", "))")
            }
        case let .acceptRisk(reason, until):
            try nonEmpty(reason, "a reason")
            guard until > now else { throw TriageError("the acceptance must end in the future") }
            guard until <= now + Int64(maxAcceptanceDays) * 86_400 else {
                throw TriageError("an acceptance lasts at most \(maxAcceptanceDays) days")
            }
        case let .assign(account):
            if let account, account.trimmingASCIIWhitespace().isEmpty { throw TriageError("an account name is required") }
        case let .ticket(link):
            if let link { try Self.checkTicket(link) }
        default:
            break
        }
        guard let target = action.targetState else { return }
        if target == .new, state.isOpen { throw TriageError("\(state.key) is open already: nothing to reopen") }
        if target == state { throw TriageError("already \(state.key)") }
        switch (state.isOpen, target) {
        case (true, .new):
            throw TriageError("\(state.key) is open already: nothing to reopen")
        case (false, .new):
            return
        case (false, _):
            throw TriageError("\(state.key) is closed: reopen it first")
        default:
            return
        }
    }
}
