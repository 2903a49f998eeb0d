import ConsoleUI
import Findings
import Testing

@Suite struct ReducerTests {
    func state() -> AppState { AppState(size: Size(width: 80, height: 24), storePath: "s.db") }

    @Test("j/k and arrows move the matrix cursor within bounds")
    func movement() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.character("k")))
        #expect(s.matrixCursor == 0)
        _ = Reducer.reduce(&s, .key(.character("j")))
        _ = Reducer.reduce(&s, .key(.down))
        #expect(s.matrixCursor == 2)
        _ = Reducer.reduce(&s, .key(.character("G")))
        #expect(s.matrixCursor == Threat.matrixOrder.count - 1)
        _ = Reducer.reduce(&s, .key(.character("j")))
        #expect(s.matrixCursor == Threat.matrixOrder.count - 1)
        _ = Reducer.reduce(&s, .key(.character("g")))
        #expect(s.matrixCursor == 0)
    }

    @Test("Enter on the Unclassified row opens the unmapped rules; Enter on a rule lists its unclassified findings; Esc goes back")
    func unmappedFromMatrix() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.character("G")))
        #expect(Threat.matrixOrder[s.matrixCursor] == .unclassified)
        #expect(Reducer.reduce(&s, .key(.enter)).contains(.loadUnmapped))
        #expect(s.view == .unmapped)
        let item = UnmappedItem(tool: "semgrep", ruleID: "team.x", title: "x", findings: 2, open: 1, worst: .low, seen: "", suggestion: "{}")
        _ = Reducer.reduce(&s, .unmappedLoaded([item]))
        #expect(s.unmapped.loaded && s.unmapped.items == [item])
        // A store change reads the list again.
        #expect(Reducer.reduce(&s, .storeChanged).contains(.loadUnmapped))
        let effects = Reducer.reduce(&s, .key(.enter))
        #expect(s.view == .findings && s.findings.origin == .unmapped)
        #expect(s.findings.filter.clauses.map(\.term) == [.threats([.unclassified]), .tools(["semgrep"]), .rules(["team.x"])])
        #expect(effects.count == 1)
        _ = Reducer.reduce(&s, .key(.escape))
        #expect(s.view == .unmapped)
        _ = Reducer.reduce(&s, .key(.escape))
        #expect(s.view == .matrix)
        // Any other row still opens its findings.
        _ = Reducer.reduce(&s, .key(.character("g")))
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.view == .findings)
    }

    @Test("Tab in the filter line completes tools, models, rules, projects and states, read when the line opens")
    func filterValueCompletion() {
        var s = state()
        _ = Reducer.reduce(&s, .key(.character("3")))
        #expect(Reducer.reduce(&s, .key(.character("/"))) == [.loadVocabulary])
        _ = Reducer.reduce(
            &s,
            .vocabularyLoaded(
                FilterVocabulary(
                    tools: ["bandit", "trufflehog", "trivy"], models: ["fraud-detector", "sentiment-bert"],
                    rules: ["B301", "B614", "Secret Keyword"])))
        for ch in "sev>=high tool:truf" { _ = Reducer.reduce(&s, .key(.character(ch))) }
        _ = Reducer.reduce(&s, .key(.tab))
        #expect(s.prompt?.text == "sev>=high tool:trufflehog")
        for ch in " model:fr" { _ = Reducer.reduce(&s, .key(.character(ch))) }
        _ = Reducer.reduce(&s, .key(.tab))
        #expect(s.prompt?.text == "sev>=high tool:trufflehog model:fraud-detector")
        // Ambiguous: the candidates cycle, as for keys.
        for ch in " rule:B6" { _ = Reducer.reduce(&s, .key(.character(ch))) }
        _ = Reducer.reduce(&s, .key(.tab))
        #expect(s.prompt?.text == "sev>=high tool:trufflehog model:fraud-detector rule:B614")
        for ch in " state:false" { _ = Reducer.reduce(&s, .key(.character(ch))) }
        _ = Reducer.reduce(&s, .key(.tab))
        #expect(s.prompt?.text == "sev>=high tool:trufflehog model:fraud-detector rule:B614 state:false_positive")
        // The line as completed is a filter that parses.
        #expect((try? FindingFilter.parse(s.prompt?.text ?? "")) != nil)
        // Ambiguous: the candidates cycle, as for keys.
        let vocabulary = FilterVocabulary(tools: ["trufflehog", "trivy"], models: ["x"], rules: ["Secret Keyword"])
        #expect(PaletteCommand.completeFilter("tool:tr", vocabulary: vocabulary) == ["tool:trufflehog", "tool:trivy"])
        #expect(PaletteCommand.completeFilter("-model:n", vocabulary: vocabulary) == ["-model:none"])
        // A rule id with a space comes quoted; a list completes its next value; projects come from the console.
        #expect(PaletteCommand.completeFilter("rule:Sec", vocabulary: vocabulary) == [#"rule:"Secret Keyword""#])
        #expect(PaletteCommand.completeFilter("sev:crit,hi") == ["sev:crit,high"])
        #expect(PaletteCommand.completeFilter("project:fr", projects: ["fraud-detection", "model-zoo"]) == ["project:fraud-detection"])
    }

    @Test("q asks to quit")
    func quit() {
        var s = state()
        #expect(!s.quitRequested)
        #expect(Reducer.reduce(&s, .key(.character("q"))).isEmpty)
        #expect(s.quitRequested)
    }

    @Test("a store change reloads the matrix; errors flash")
    func effects() {
        var s = state()
        // The first time, the compliance pack's controls too (the matrix names those a cell touches).
        #expect(Reducer.reduce(&s, .storeChanged) == [.loadMatrix, .loadPack("owasp-llm-2025")])
        _ = Reducer.reduce(&s, .packLoaded(CompliancePack(name: "owasp-llm-2025", title: "t", version: "1", source: "s", controls: []), packs: []))
        #expect(Reducer.reduce(&s, .storeChanged) == [.loadMatrix])
        _ = Reducer.reduce(&s, .failed("disk on fire"))
        #expect(s.flash == Flash("disk on fire", isError: true))
        _ = Reducer.reduce(&s, .key(.character("x")))
        #expect(s.flash == nil)
    }

    @Test("every binding has help text; read-only disables every destructive binding")
    func bindings() {
        for view in ViewID.allCases {
            var s = state()
            s.view = view
            #expect(s.keymap.bindings.allSatisfy { !$0.help.isEmpty && !$0.keys.isEmpty })
            s.readOnly = true
            #expect(s.keymap.bindings.filter(\.destructive).allSatisfy { $0.disabledReason != nil })
            #expect(s.keymap.bindings.filter(\.destructive).allSatisfy { binding in binding.keys.allSatisfy { s.keymap.command(for: $0) == nil } })
        }
    }
}
