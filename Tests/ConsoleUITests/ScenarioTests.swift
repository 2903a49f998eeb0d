import ConsoleUI
import Findings
import Testing

/// Key sequences driven through the reducer, checking the state and the effects asked for.
@Suite struct ScenarioTests {
    func press(_ state: inout AppState, _ keys: String) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .key(.character($0))) }
    }

    @Test("matrix → Enter → the cell's open findings → detail → scroll → Esc → Esc back to the matrix")
    func drillDown() throws {
        var state = Fixture.state(Size(width: 80, height: 24))
        state.findings = FindingListState()
        state.matrixCursor = Threat.matrixOrder.firstIndex(of: .malwareDistribution) ?? 0
        let effects = Reducer.reduce(&state, .key(.enter))
        let filter = FindingFilter(clauses: [.init(.threats([.malwareDistribution])), .init(.states([.new, .inTriage, .exploitable]))])
        #expect(
            effects == [.loadFindings(FindingQuery(filter: filter, sort: .severity), after: nil, limit: FindingListState.pageSize, generation: 1)])
        #expect(state.view == .findings && state.findings.loading)
        let page = Fixture.items(5)
        _ = Reducer.reduce(&state, .findingsLoaded(page, append: false, generation: 1))
        _ = press(&state, "j")
        #expect(Reducer.reduce(&state, .key(.enter)) == [.loadDetail(id: page[1].id)])
        _ = Reducer.reduce(&state, .detailLoaded(Fixture.detail(for: page[1])))
        #expect(state.keymap.name == "Finding detail")
        _ = press(&state, "jj")
        #expect(state.findings.detailScroll == 2 && state.findings.cursor == 1)
        #expect(press(&state, "n") == [.loadDetail(id: page[2].id)])
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(!state.findings.showDetail && state.view == .findings)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.view == .matrix && state.matrixCursor == Threat.matrixOrder.firstIndex(of: .malwareDistribution))
    }

    @Test("pages of an older query are dropped")
    func staleGeneration() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = press(&state, "s")  // a new query: generation 2
        _ = Reducer.reduce(&state, .findingsLoaded(Fixture.items(3), append: false, generation: 1))
        #expect(state.findings.items.isEmpty && state.findings.loading)
    }

    @Test("nearing the loaded end asks for the keyset page after the last row; a short page ends the list")
    func paging() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        let page = Fixture.items(FindingListState.pageSize)
        _ = Reducer.reduce(&state, .findingsLoaded(page, append: false, generation: 1))
        state.findings.cursor = page.count - 3
        let effects = Reducer.reduce(&state, .key(.character("j")))
        #expect(
            effects == [
                .loadFindings(FindingQuery(filter: .empty, sort: .severity), after: page.last, limit: FindingListState.pageSize, generation: 1)
            ])
        _ = Reducer.reduce(&state, .findingsLoaded(Fixture.items(3, offset: 200), append: true, generation: 1))
        #expect(state.findings.items.count == page.count + 3 && !state.findings.hasMore)
        #expect(Reducer.reduce(&state, .key(.character("G"))) == [])
        #expect(state.findings.total == 203 && state.findings.cursor == 202)
    }

    @Test("G goes to the true last row (the last page read backwards, and a count); going up loads the pages above; g starts again")
    func trueBottom() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = Reducer.reduce(&state, .findingsLoaded(Fixture.items(FindingListState.pageSize), append: false, generation: 1))
        #expect(
            Reducer.reduce(&state, .key(.character("G"))) == [
                .loadFindingsBefore(FindingQuery(filter: .empty, sort: .severity), before: nil, limit: FindingListState.pageSize, generation: 1),
                .countFindings(FindingQuery(filter: .empty), generation: 1),
            ])
        let tail = Fixture.items(FindingListState.pageSize, offset: 5_000)
        _ = Reducer.reduce(&state, .findingsBefore(tail, tail: true, generation: 1))
        #expect(state.findings.current == tail.last && state.findings.hasBefore && !state.findings.hasMore)
        _ = Reducer.reduce(&state, .findingsCounted(5_200, generation: 1))
        #expect(state.findings.offset == 5_000)
        #expect(Renderer.render(state).plainText.contains("row 5,200 of 5,200"))
        // Up to near the window's top: the page above, read backwards.
        state.findings.cursor = 3
        let up = Reducer.reduce(&state, .key(.character("k")))
        #expect(
            up == [
                .loadFindingsBefore(
                    FindingQuery(filter: .empty, sort: .severity), before: tail.first, limit: FindingListState.pageSize, generation: 1)
            ])
        let above = Fixture.items(FindingListState.pageSize, offset: 4_800)
        _ = Reducer.reduce(&state, .findingsBefore(above, tail: false, generation: 1))
        #expect(state.findings.cursor == 202 && state.findings.current == tail[2] && state.findings.offset == 4_800)
        #expect(Renderer.render(state).plainText.contains("row 5,003 of 5,200"))
        // g: back to the first row, a fresh list from the top; the count stays, and is read again.
        let top = Reducer.reduce(&state, .key(.character("g")))
        #expect(
            top == [
                .loadFindings(FindingQuery(filter: .empty, sort: .severity), after: nil, limit: FindingListState.pageSize, generation: 2),
                .countFindings(FindingQuery(filter: .empty), generation: 2),
            ])
        _ = Reducer.reduce(&state, .findingsLoaded(Fixture.items(FindingListState.pageSize), append: false, generation: 2))
        #expect(Renderer.render(state).plainText.contains("row 1 of 5,200"))
    }

    @Test("a refresh keeps the cursor on the same finding when rows above it come and go")
    func refreshKeepsPlace() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = press(&state, "jjjjj")
        let id = state.findings.current?.id
        let reload = Reducer.reduce(&state, .storeChanged)
        #expect(
            reload.contains(.loadFindings(FindingQuery(filter: .empty, sort: .severity), after: nil, limit: FindingListState.pageSize, generation: 1))
        )
        var fresh = Fixture.items(60)
        fresh.removeFirst(2)
        _ = Reducer.reduce(&state, .findingsLoaded(fresh, append: false, generation: 1))
        #expect(state.findings.current?.id == id && state.findings.cursor == 3)
    }

    @Test("/ shows a parse error with its column while typing; Enter applies a good filter and keeps it in history")
    func filterPrompt() throws {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = press(&state, "/sev>=hgih")
        #expect(state.prompt?.error == FilterError("unknown sev 'hgih': expected critical, high, medium, low, info", column: 6))
        #expect(Reducer.reduce(&state, .key(.enter)) == [])
        #expect(state.prompt != nil && state.flash?.isError == true)
        for _ in 0..<4 { _ = Reducer.reduce(&state, .key(.backspace)) }
        let effects = press(&state, "high") + Reducer.reduce(&state, .key(.enter))
        // What the typed text must mean, written out rather than parsed again from the same text.
        let filter = FindingFilter(clauses: [.init(.severity(.atLeast, .high))])
        #expect(
            effects == [.loadFindings(FindingQuery(filter: filter, sort: .severity), after: nil, limit: FindingListState.pageSize, generation: 2)])
        #expect(state.prompt == nil && state.filterHistory == ["sev>=high"])
        _ = press(&state, "/")
        #expect(state.prompt?.text == "sev>=high ")
        _ = Reducer.reduce(&state, .key(.control("u")))
        _ = Reducer.reduce(&state, .key(.up))
        #expect(state.prompt?.text == "sev>=high")
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.prompt == nil && state.findings.filter == filter)
    }

    @Test("Tab completes filter keys and values")
    func filterCompletion() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = press(&state, "/tar")
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.prompt?.text == "target:")
        _ = press(&state, "d")
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.prompt?.text == "target:data")
    }

    @Test(": palette: completion, history, themes, filters, quit and unknown commands")
    func palette() throws {
        var state = Fixture.state(Size(width: 80, height: 24))
        _ = press(&state, ":the")
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.prompt?.text == "theme ")
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.prompt?.completions.count == 5)
        _ = press(&state, "so")
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.prompt?.text == "theme solarized-dark")
        #expect(Reducer.reduce(&state, .key(.enter)) == [.setTheme("solarized-dark")])
        _ = Reducer.reduce(&state, .themeApplied("solarized-dark"))
        #expect(state.themeName == "solarized-dark")

        let effects = press(&state, ":findings tool:garak sev>=high") + Reducer.reduce(&state, .key(.enter))
        #expect(
            effects.contains(
                .loadFindings(
                    FindingQuery(filter: try FindingFilter.parse("tool:garak sev>=high"), sort: .severity), after: nil,
                    limit: FindingListState.pageSize, generation: 2)))
        #expect(state.view == .findings)

        _ = press(&state, ":findings colour:red")
        #expect(state.prompt?.error?.column == 10)
        _ = Reducer.reduce(&state, .key(.escape))

        _ = press(&state, ":")
        _ = Reducer.reduce(&state, .key(.up))
        #expect(state.prompt?.text == "findings tool:garak sev>=high")
        _ = Reducer.reduce(&state, .key(.escape))

        _ = press(&state, ":bogus")
        _ = Reducer.reduce(&state, .key(.enter))
        #expect(state.flash == Flash("unknown command 'bogus': try :help", isError: true))

        _ = press(&state, ":models")
        #expect(Reducer.reduce(&state, .key(.enter)) == [.loadMatrix, .loadModels])
        _ = press(&state, ":q")
        #expect(!state.quitRequested)
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.quitRequested)
    }

    @Test("Tab and 1–5 switch views and read what each shows")
    func switching() {
        var state = Fixture.state(Size(width: 80, height: 24))
        #expect(Reducer.reduce(&state, .key(.tab)) == [.loadMatrix, .loadModels])
        #expect(state.view == .models)
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.view == .findings)
        #expect(press(&state, "4") == [.loadMatrix, .loadIngest])
        #expect(state.view == .ingest)
        _ = press(&state, "5")
        #expect(state.view == .audit)
        _ = Reducer.reduce(&state, .key(.backTab))
        #expect(state.view == .ingest)
        _ = press(&state, "?")
        #expect(state.view == .help)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.view == .ingest)
        _ = press(&state, "1")
        #expect(state.view == .matrix)
    }

    @Test("models: highest score first; Enter opens the detail; Enter there lists its open findings; Esc returns")
    func models() throws {
        var state = Fixture.state(Size(width: 80, height: 24), view: .models)
        #expect(state.models.visible().map(\.name) == ["fraud-detector", "support-bot", "fraud-transactions", "(no model)"])
        #expect(Reducer.reduce(&state, .key(.enter)) == [.loadModelDetail(id: 1)])
        #expect(state.keymap.name == "Model detail")
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(
            effects == [
                .loadFindings(
                    FindingQuery(filter: try FindingFilter.parse("model:fraud-detector state:open"), sort: .severity), after: nil,
                    limit: FindingListState.pageSize, generation: 2)
            ])
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.view == .models && state.models.detail != nil)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.models.detail == nil)
        _ = press(&state, "/sup")
        _ = Reducer.reduce(&state, .key(.enter))
        #expect(state.models.visible().map(\.name) == ["support-bot"])
    }

    @Test("the pivoted matrix opens the findings of a target × stage cell")
    func pivot() throws {
        var state = Fixture.state(Size(width: 80, height: 24))
        _ = press(&state, "pjjll")
        #expect(state.pivot && state.pivotRow == 2 && state.pivotColumn == 2)
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(
            effects == [
                .loadFindings(
                    FindingQuery(filter: try FindingFilter.parse("target:infrastructure stage:deploy state:open"), sort: .severity), after: nil,
                    limit: FindingListState.pageSize, generation: 2)
            ])
        state.view = .matrix
        _ = press(&state, "llll")
        #expect(state.pivotColumn == LifecycleSummary.stages.count - 1)
        let none = Reducer.reduce(&state, .key(.enter))
        #expect(
            none == [
                .loadFindings(
                    FindingQuery(filter: try FindingFilter.parse("target:infrastructure stage:none state:open"), sort: .severity), after: nil,
                    limit: FindingListState.pageSize, generation: 3)
            ])
    }

    @Test("s cycles the sort order and restarts the query")
    func sort() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        let orders = (0..<4).map { _ -> FindingSort in
            _ = press(&state, "s")
            return state.findings.sort
        }
        #expect(orders == [.newest, .oldest, .due, .severity])
        #expect(state.findings.items.isEmpty && state.findings.loading)
    }

    @Test("Enter on an audit event opens its finding with the detail")
    func auditToFinding() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .audit)
        _ = press(&state, "j")
        let effects = Reducer.reduce(&state, .key(.enter))
        let id = Fixture.audit()[1].findingID
        #expect(
            effects == [
                .loadFindings(
                    FindingQuery(filter: FindingFilter(clauses: [.init(.ids([id]))]), sort: .severity), after: nil,
                    limit: FindingListState.pageSize, generation: 2), .loadDetail(id: id),
            ])
        #expect(state.view == .findings && state.findings.showDetail && state.findings.origin == .audit)
    }

    @Test("read-only disables every destructive binding in every screen, with the reason, and keeps the rest", arguments: Keymap.all)
    func readOnly(map: Keymap) {
        let writes = { (binding: Binding) in
            binding.destructive || binding.command == .mark || binding.command == .markRange || binding.command == .markSimilar
        }
        #expect(map.readOnly.bindings.count == map.bindings.count)
        for binding in map.readOnly.bindings {
            #expect((binding.disabledReason == Keymap.readOnlyReason) == writes(binding), "\(map.name): \(binding.help)")
            for key in binding.keys {
                #expect(map.readOnly.command(for: key) == (writes(binding) ? nil : binding.command), "\(map.name): \(key)")
            }
        }
        #expect(map.bindings.allSatisfy { !$0.help.isEmpty && !$0.keys.isEmpty })
        // No key is bound twice in one screen.
        let keys = map.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count, "\(map.name)")
    }

    @Test("read-only: a triage key says why nothing happens, and rows cannot be marked")
    func readOnlyAnswers() {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        state.readOnly = true
        let effects = press(&state, "f")
        #expect(effects.isEmpty && state.form == nil)
        #expect(state.flash?.isError == true && state.flash?.text.hasPrefix("read-only") == true)
        _ = press(&state, " ")
        #expect(state.findings.marks.isEmpty)
        // Keys that mean nothing anywhere stay silent.
        _ = press(&state, "Z")
        #expect(state.flash == nil)
    }

    @Test("the detail shows what applies: an acceptance's end and approver, no SLA due on a closed finding")
    func detailWhatApplies() throws {
        var state = Fixture.state(Size(width: 120, height: 48), view: .findings)
        _ = Reducer.reduce(&state, .key(.enter))
        var detail = Fixture.detail(for: try #require(state.findings.items.first))
        detail.state = .accepted
        detail.slaDue = state.now + 86_400
        detail.acceptedUntil = state.now + 30 * 86_400
        detail.acceptedBy = "alice"
        _ = Reducer.reduce(&state, .detailLoaded(detail))
        let text = Renderer.render(state).plainText
        #expect(text.contains("accepted    until") && text.contains("by alice"), "\(text)")
        #expect(!text.contains("SLA due"))
        detail.state = .new
        _ = Reducer.reduce(&state, .detailLoaded(detail))
        let open = Renderer.render(state).plainText
        #expect(open.contains("SLA due") && !open.contains("accepted    until"))
    }

    @Test("the help screen lists every binding of every screen")
    func help() {
        var state = Fixture.state(Size(width: 160, height: 48))
        _ = press(&state, "?")
        var text = ""
        for scroll in stride(from: 0, to: 200, by: 20) {
            state.helpScroll = scroll
            text += Renderer.render(state).plainText
        }
        for map in Keymap.all {
            #expect(text.contains(map.name))
            for binding in map.bindings { #expect(text.contains(binding.help), "\(map.name): \(binding.help)") }
        }
        for command in PaletteCommand.all { #expect(text.contains(":" + command.name)) }
    }

    @Test("help at 80×24 wraps long lines under themselves: every word of every description is on screen somewhere")
    func helpWraps() {
        var state = Fixture.state(Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .key(.character("?")))
        var seen = ""
        for scroll in 0..<200 {
            state.helpScroll = scroll
            let buffer = Renderer.render(state)
            for y in 0..<buffer.height { seen += buffer.rowText(y) + "\n" }
        }
        let words = Set(seen.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        for phrase in [
            "or a state: new in_triage exploitable false_positive not_affected resolved accepted",
            "a leading - negates a term; terms combine with AND, commas with OR",
            "rules of unclassified findings, with a mapping rule to paste",
        ] {
            let missing = phrase.split(separator: " ").map(String.init).filter { !words.contains($0) }
            #expect(missing.isEmpty, "cut from help at 80 columns: \(missing)")
        }
        // A continuation starts under its description, not at the left edge.
        #expect(seen.contains("\n" + String(repeating: " ", count: 37) + "false_positive not_affected"))
    }

    @Test("a paste past the prompt's limit keeps the first 4,096 characters and says the rest was dropped")
    func pasteLimit() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = Reducer.reduce(&state, .key(.character("/")))
        let paste = String(repeating: "pickle ", count: 600)  // 4,200 characters
        for ch in paste { _ = Reducer.reduce(&state, .key(.character(ch))) }
        #expect(state.prompt?.text.count == Prompt.maxLength)
        #expect(state.flash?.text.contains("at most 4096 characters") == true && state.flash?.isError == true)
        // Still a line that edits and applies.
        _ = Reducer.reduce(&state, .key(.backspace))
        #expect(state.prompt?.text.count == Prompt.maxLength - 1)
    }

    @Test("a paste is one edit: inserted at the cursor, line breaks and tabs as spaces, cut at the limit with the same message")
    func pasteIsOneEdit() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = Reducer.reduce(&state, .key(.character("/")))
        for ch in "sev>=high" { _ = Reducer.reduce(&state, .key(.character(ch))) }
        for _ in 0..<9 { _ = Reducer.reduce(&state, .key(.left)) }
        _ = Reducer.reduce(&state, .key(.paste("tool:garak\r\nmodel:fraud*\t")))
        #expect(state.prompt?.text == "tool:garak model:fraud* sev>=high")
        #expect(state.prompt?.cursor == 24)
        #expect(state.flash == nil)
        _ = Reducer.reduce(&state, .key(.paste(String(repeating: "x", count: 10_000))))
        #expect(state.prompt?.text.count == Prompt.maxLength)
        #expect(state.flash?.text.contains("at most 4096 characters") == true)
        // Outside a line editor a paste does nothing (it is not a key binding).
        var list = Fixture.state(Size(width: 80, height: 24), view: .findings)
        let before = list
        #expect(Reducer.reduce(&list, .key(.paste("q"))).isEmpty)
        #expect(list == before)
    }

    @Test("y copies the finding under the cursor, or the marked ones as TSV with a header, sanitised; off in config, it says so")
    func copy() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = Reducer.reduce(&state, .key(.down))
        let current = state.findings.items[1]
        guard case let .copy(one)? = Reducer.reduce(&state, .key(.character("y"))).first else {
            Issue.record("y sent nothing")
            return
        }
        let fields = one.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == 8 && fields[0] == "#\(current.id)" && fields[1] == current.severity.name)
        // The fixture's title carries ESC [2J and a right-to-left override: neither reaches the clipboard.
        #expect(!one.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0 == "\u{202E}" || (0x7F...0x9F).contains($0.value) })
        #expect(state.flash?.text == "copied 1 finding to your clipboard (OSC 52)")
        // Two marks: a header and two lines.
        for key in "  " { _ = Reducer.reduce(&state, .key(.character(key))) }
        guard case let .copy(tsv)? = Reducer.reduce(&state, .key(.character("y"))).first else {
            Issue.record("y with marks sent nothing")
            return
        }
        let lines = tsv.split(separator: "\n")
        #expect(lines.count == 3 && lines[0] == "id\tseverity\tstate\ttool\trule\tmodel\tlocation\ttitle")
        #expect(state.flash?.text == "copied 2 findings to your clipboard (OSC 52)")
        state.clipboard = false
        #expect(Reducer.reduce(&state, .key(.character("y"))).isEmpty)
        #expect(state.flash?.isError == true && state.flash?.text.contains("clipboard: false") == true)
    }
}
