import ConsoleUI
import Findings
import Testing

/// Triage in the console, through the reducer: keys, forms, marks, results.
@Suite struct TriageScenarioTests {
    func state() -> AppState {
        var state = Fixture.state(Size(width: 100, height: 30), view: .findings)
        state.findings.items = state.findings.items.map { item in
            var item = item
            item.version = 1
            return item
        }
        return state
    }

    func type(_ state: inout AppState, _ text: String) {
        for ch in text { _ = Reducer.reduce(&state, .key(.character(ch))) }
    }

    @Test("f opens the false-positive form; an empty reason is said inline and nothing is sent; a reason sends one write")
    func falsePositiveForm() {
        var state = state()
        _ = Reducer.reduce(&state, .key(.character("f")))
        #expect(state.form?.kind == .falsePositive)
        #expect(Reducer.reduce(&state, .key(.enter)) == [])
        #expect(state.form?.error == "reason is required")
        type(&state, "test fixture")
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(effects == [.triage([TriageTarget(id: 100_000, version: 1)], .falsePositive(reason: "test fixture"))])
        #expect(state.form == nil)
    }

    @Test("accepting a risk: a bad date is said inline with nothing written; a good one sends the acceptance")
    func acceptForm() {
        var state = state()
        _ = Reducer.reduce(&state, .key(.character("A")))
        type(&state, "vendor fix due")
        _ = Reducer.reduce(&state, .key(.tab))
        for _ in 0..<4 { _ = Reducer.reduce(&state, .key(.backspace)) }
        type(&state, "2026-02-31")
        #expect(Reducer.reduce(&state, .key(.enter)) == [])
        #expect(state.form?.error?.hasPrefix("bad date '2026-02-31'") == true)
        for _ in 0..<10 { _ = Reducer.reduce(&state, .key(.backspace)) }
        type(&state, "+500d")
        #expect(Reducer.reduce(&state, .key(.enter)) == [])
        #expect(state.form?.error == "an acceptance lasts at most 90 days")
        for _ in 0..<5 { _ = Reducer.reduce(&state, .key(.backspace)) }
        type(&state, "+30d")
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(
            effects == [.triage([TriageTarget(id: 100_000, version: 1)], .acceptRisk(reason: "vendor fix due", until: Fixture.now + 30 * 86_400))])
    }

    @Test("not affected: ↑/↓ choose among the VEX justifications")
    func notAffected() {
        var state = state()
        _ = Reducer.reduce(&state, .key(.character("v")))
        _ = Reducer.reduce(&state, .key(.down))
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(
            effects == [
                .triage(
                    [TriageTarget(id: 100_000, version: 1)],
                    .notAffected(justification: TriageRules.vexJustifications[2], detail: nil))
            ])
    }

    @Test("space marks and moves on, M marks a range; a bulk action applies to the marks; Esc clears them")
    func marks() {
        var state = state()
        _ = Reducer.reduce(&state, .key(.character(" ")))
        _ = Reducer.reduce(&state, .key(.character(" ")))
        #expect(state.findings.marks == [100_000, 99_999] && state.findings.cursor == 2)
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.character("M")))
        #expect(state.findings.marks == [100_000, 99_999, 99_998, 99_997, 99_996])
        _ = Reducer.reduce(&state, .key(.character("f")))
        type(&state, "bulk")
        let effects = Reducer.reduce(&state, .key(.enter))
        let ids = state.findings.items.prefix(5).map(\.id)
        #expect(effects == [.triage(ids.map { TriageTarget(id: $0, version: 1) }, .falsePositive(reason: "bulk"))])
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.findings.marks.isEmpty && state.view == .findings)
    }

    @Test("the result of a bulk write is summed up; a conflict says who changed it; the list is read again")
    func results() {
        var state = state()
        state.findings.marks = [1, 2, 3]
        let outcome = TriageOutcome(results: [
            (1, .applied(.falsePositive)), (2, .applied(.falsePositive)),
            (3, .conflict("changed by bob at 2026-11-28 07:42: now resolved")),
        ])
        let effects = Reducer.reduce(&state, .triageDone(outcome))
        #expect(state.flash == Flash("2 changed; 1 skipped: #3 changed by bob at 2026-11-28 07:42: now resolved", isError: true))
        #expect(state.findings.marks.isEmpty)
        #expect(effects.contains { if case .loadFindings = $0 { true } else { false } })
        _ = Reducer.reduce(&state, .triageDone(TriageOutcome(results: [(9, .conflict("changed by bob at 2026-11-28 07:42: now resolved"))])))
        #expect(state.flash?.text == "#9: changed by bob at 2026-11-28 07:42: now resolved")
    }

    @Test("t and e go straight to the store; a refused one is said without a write; u undoes")
    func direct() {
        var state = state()
        #expect(Reducer.reduce(&state, .key(.character("t"))) == [.triage([TriageTarget(id: 100_000, version: 1)], .inTriage(note: nil))])
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.character("j")))  // row 3 is in_triage in the fixture
        #expect(Reducer.reduce(&state, .key(.character("t"))) == [])
        #expect(state.flash?.text.hasSuffix("already in_triage") == true)
        #expect(Reducer.reduce(&state, .key(.character("u"))) == [.undo(id: 99_997)])
    }

    @Test("u right after a bulk action undoes the whole batch, wherever the cursor is; marked findings undo together; then u is per finding")
    func bulkUndo() throws {
        var state = state()
        for key in "  " { _ = Reducer.reduce(&state, .key(.character(key))) }
        let marked = state.findings.items.map(\.id).filter(state.findings.marks.contains)
        #expect(marked.count == 2)
        // A bulk action's result: two applied, one refused.
        _ = Reducer.reduce(
            &state,
            .triageDone(
                TriageOutcome(results: [
                    (marked[0], .applied(.resolved)), (marked[1], .applied(.resolved)),
                    (1, .refused("already resolved")),
                ])))
        #expect(state.findings.marks.isEmpty && state.findings.lastBatch == marked)
        // Marking moved the cursor past them: u still undoes the bulk action, both findings.
        #expect(!marked.contains(state.findings.current?.id ?? -1))
        #expect(Reducer.reduce(&state, .key(.character("u"))) == [.undoGroup(marked)])
        _ = Reducer.reduce(&state, .triageDone(TriageOutcome(results: marked.map { ($0, TriageOutcome.Result.applied(.new)) }, isUndo: true)))
        #expect(state.flash?.text.hasPrefix("undone: ") == true && state.findings.lastBatch.isEmpty)
        // Now u is per finding again.
        let current = try #require(state.findings.current?.id)
        #expect(Reducer.reduce(&state, .key(.character("u"))) == [.undo(id: current)])
        // Marks undo together.
        for key in " j " { _ = Reducer.reduce(&state, .key(.character(key))) }
        if case .undoGroup = Reducer.reduce(&state, .key(.character("u"))).first {} else { Issue.record("marked findings undo as a group") }
    }

    @Test("read-only: no triage key does anything")
    func readOnly() {
        var state = state()
        state.readOnly = true
        for key in "tefvAdo@cu " { #expect(Reducer.reduce(&state, .key(.character(key))) == []) }
        #expect(state.form == nil)
    }
}
