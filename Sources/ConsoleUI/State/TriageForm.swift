import Findings

/// The small form a triage action needs (a reason, a justification, a date, an account), shown
/// over the findings. Nothing is written until every field checks out.
public struct TriageForm: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case falsePositive, notAffected, accept, resolve, reopen, assign, note, reject, ticket

        public var title: String {
            switch self {
            case .falsePositive: "Mark as false positive"
            case .notAffected: "Not affected (VEX)"
            case .accept: "Accept the risk"
            case .resolve: "Resolve"
            case .reopen: "Reopen"
            case .assign: "Assign"
            case .note: "Add a note"
            case .reject: "Reject the proposed acceptance"
            case .ticket: "Link a ticket"
            }
        }
    }

    public struct Field: Sendable, Equatable {
        public var label: String
        public var hint: String
        public var required: Bool
        public var editor: Prompt
        /// Values ↑/↓ step through (the VEX justifications).
        public var choices: [String]

        init(_ label: String, hint: String = "", required: Bool = true, value: String = "", choices: [String] = []) {
            self.label = label
            self.hint = hint
            self.required = required
            editor = Prompt(kind: .command, text: value)
            self.choices = choices
        }

        public var value: String { editor.text.trimmingASCIIWhitespace() }
    }

    public var kind: Kind
    public var fields: [Field]
    public var focus = 0
    public var error: String?
    /// The findings it applies to (id, version seen), and their states as shown.
    public var targets: [TriageTarget]
    public var states: [TriageState]

    /// With four-eyes acceptance, `A` proposes: the title says so.
    public var proposes = false

    /// The title over the form.
    public var title: String { kind == .accept && proposes ? "Propose a risk acceptance (another person approves it)" : kind.title }

    public init(
        kind: Kind, targets: [TriageTarget], states: [TriageState], assignee: String? = nil, ticket: String? = nil, proposes: Bool = false,
        accounts: [String] = []
    ) {
        self.kind = kind
        self.targets = targets
        self.states = states
        self.proposes = proposes
        switch kind {
        case .falsePositive: fields = [Field("reason", hint: "why this is not a real issue")]
        case .notAffected:
            fields = [
                Field(
                    "justification", hint: "↑/↓ to choose", value: TriageRules.vexJustifications[1],
                    choices: TriageRules.vexJustifications),
                Field("detail", hint: "optional", required: false),
            ]
        case .accept:
            fields = [
                Field("reason", hint: "why the risk is acceptable for now"),
                Field("until", hint: "YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or +30d", value: "+30d"),
            ]
        case .resolve: fields = [Field("note", hint: "optional: how it was fixed", required: false)]
        case .reopen: fields = [Field("reason", hint: "why it needs another look")]
        case .assign:
            let hint = accounts.isEmpty ? "empty to unassign" : "↑/↓ for the accounts mlsoc knows; empty to unassign"
            fields = [Field("account", hint: hint, required: false, value: assignee ?? "", choices: accounts)]
        case .note: fields = [Field("note")]
        case .reject: fields = [Field("reason", hint: "why the acceptance is not right (your own: withdraws it)")]
        case .ticket:
            fields = [Field("ticket", hint: "a key such as JIRA-123, or a URL; empty removes the link", required: false, value: ticket ?? "")]
        }
    }

    /// The action the form describes, or the error to show inline.
    public func action(now: Int64, rules: TriageRules) -> Result<TriageAction, TriageError> {
        for field in fields where field.required && field.value.isEmpty {
            return .failure(TriageError("\(field.label) is required"))
        }
        let first = fields[0].value
        let second = fields.count > 1 ? fields[1].value : ""
        let action: TriageAction
        switch kind {
        case .falsePositive: action = .falsePositive(reason: first)
        case .notAffected: action = .notAffected(justification: first, detail: second.isEmpty ? nil : second)
        case .accept:
            guard let until = TriageDate.parse(second, now: now) else {
                return .failure(TriageError("bad date '\(second)': write YYYY-MM-DD, YYYY-MM-DDTHH:MM or +30d"))
            }
            action = .acceptRisk(reason: first, until: until)
        case .resolve: action = .resolve(note: first.isEmpty ? nil : first)
        case .reopen: action = .reopen(reason: first)
        case .assign: action = .assign(first.isEmpty ? nil : first)
        case .note: action = .note(first)
        case .reject: action = .rejectAcceptance(reason: first)
        case .ticket:
            if !first.isEmpty {
                do {
                    try TriageRules.checkTicket(first)
                } catch {
                    return .failure(error)
                }
            }
            action = .ticket(first.isEmpty ? nil : first)
        }
        // With one finding the rules are checked here too, so the mistake is said before anything is sent.
        if states.count == 1 {
            do {
                try rules.check(action, from: states[0], now: now)
            } catch {
                return .failure(error)
            }
        }
        return .success(action)
    }
}

/// A finding a triage write is for, and the version the analyst saw.
public struct TriageTarget: Sendable, Equatable {
    public var id: Int64
    public var version: Int?

    public init(id: Int64, version: Int?) {
        self.id = id
        self.version = version
    }
}

/// What a triage write did, for the flash line.
public struct TriageOutcome: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        case applied(TriageState)
        case conflict(String)
        case refused(String)
        case missing
    }

    public var results: [(id: Int64, result: Result)]
    /// True for the outcome of an undo (it is not a new batch to undo).
    public var isUndo: Bool
    /// What a four-eyes step did, said instead of the state it left (a proposal leaves it open).
    public var step: String?

    public init(results: [(id: Int64, result: Result)], isUndo: Bool = false) {
        self.results = results
        self.isUndo = isUndo
    }

    public static func == (lhs: TriageOutcome, rhs: TriageOutcome) -> Bool {
        lhs.results.map(\.id) == rhs.results.map(\.id) && lhs.results.map(\.result) == rhs.results.map(\.result)
    }

    /// "3 changed; 1 skipped: #12 already false_positive" or, for one finding, what happened to it.
    public var summary: String {
        let applied = results.filter { if case .applied = $0.result { true } else { false } }
        let skipped = results.filter { if case .applied = $0.result { false } else { true } }
        func why(_ result: Result) -> String {
            switch result {
            case let .applied(state): step.map { "\($0) (\(state.key))" } ?? "now \(state.key)"
            case let .conflict(message): message
            case let .refused(message): message
            case .missing: "no longer in the store"
            }
        }
        if results.count == 1, let only = results.first { return "#\(only.id): \(why(only.result))" }
        var text = "\(applied.count) changed" + (step.map { ": \($0)" } ?? "")
        if !skipped.isEmpty {
            text += "; \(skipped.count) skipped: " + skipped.prefix(3).map { "#\($0.id) \(why($0.result))" }.joined(separator: ", ")
            if skipped.count > 3 { text += ", …" }
        }
        return text
    }

    public var hasProblems: Bool { results.contains { if case .applied = $0.result { false } else { true } } }
}
