import ConsoleUI
import Findings
import Testing

/// Four-eyes keys, ticket links and assignment through the reducer (issue 20).
@Suite struct TeamScenarioTests {
    func press(_ state: inout AppState, _ keys: String) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .key(.character($0))) }
    }

    @Test("@ offers the accounts mlsoc knows (read when not there yet), ↓ steps through them")
    func assignOffersAccounts() throws {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        #expect(press(&state, "@") == [.loadVocabulary])
        #expect(state.form?.fields[0].choices.isEmpty == true)
        _ = Reducer.reduce(&state, .vocabularyLoaded(FilterVocabulary(accounts: ["alice", "bob", "risk-ml"])))
        #expect(state.form?.fields[0].choices == ["alice", "bob", "risk-ml"])
        for key in [Key.control("u"), .down] { _ = Reducer.reduce(&state, .key(key)) }
        let id = try #require(state.findings.current?.id)
        let effects = Reducer.reduce(&state, .key(.enter))
        guard case let .triage(targets, .assign(account)) = effects.first else {
            Issue.record("Enter assigns: \(effects)")
            return
        }
        #expect(targets.map(\.id) == [id] && account != nil && ["alice", "bob", "risk-ml"].contains(account ?? ""))
        // Known already: no read, the choices at once.
        #expect(press(&state, "@").isEmpty && state.form?.fields[0].choices.count == 3)
    }

    @Test("a approves only with four-eyes on; R asks for a reason; T checks the link; A's title says it proposes")
    func fourEyesKeys() throws {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        #expect(press(&state, "a").isEmpty && state.flash?.text.contains("acceptance_approval: required") == true)
        state.triageRules.acceptanceApproval = true
        let id = try #require(state.findings.current?.id)
        let approve = press(&state, "a")
        #expect(approve.count == 1)
        if case let .triage(targets, .approveAcceptance(nil)) = approve.first {
            #expect(targets.map(\.id) == [id])
        } else {
            Issue.record("a approves: \(approve)")
        }
        _ = press(&state, "R")
        #expect(state.form?.kind == .reject)
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty && state.form?.error == "reason is required")
        _ = Reducer.reduce(&state, .key(.escape))
        _ = press(&state, "T")
        for ch in "JIRA 12" { _ = Reducer.reduce(&state, .key(.character(ch))) }
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty && state.form?.error?.contains("one word") == true)
        for _ in 0..<3 { _ = Reducer.reduce(&state, .key(.backspace)) }
        for ch in "-12" { _ = Reducer.reduce(&state, .key(.character(ch))) }
        #expect(
            Reducer.reduce(&state, .key(.enter)) == [.triage([TriageTarget(id: id, version: state.findings.current?.version)], .ticket("JIRA-12"))])
        _ = press(&state, "A")
        #expect(state.form?.title == "Propose a risk acceptance (another person approves it)")
    }

    @Test(":proposals lists the acceptances waiting for approval; assignee: completes me, none and the accounts")
    func proposalsAndCompletion() {
        var state = Fixture.state(Size(width: 120, height: 40), view: .matrix)
        _ = Reducer.reduce(&state, .key(.character(":")))
        for ch in "proposals" { _ = Reducer.reduce(&state, .key(.character(ch))) }
        let effects = Reducer.reduce(&state, .key(.enter))
        let filter = FindingFilter(clauses: [.init(.acceptances([.proposed]))])
        #expect(
            effects == [
                .loadFindings(FindingQuery(filter: filter), after: nil, limit: FindingListState.pageSize, generation: state.findings.generation)
            ])
        #expect(filter.description == "acceptance:proposed")
        let vocabulary = FilterVocabulary(accounts: ["alice", "bob"])
        #expect(
            PaletteCommand.completeFilter("assignee:", vocabulary: vocabulary) == ["assignee:me", "assignee:none", "assignee:alice", "assignee:bob"])
        #expect(PaletteCommand.completeFilter("tick") == ["ticket:"])
    }
}
