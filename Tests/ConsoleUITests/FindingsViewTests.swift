import ConsoleUI
import Findings
import TestSupport
import Testing

@Suite struct FindingsViewTests {
    static func items(_ count: Int) -> [FindingListItem] {
        (0..<count).map { index in
            FindingListItem(id: Int64(1000 - index), severity: Severity(rawValue: 4 - index % 5) ?? .info, state: .new,
                            threat: .malwareDistribution, tool: index % 2 == 0 ? "modelscan" : "picklescan",
                            ruleID: "posix.system", title: "Unsafe operator posix.system in a model file \u{1B}[2J",
                            model: "fraud-v\(index)", location: "models/fraud-v\(index).pkl")
        }
    }

    @Test("matrix → Enter → the cell's findings → j → Esc back, through the reducer")
    func drillDown() {
        var state = AppState(size: Size(width: 100, height: 30), storePath: "s.db")
        let cell = Threat.matrixOrder.firstIndex(of: .malwareDistribution) ?? 0
        state.matrixCursor = cell
        #expect(Reducer.reduce(&state, .key(.enter)) == [.loadFindings(threat: .malwareDistribution, after: nil)])
        #expect(state.view == .findings && state.findings.loading)
        _ = Reducer.reduce(&state, .findingsLoaded(Self.items(3), append: false))
        _ = Reducer.reduce(&state, .key(.character("j")))
        #expect(state.findings.cursor == 1)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.view == .matrix && state.matrixCursor == cell)
    }

    @Test("reaching the end of a full page asks for the next keyset page after the last row")
    func paging() {
        var state = AppState(size: Size(width: 100, height: 30), storePath: "s.db")
        state.view = .findings
        let page = Self.items(FindingListState.pageSize)
        _ = Reducer.reduce(&state, .findingsLoaded(page, append: false))
        #expect(Reducer.reduce(&state, .key(.character("G"))) == [.loadFindings(threat: nil, after: page.last)])
        _ = Reducer.reduce(&state, .findingsLoaded(Self.items(3), append: true))
        #expect(state.findings.items.count == page.count + 3 && !state.findings.hasMore)
        #expect(Reducer.reduce(&state, .key(.character("G"))) == [])
    }

    @Test("golden findings list at 100×30; report text is sanitised")
    func golden() throws {
        var state = AppState(size: Size(width: 100, height: 30), storePath: "/var/lib/mlsoc/findings.db")
        state.view = .findings
        state.findings = FindingListState(threat: .malwareDistribution)
        _ = Reducer.reduce(&state, .findingsLoaded(Self.items(6), append: false))
        _ = Reducer.reduce(&state, .key(.down))
        let buffer = Renderer.render(state)
        #expect(!buffer.plainText.unicodeScalars.contains { $0.value == 0x1B })
        try Snapshot.check(buffer, named: "findings-100x30", roles: [.selection, .severityCritical])
    }

    @Test("the findings list renders at 80×24 and into tiny screens without trapping")
    func sizes() throws {
        var state = AppState(size: Size(width: 80, height: 24), storePath: "s.db")
        state.view = .findings
        _ = Reducer.reduce(&state, .findingsLoaded(Self.items(40), append: false))
        try Snapshot.check(Renderer.render(state), named: "findings-80x24", roles: [.selection])
        for size in [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 80, height: 24)] {
            state.size = size
            #expect(Renderer.render(state).size == size)
        }
    }
}
