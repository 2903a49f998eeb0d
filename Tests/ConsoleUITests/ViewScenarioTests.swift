import ConsoleUI
import Findings
import Testing

/// Saved views, columns and the tabs through the reducer (issue 20).
@Suite struct ViewScenarioTests {
    func command(_ state: inout AppState, _ line: String) -> [Effect] { Fixture.command(&state, line) }

    @Test(":columns, :view save, 7 opens it, Tab reaches it, :view delete; config views cannot be deleted")
    func saveAndUse() throws {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        state.savedViews = [SavedView(name: "from-config", filter: "tool:garak", fromConfig: true)]
        state.findings.filter = try FindingFilter.parse("sev>=high state:open")
        #expect(command(&state, "columns id,sev,bogus").isEmpty && state.flash?.isError == true)
        _ = command(&state, "columns id,sev,age,project,title")
        #expect(state.findings.columns == ["id", "sev", "age", "project", "title"])
        _ = command(&state, "group rule")
        let saved = command(&state, "view save hot")
        let hot = SavedView(name: "hot", filter: "sev>=high state:open", grouping: .rule, columns: ["id", "sev", "age", "project", "title"])
        #expect(saved == [.saveViews([hot])], "config's views are not written")
        #expect(state.flash?.text == "saved view hot (tab 8): sev>=high state:open")
        #expect(command(&state, "view save no spaces").isEmpty && state.flash?.isError == true)
        // Elsewhere, 8 opens it as it was saved.
        _ = Reducer.reduce(&state, .key(.character("1")))
        state.findings.columns = nil
        state.findings.grouping = .none
        let effects = Reducer.reduce(&state, .key(.character("8")))
        #expect(
            effects == [
                .loadGroups(FindingQuery(filter: try FindingFilter.parse("sev>=high state:open")), .rule, generation: state.findings.generation)
            ])
        #expect(state.view == .findings && state.activeView == "hot" && state.findings.columns == hot.columns)
        #expect(Reducer.reduce(&state, .key(.character("9"))).isEmpty && state.flash?.text.contains("no saved view 9") == true)
        // Tab from Compliance (6) goes to the first saved view, then the second, then Matrix.
        _ = Reducer.reduce(&state, .key(.character("6")))
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.view == .findings && state.activeView == "from-config")
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.activeView == "hot")
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.view == .matrix)
        _ = Reducer.reduce(&state, .key(.backTab))
        #expect(state.activeView == "hot")
        // 3 is the plain Findings tab again.
        _ = Reducer.reduce(&state, .key(.character("3")))
        #expect(state.activeView == nil)
        #expect(command(&state, "view delete from-config").isEmpty && state.flash?.text.contains("config.yaml") == true)
        #expect(command(&state, "view delete hot") == [.saveViews([])])
        #expect(state.savedViews.map(\.name) == ["from-config"])
        #expect(PaletteCommand.complete("view ", themes: [], views: ["hot"]) == ["view save", "view delete", "view hot"])
        #expect(PaletteCommand.complete("columns id,pro", themes: []) == ["columns id,project"])
    }

    @Test(":metrics reads all findings' metrics, :metrics NAME one model's; Esc goes back to the matrix")
    func metrics() {
        var state = Fixture.state(Size(width: 120, height: 40))
        #expect(command(&state, "metrics").contains(.loadMetrics(weeks: MetricsView.weeks, model: nil)))
        _ = Reducer.reduce(&state, .metricsLoaded(Fixture.metrics()))
        #expect(Renderer.render(state).plainText.contains("all projects"))
        #expect(command(&state, "metrics fraud-detector").contains(.loadMetrics(weeks: MetricsView.weeks, model: "fraud-detector")))
        #expect(state.metrics == nil, "the other model's figures are not shown as this one's")
        _ = Reducer.reduce(&state, .metricsLoaded(Fixture.metrics()))
        #expect(Renderer.render(state).plainText.contains("model fraud-detector"))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.view == .matrix)
    }
}
