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

    @Test("q asks to quit")
    func quit() {
        var s = state()
        #expect(Reducer.reduce(&s, .key(.character("q"))) == [.quit])
        #expect(s.quitRequested)
    }

    @Test("a store change reloads the matrix; errors flash")
    func effects() {
        var s = state()
        #expect(Reducer.reduce(&s, .storeChanged) == [.loadMatrix])
        _ = Reducer.reduce(&s, .failed("disk on fire"))
        #expect(s.flash == Flash("disk on fire", isError: true))
        _ = Reducer.reduce(&s, .key(.character("x")))
        #expect(s.flash == nil)
    }

    @Test("every binding has help text; read-only keeps no destructive binding")
    func bindings() {
        for view in ViewID.allCases {
            var s = state()
            s.view = view
            #expect(s.keymap.bindings.allSatisfy { !$0.help.isEmpty && !$0.keys.isEmpty })
            s.readOnly = true
            #expect(s.keymap.bindings.allSatisfy { !$0.destructive })
        }
    }
}
