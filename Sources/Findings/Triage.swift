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

/// Why a triage action is refused; nothing is written.
public struct TriageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The transition rules and input checks, pure: the store applies them inside its transaction.
public struct TriageRules: Sendable, Equatable {
    /// The longest a risk may be accepted for.
    public var maxAcceptanceDays: Int
    /// Warn this many days before an acceptance lapses.
    public var expiryWarningDays: Int

    public init(maxAcceptanceDays: Int = 90, expiryWarningDays: Int = 7) {
        self.maxAcceptanceDays = maxAcceptanceDays
        self.expiryWarningDays = expiryWarningDays
    }

    public static let standard = TriageRules()

    public static let vexJustifications = [
        "code_not_present", "code_not_reachable", "requires_configuration", "requires_dependency", "requires_environment",
        "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control",
    ]

    /// Checks the action against the finding's current state; throws with a reason a person can act on.
    public func check(_ action: TriageAction, from state: TriageState, now: Int64) throws(TriageError) {
        func nonEmpty(_ text: String, _ what: String) throws(TriageError) {
            if text.trimmingASCIIWhitespace().isEmpty { throw TriageError("\(what) is required") }
        }
        switch action {
        case let .falsePositive(reason): try nonEmpty(reason, "a reason")
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

/// Parses dates typed into forms and flags: `2026-12-31`, `2026-12-31T18:00`, or `+30d`.
public enum TriageDate {
    public static func parse(_ text: String, now: Int64) -> Int64? {
        let value = text.trimmingASCIIWhitespace()
        if value.hasPrefix("+"), value.hasSuffix("d"), let days = Int(value.dropFirst().dropLast()), days > 0, days < 100_000 {
            return now + Int64(days) * 86_400
        }
        let parts = value.split(separator: "T", maxSplits: 1)
        let date = parts.first?.split(separator: "-").map { Int($0) } ?? []
        guard date.count == 3, let year = date[0], let month = date[1], let day = date[2],
              (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds: Int64 = 23 * 3600 + 59 * 60 + 59  // a bare date means the end of that day (UTC)
        if parts.count == 2 {
            let time = parts[1].split(separator: ":").map { Int($0) }
            guard (2...3).contains(time.count), let hour = time[0], let minute = time[1], (0...23).contains(hour), (0...59).contains(minute)
            else { return nil }
            seconds = Int64(hour * 3600 + minute * 60)
        }
        let days = CivilDate.days(year: year, month: month, day: day)
        // Reject 2026-02-31 and friends: the date must survive the round trip.
        guard CivilDate.civil(days) == (year, month, day) else { return nil }
        return days * 86_400 + seconds
    }
}

/// Proleptic Gregorian dates in UTC without Foundation (H. Hinnant's algorithms).
public enum CivilDate {
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days since 1970-01-01 to (year, month, day).
    public static func civil(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// "2026-11-28 07:42" (UTC).
    public static func format(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (year, month, day) = civil(days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(Int(rest / 3600))):\(two(Int(rest % 3600 / 60)))"
    }
}
