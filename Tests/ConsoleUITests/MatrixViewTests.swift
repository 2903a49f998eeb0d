import ConsoleUI
import Findings
import TestSupport
import Testing

@Suite struct MatrixViewTests {
    /// A fixed summary: counts chosen so every column and heat level shows.
    static func sampleState(size: Size) -> AppState {
        var summary = MatrixSummary()
        summary.add(threat: .malwareDistribution, severity: .critical, state: .new, count: 12)
        summary.add(threat: .malwareDistribution, severity: .high, state: .new, count: 4)
        summary.add(threat: .dataLoss, severity: .high, state: .new, count: 13)
        summary.add(threat: .dataLoss, severity: .low, state: .inTriage, count: 3)
        summary.add(threat: .misconfiguration, severity: .medium, state: .new, count: 1_204)
        summary.add(threat: .misconfiguration, severity: .low, state: .resolved, count: 40)
        summary.add(threat: .modelDenialOfService, severity: .medium, state: .new, count: 5)
        summary.add(threat: .promptSelfReplication, severity: .info, state: .new, count: 123_456)
        summary.add(threat: .unclassified, severity: .low, state: .new, count: 1)
        var state = AppState(size: size, storePath: "/var/lib/mlsoc/findings.db")
        _ = Reducer.reduce(&state, .matrixLoaded(summary, LifecycleSummary()))
        return state
    }

    static let roles: Set<StyleRole> = [.selection, .severityCritical, .heat4, .heat3, .heat2, .heat1, .header]

    @Test("golden matrix at 100×30")
    func matrix100x30() throws {
        try Snapshot.check(Renderer.render(Self.sampleState(size: Size(width: 100, height: 30))), named: "matrix-100x30", roles: Self.roles)
    }

    @Test("golden matrix at 80×24")
    func matrix80x24() throws {
        try Snapshot.check(Renderer.render(Self.sampleState(size: Size(width: 80, height: 24))), named: "matrix-80x24", roles: Self.roles)
    }

    @Test("golden matrix at 80×24 in ASCII")
    func matrixASCII() throws {
        var state = Self.sampleState(size: Size(width: 80, height: 24))
        state.glyphs = .ascii
        let buffer = Renderer.render(state)
        try Snapshot.check(buffer, named: "matrix-80x24-ascii", roles: [])
        let allASCII = buffer.plainText.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII)
    }

    @Test("below 80×24 the screen says the size it needs")
    func tooSmall() {
        let text = Renderer.render(Self.sampleState(size: Size(width: 60, height: 20))).plainText
        #expect(text.contains("need 80×24, have 60×20"))
    }

    @Test("rendering into tiny or empty screens does not trap", arguments: [(0, 0), (1, 1), (2, 1), (79, 24), (80, 23)])
    func tinyScreens(width: Int, height: Int) {
        let buffer = Renderer.render(Self.sampleState(size: Size(width: width, height: height)))
        #expect(buffer.size == Size(width: width, height: height))
    }

    @Test("an empty store says how to fill it")
    func emptyStore() {
        var state = AppState(size: Size(width: 80, height: 24), storePath: "x.db")
        _ = Reducer.reduce(&state, .matrixLoaded(MatrixSummary(), LifecycleSummary()))
        #expect(Renderer.render(state).plainText.contains("mlsoc ingest FILE"))
    }

    @Test("the hottest cell gets the hottest role")
    func heat() {
        let buffer = Renderer.render(Self.sampleState(size: Size(width: 100, height: 30)))
        let row = (0..<buffer.height).first { buffer.rowText($0).contains("Misconfiguration") }
        let hot = row.map { y in (0..<buffer.width).contains { buffer[$0, y].role == .heat4 } }
        #expect(hot == true)
    }
}
