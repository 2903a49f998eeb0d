import Findings
import TestSupport
import Testing

@testable import ConsoleUI

/// Golden screens of every view at 80×24 (the ssh minimum), 120×40 and 200×60 (a wide terminal),
/// and at each of them the values that must never be cut.
@Suite struct ViewGoldenTests {
    static let roles: Set<StyleRole> = [.selection, .severityCritical, .heat4, .overdue, .tabActive, .error]

    enum Screen: String, CaseIterable {
        case matrix, pivot, models, modelDetail, findings, findingDetail, ingest, audit, help, filterError, palette, triageForm, marked
        case projects, projectScoped, projectPalette, unmapped, kiosk, compliance, groups, savedView, metrics
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
        case .metrics:
            state = Fixture.state(size)
            _ = Fixture.command(&state, "metrics")
            _ = Reducer.reduce(&state, .metricsLoaded(Fixture.metrics()))
        case .savedView:
            state = Fixture.state(size, view: .findings)
            state.findings.items = state.findings.items.enumerated().map { index, item in
                var item = item
                item.project = index % 2 == 0 ? "fraud-detection" : "model-zoo"
                item.ticket = index % 3 == 0 ? "JIRA-\(4_700 + index)" : nil
                item.assignee = index % 4 == 0 ? "alice" : nil
                item.firstSeen = Fixture.now - Int64(index) * 7_000
                return item
            }
            state.findings.columns = ["id", "sev", "state", "age", "project", "assignee", "ticket", "title", "location"]
            state.savedViews = [SavedView(name: "crit-open", fromConfig: true), SavedView(name: "mine"), SavedView(name: "tickets")]
            state.activeView = "mine"
        case .groups:
            state = Fixture.state(size, view: .findings)
            state.findings.filter = (try? FindingFilter.parse("state:open")) ?? .empty
            _ = Reducer.reduce(&state, .key(.character("=")))
            _ = Reducer.reduce(&state, .groupsLoaded(Fixture.groups(), generation: state.findings.generation))
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
        case .compliance:
            // The Compliance view on the fraud detector's supply-chain control (violated).
            state = Fixture.state(size)
            _ = Reducer.reduce(&state, .key(.character("6")))
            let result = Fixture.compliance()
            _ = Reducer.reduce(&state, .complianceLoaded(result, packs: ["eu-ai-act", "owasp-llm-2025"]))
            for key in "ll" { _ = Reducer.reduce(&state, .key(.character(key))) }
        case .palette:
            state = Fixture.state(size)
            _ = Reducer.reduce(&state, .key(.character(":")))
            for ch in "theme " { _ = Reducer.reduce(&state, .key(.character(ch))) }
            _ = Reducer.reduce(&state, .key(.tab))
        }
        return state
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    @Test("golden screens", arguments: Screen.allCases, sizes)
    func golden(screen: Screen, size: Size) throws {
        let buffer = Renderer.render(Self.state(screen, size))
        try Snapshot.check(buffer, named: "screen-\(screen.rawValue)-\(size.width)x\(size.height)", roles: Self.roles)
        // Nothing from a report reaches a cell raw: no control characters anywhere on screen.
        #expect(!buffer.plainText.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
    }

    /// Every value drawn as never-cut (states, severities, scores and their results, counts, line
    /// numbers, the ends of summaries) is whole on every screen at every size; and the ones this
    /// test can name from the state are on screen as they are.
    @Test("protected values are never cut", arguments: Screen.allCases, sizes)
    func protectedValues(screen: Screen, size: Size) {
        let state = Self.state(screen, size)
        let buffer = Renderer.render(state)
        #expect(buffer.cuts.isEmpty, "\(screen) at \(size.width)×\(size.height): \(buffer.cuts)")
        let text = buffer.plainText
        if screen != .kiosk {
            #expect(text.contains("open " + NumberFormat.grouped(state.matrix.totalOpen)), "\(screen): the open total")
            #expect(text.contains("ingest: \(state.ingestStatus)"), "\(screen): the ingest status")
        }
        switch screen {
        case .modelDetail:
            let model = state.models.detail?.model
            let result = model.map { "= " + ModelRisk.number($0.score(weights: state.models.weights)) } ?? "?"
            #expect(text.contains(result), "the score's result \(result)")
            #expect(text.split(separator: "\n").filter { $0.contains("(") }.allSatisfy { $0.contains(")") }, "every summary closes")
        case .findings, .marked:
            for item in state.findings.items.prefix(size.height - 5) {
                let line = text.split(separator: "\n").first { $0.contains(" \(item.id) ") }
                #expect(line?.contains(" \(item.state.key) ") == true, "#\(item.id) shows its state \(item.state.key)")
                if size.width >= 120, let at = item.location?.startLine {
                    #expect(line?.contains(":\(at)") == true, "#\(item.id) shows its line number \(at)")
                }
            }
        case .groups:
            // Every group's counts and worst severity whole, at every size.
            for group in state.findings.groups?.groups ?? [] {
                let line = text.split(separator: "\n").first { $0.contains(group.label.prefix(10)) }
                #expect(line?.contains(" \(FrameView.short(group.worst)) ") == true, "\(group.label): its worst severity")
                #expect(line?.contains(NumberFormat.grouped(group.count) + " ") == true, "\(group.label): its count")
                #expect(line?.contains(" " + NumberFormat.grouped(group.openCount) + " ") == true, "\(group.label): its open count")
            }
        case .audit:
            for event in state.audit.items.prefix(size.height - 5) {
                let change = [event.from, event.to].compactMap { $0 }.joined(separator: " " + state.glyphs.arrow + " ")
                #expect(text.contains(change), "the change \(change)")
            }
        case .ingest:
            // Reports that differ only at the end stay told apart.
            for scan in state.ingest.snapshot.scans where scan.sourcePath.contains("fraud-detector") {
                let end = String(scan.sourcePath.suffix(7))
                #expect(text.contains(end), "report ending \(end)")
            }
        default:
            break
        }
    }

    @Test("the Compliance view at 160×48 too")
    func complianceWide() throws {
        let size = Size(width: 160, height: 48)
        try Snapshot.check(Renderer.render(Self.state(.compliance, size)), named: "screen-compliance-160x48", roles: Self.roles)
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

    @Test("a wide character that does not fit its column is cut whole, never split", arguments: sizes)
    func wideCharacters(size: Size) {
        let buffer = Renderer.render(Self.state(.findings, size))
        // Row #99999's title holds 模型: wherever its column ends, the row is exactly the screen's width.
        let y = (0..<buffer.height).first { buffer.rowText($0).contains(" 99999 ") }
        #expect(y != nil)
        if let y {
            #expect(DisplayWidth.of(buffer.rowText(y)) == size.width)
            #expect((0..<size.width).allSatisfy { x in !buffer[x, y].isContinuation || (x > 0 && buffer[x - 1, y].width == 2) })
        }
    }
}
