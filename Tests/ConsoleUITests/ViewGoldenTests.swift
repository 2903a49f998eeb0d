import ConsoleUI
import Findings
import TestSupport
import Testing

/// Golden screens of every view at 80×24 (the ssh minimum) and 160×48 (a wide terminal).
@Suite struct ViewGoldenTests {
    static let roles: Set<StyleRole> = [.selection, .severityCritical, .heat4, .overdue, .tabActive, .error]

    enum Screen: String, CaseIterable {
        case matrix, pivot, models, modelDetail, findings, findingDetail, ingest, audit, help, filterError, palette, triageForm, marked
        case projects, projectScoped, projectPalette, unmapped, kiosk
    }

    static func state(_ screen: Screen, _ size: Size) -> AppState {
        var state: AppState
        switch screen {
        case .matrix:
            state = Fixture.state(size)
            state.matrixCursor = Threat.matrixOrder.firstIndex(of: .malwareDistribution) ?? 0
        case .pivot:
            state = Fixture.state(size)
            state.pivot = true
            state.pivotRow = 2
            state.pivotColumn = 2
        case .models:
            state = Fixture.state(size, view: .models)
        case .modelDetail:
            state = Fixture.state(size, view: .models)
            _ = Reducer.reduce(&state, .key(.enter))
            let top = Array(Fixture.items(4))
            _ = Reducer.reduce(&state, .modelDetailLoaded(id: 1, Fixture.breakdown(), top: top, overdue: Array(top.prefix(2))))
        case .findings:
            state = Fixture.state(size, view: .findings)
            state.findings.filter = (try? FindingFilter.parse("sev>=medium state:open model:fraud*")) ?? .empty
            _ = Reducer.reduce(&state, .key(.down))
        case .findingDetail:
            state = Fixture.state(size, view: .findings)
            _ = Reducer.reduce(&state, .key(.down))
            _ = Reducer.reduce(&state, .key(.enter))
            _ = Reducer.reduce(&state, .detailLoaded(Fixture.detail(for: state.findings.items[1])))
        case .ingest:
            state = Fixture.state(size, view: .ingest)
        case .audit:
            state = Fixture.state(size, view: .audit)
            _ = Reducer.reduce(&state, .key(.character("j")))
        case .help:
            state = Fixture.state(size)
            _ = Reducer.reduce(&state, .key(.character("?")))
        case .filterError:
            state = Fixture.state(size, view: .findings)
            _ = Reducer.reduce(&state, .key(.character("/")))
            for ch in "tool:garak sev>=hgih" { _ = Reducer.reduce(&state, .key(.character(ch))) }
        case .triageForm:
            state = Fixture.state(size, view: .findings)
            _ = Reducer.reduce(&state, .key(.character("A")))
            for ch in "vendor fix due in Q1" { _ = Reducer.reduce(&state, .key(.character(ch))) }
            _ = Reducer.reduce(&state, .key(.tab))
            for _ in 0..<4 { _ = Reducer.reduce(&state, .key(.backspace)) }
            for ch in "2026-02-31" { _ = Reducer.reduce(&state, .key(.character(ch))) }
            _ = Reducer.reduce(&state, .key(.enter))
        case .marked:
            state = Fixture.state(size, view: .findings)
            for key in "  jM" { _ = Reducer.reduce(&state, .key(.character(key))) }
            _ = Reducer.reduce(&state, .triageDone(TriageOutcome(results: [(99_999, .conflict("changed by bob at 2026-11-18 09:00: now resolved"))])))
            for key in "  " { _ = Reducer.reduce(&state, .key(.character(key))) }
        case .projects:
            state = Fixture.state(size)
            _ = Reducer.reduce(&state, .matrixLoaded(state.matrix, state.lifecycle, projects: Fixture.projects()))
            for ch in ":projects" { _ = Reducer.reduce(&state, .key(.character(ch))) }
            _ = Reducer.reduce(&state, .key(.enter))
            _ = Reducer.reduce(&state, .key(.down))
        case .projectScoped:
            // Enter on a project: every view scoped to it, the header says which.
            state = Fixture.state(size)
            _ = Reducer.reduce(&state, .matrixLoaded(state.matrix, state.lifecycle, projects: Fixture.projects()))
            for ch in ":projects" { _ = Reducer.reduce(&state, .key(.character(ch))) }
            _ = Reducer.reduce(&state, .key(.enter))
            _ = Reducer.reduce(&state, .key(.down))
            _ = Reducer.reduce(&state, .key(.enter))
            let (matrix, lifecycle) = Fixture.matrix()
            _ = Reducer.reduce(&state, .matrixLoaded(matrix, lifecycle, projects: Fixture.projects()))
        case .projectPalette:
            state = Fixture.state(size)
            _ = Reducer.reduce(&state, .matrixLoaded(state.matrix, state.lifecycle, projects: Fixture.projects()))
            _ = Reducer.reduce(&state, .key(.character(":")))
            for ch in "project " { _ = Reducer.reduce(&state, .key(.character(ch))) }
            _ = Reducer.reduce(&state, .key(.tab))
        case .unmapped:
            // Enter on the Unclassified row: its rules, what their tools said, a rule to paste.
            state = Fixture.state(size)
            _ = Reducer.reduce(&state, .key(.character("G")))
            _ = Reducer.reduce(&state, .key(.enter))
            _ = Reducer.reduce(
                &state,
                .unmappedLoaded([
                    UnmappedItem(
                        tool: "semgrep", ruleID: "team.rules.leaky-token-log", title: "leaky-token-log", findings: 12, open: 9, worst: .medium,
                        seen: "other metadata team=ml-platform",
                        suggestion:
                            #"{"id":"user.semgrep.leaky-token-log","rules":["team.rules.leaky-token-log"],"threat":"data-loss","tool":"semgrep","why":"suggested by mlsoc mapping unmapped (the rule says 'token'); check the cell"}"#
                    ),
                    UnmappedItem(
                        tool: "kics", ruleID: "a227ec01-f97a-4084-91a4-47b350c1db54", title: "Unpinned \u{1b}]0;x\u{7}image", findings: 3, open: 3,
                        worst: .high, seen: "tags infrastructure, insecure defaults", suggestion: "{}"),
                ]))
            _ = Reducer.reduce(&state, .key(.down))
        case .kiosk:
            // The wall screen: read-only, large totals, the clock, the views in turn.
            state = Fixture.state(size)
            state.readOnly = true
            state.kiosk = true
            state.kioskViews = [.matrix, .models, .ingest]
        case .palette:
            state = Fixture.state(size)
            _ = Reducer.reduce(&state, .key(.character(":")))
            for ch in "theme " { _ = Reducer.reduce(&state, .key(.character(ch))) }
            _ = Reducer.reduce(&state, .key(.tab))
        }
        return state
    }

    @Test("golden screens", arguments: Screen.allCases, [Size(width: 80, height: 24), Size(width: 160, height: 48)])
    func golden(screen: Screen, size: Size) throws {
        let buffer = Renderer.render(Self.state(screen, size))
        try Snapshot.check(buffer, named: "screen-\(screen.rawValue)-\(size.width)x\(size.height)", roles: Self.roles)
        // Nothing from a report reaches a cell raw: no control characters anywhere on screen.
        #expect(!buffer.plainText.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
    }

    @Test("a terminal smaller than 80×24 gets a screen that says so, at any size below", arguments: [Size(width: 60, height: 18)])
    func tooSmall(size: Size) throws {
        let buffer = Renderer.render(Fixture.state(size, view: .findings))
        try Snapshot.check(buffer, named: "screen-tooSmall-\(size.width)x\(size.height)", roles: Self.roles)
        #expect(buffer.plainText.contains("need 80×24, have 60×18"))
    }

    @Test("the same screens in ASCII hold no byte above 0x7F", arguments: Screen.allCases)
    func ascii(screen: Screen) {
        var state = Self.state(screen, Size(width: 80, height: 24))
        state.glyphs = .ascii
        let text = Renderer.render(state).plainText
        // Report text may be non-ASCII (the fixture has CJK); the frame, borders and bars must not be.
        let frame = text.split(separator: "\n").filter { !$0.contains("模型") }
        #expect(frame.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(screen)")
    }

    @Test("a wide character that does not fit its column is cut whole, never split")
    func wideCharacters() {
        let state = Self.state(.findings, Size(width: 80, height: 24))
        let buffer = Renderer.render(state)
        let y = (0..<buffer.height).first { buffer.rowText($0).contains("模") }
        #expect(y != nil)
        if let y {
            #expect(DisplayWidth.of(buffer.rowText(y)) == 80)
        }
    }
}
