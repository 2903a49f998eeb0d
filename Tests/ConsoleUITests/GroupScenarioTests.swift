import ConsoleUI
import Findings
import Testing

/// The grouped Findings view driven through the reducer (issue 20).
@Suite struct GroupScenarioTests {
    func press(_ state: inout AppState, _ keys: String) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .key(.character($0))) }
    }

    static let open = FindingFilter.Clause(.states(TriageState.allCases.filter(\.isOpen)))

    @Test("= groups by rule, then artifact, model, none; Enter lists a group's findings; Esc comes back to the groups")
    func groupExpandCollapse() throws {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        let filter = FindingFilter(clauses: [Self.open])
        state.findings.filter = filter
        var effects = press(&state, "=")
        let generation = state.findings.generation
        #expect(effects == [.loadGroups(FindingQuery(filter: filter), .rule, generation: generation)])
        #expect(state.keymap.name == "Findings by group")
        _ = Reducer.reduce(&state, .groupsLoaded(Fixture.groups(), generation: generation))
        // A page of an older query is dropped.
        _ = Reducer.reduce(&state, .groupsLoaded(FindingGroups(grouping: .rule), generation: generation - 1))
        #expect(state.findings.groups?.groups.count == 4)
        _ = press(&state, "j")
        effects = Reducer.reduce(&state, .key(.enter))
        let key = FindingGroupKey.rule(ruleRef: 2, messageID: 2)
        #expect(
            effects == [
                .loadFindings(
                    FindingQuery(filter: filter, group: key), after: nil, limit: FindingListState.pageSize,
                    generation: state.findings.generation)
            ])
        #expect(state.keymap.name == "Findings" && state.findings.expanded?.key == key)
        _ = Reducer.reduce(&state, .findingsLoaded(Fixture.items(3), append: false, generation: state.findings.generation))
        // Paging and sorting inside the group keep the group.
        effects = press(&state, "s")
        #expect(
            effects.first
                == .loadFindings(
                    FindingQuery(filter: filter, sort: .newest, group: key), after: nil, limit: 200, generation: state.findings.generation))
        effects = Reducer.reduce(&state, .key(.escape))
        #expect(effects == [.loadGroups(FindingQuery(filter: filter, sort: .newest), .rule, generation: state.findings.generation)])
        #expect(state.findings.showGroups && state.findings.groupCursor == 1, "back on the same group")
        for grouping in [FindingGrouping.artifact, .model, .none] {
            _ = press(&state, "=")
            #expect(state.findings.grouping == grouping)
        }
        #expect(state.keymap.name == "Findings")
        _ = runCommand(&state, "group model")
        #expect(state.findings.grouping == .model)
        _ = runCommand(&state, "group bogus")
        #expect(state.flash?.isError == true && state.findings.grouping == .model)
    }

    func runCommand(_ state: inout AppState, _ line: String) -> [Effect] { Fixture.command(&state, line) }

    @Test("a triage key on a group reads the group's open findings (closed ones for o), then acts on all of them")
    func groupTriage() throws {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        state.findings.filter = FindingFilter(clauses: [.init(.tools(["modelscan"]))])
        _ = press(&state, "=")
        _ = Reducer.reduce(&state, .groupsLoaded(Fixture.groups(), generation: state.findings.generation))
        var effects = press(&state, "f")
        var expected = FindingQuery(filter: state.findings.filter, group: .rule(ruleRef: 1, messageID: 1))
        expected.filter.clauses.append(Self.open)
        #expect(effects == [.loadGroupTargets(expected, .setFalsePositive)])
        let rows = Fixture.items(7)
        _ = Reducer.reduce(&state, .groupTargetsLoaded(rows, command: .setFalsePositive))
        let form = try #require(state.form)
        #expect(form.kind == .falsePositive && form.targets.map(\.id) == rows.map(\.id))
        state.form = nil
        effects = press(&state, "o")
        if case let .loadGroupTargets(query, .reopen) = effects.first {
            #expect(query.filter.clauses.last == .init(.states(TriageState.allCases.filter { !$0.isOpen })))
        } else {
            Issue.record("o asks for the group's closed findings: \(effects)")
        }
        // t writes at once, to every finding of the group.
        _ = Reducer.reduce(&state, .groupTargetsLoaded(rows, command: .setInTriage))
        #expect(state.form == nil)
        // An empty group, or one past the limit, says so and writes nothing.
        #expect(Reducer.reduce(&state, .groupTargetsLoaded([], command: .setInTriage)).isEmpty)
        #expect(state.flash?.text.contains("no open findings") == true)
        let many = Array(repeating: rows[0], count: Reducer.groupTargetLimit + 1)
        #expect(Reducer.reduce(&state, .groupTargetsLoaded(many, command: .setInTriage)).isEmpty)
        #expect(state.flash?.text.contains("narrow the filter") == true)
        // Space does not mark groups.
        #expect(press(&state, " ").isEmpty && state.findings.marks.isEmpty)
    }

    @Test("S marks every similar finding, loaded or not; the bulk action and y take them all")
    func markSimilar() throws {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        let current = try #require(state.findings.current)
        let effects = press(&state, "S")
        #expect(effects == [.markSimilar(state.findings.query, findingID: current.id)])
        let loaded = state.findings.items.filter { $0.tool == current.tool }.prefix(2)
        let unloaded = Fixture.items(3, offset: 500).map { row in
            var row = row
            row.id = 7_000 + row.id % 100
            return row
        }
        _ = Reducer.reduce(&state, .similarLoaded(Array(loaded) + unloaded))
        #expect(state.findings.marks.count == loaded.count + unloaded.count)
        #expect(state.flash?.text.contains("marked \(loaded.count + unloaded.count) findings like this one") == true)
        // e on marks writes directly: the effect carries every marked finding.
        let triage = Reducer.reduce(&state, .key(.character("e")))
        if case let .triage(targets, _) = triage.first {
            #expect(Set(targets.map(\.id)) == Set((Array(loaded) + unloaded).map(\.id)))
        } else {
            Issue.record("e on marks writes to all of them: \(triage)")
        }
    }
}
