import Findings
import Testing

@Suite struct TriageRulesTests {
    static let now: Int64 = 1_790_000_000
    let rules = TriageRules.standard

    @Test("allowed transitions from every open state", arguments: [TriageState.new, .inTriage, .exploitable])
    func fromOpen(state: TriageState) throws {
        let allowed: [TriageAction] = [
            .falsePositive(reason: "fixture"), .notAffected(justification: "code_not_reachable", detail: nil),
            .acceptRisk(reason: "vendor fix", until: Self.now + 86_400), .resolve(note: nil),
            .assign("alice"), .note("looked"),
        ]
        for action in allowed { try rules.check(action, from: state, now: Self.now) }
        if state != .inTriage { try rules.check(.inTriage(note: nil), from: state, now: Self.now) }
        if state != .exploitable { try rules.check(.exploitable(note: nil), from: state, now: Self.now) }
        #expect(throws: TriageError("\(state.key) is open already: nothing to reopen")) {
            try rules.check(.reopen(reason: "x"), from: state, now: Self.now)
        }
    }

    @Test("closed findings only reopen", arguments: [TriageState.falsePositive, .notAffected, .resolved, .accepted])
    func fromClosed(state: TriageState) throws {
        try rules.check(.reopen(reason: "it is back"), from: state, now: Self.now)
        try rules.check(.note("still closed"), from: state, now: Self.now)
        for action: TriageAction in [.inTriage(note: nil), .exploitable(note: nil), .acceptRisk(reason: "r", until: Self.now + 60)]
        where action.targetState != state {
            #expect(throws: TriageError("\(state.key) is closed: reopen it first")) { try rules.check(action, from: state, now: Self.now) }
        }
    }

    @Test(
        "each transition's required inputs",
        arguments: [
            (TriageAction.falsePositive(reason: "  "), "a reason is required"),
            (.notAffected(justification: "because", detail: nil), "'because' is not a VEX justification"),
            (.acceptRisk(reason: "", until: now + 60), "a reason is required"),
            (.acceptRisk(reason: "r", until: now - 1), "the acceptance must end in the future"),
            (.acceptRisk(reason: "r", until: now + 91 * 86_400), "an acceptance lasts at most 90 days"),
            (.reopen(reason: ""), "a reason to reopen is required"),
            (.note(""), "the note's text is required"),
            (.inTriage(note: nil), "already in_triage"),
        ])
    func inputs(action: TriageAction, message: String) {
        do {
            try rules.check(action, from: .inTriage, now: Self.now)
            Issue.record("allowed: \(action)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error)")
        }
    }

    @Test("the maximum acceptance is configurable")
    func maximum() throws {
        let strict = TriageRules(maxAcceptanceDays: 7)
        #expect(throws: TriageError.self) { try strict.check(.acceptRisk(reason: "r", until: Self.now + 8 * 86_400), from: .new, now: Self.now) }
        try strict.check(.acceptRisk(reason: "r", until: Self.now + 7 * 86_400), from: .new, now: Self.now)
    }

    @Test(
        "dates in forms and flags",
        arguments: [
            ("2026-12-31", Int64(1_798_761_599)), ("2026-12-31T18:30", 1_798_741_800), ("+30d", now + 30 * 86_400),
            ("2026-02-31", nil), ("2026-13-01", nil), ("tomorrow", nil), ("+0d", nil), ("2026-12-31T25:00", nil),
        ])
    func dates(text: String, expected: Int64?) {
        #expect(TriageDate.parse(text, now: Self.now) == expected, "\(text)")
    }
}
