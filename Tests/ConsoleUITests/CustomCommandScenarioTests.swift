import Findings
import Testing

@testable import ConsoleUI

/// Custom commands through the reducer (issue 21).
@Suite struct CustomCommandScenarioTests {
    static let commands = [
        CustomCommand(key: "P", description: "save", command: "cat"),
        CustomCommand(key: "J", description: "open a ticket", inDetail: false, command: "curl", confirm: "Open a ticket", dangerous: true),
    ]

    @Test("a key runs its command on the marks; confirm asks first; the output pane closes with Esc")
    func run() throws {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        state.customCommands = Self.commands
        for key in "  " { _ = Reducer.reduce(&state, .key(.character(key))) }
        let marked = state.findings.marked
        #expect(Reducer.reduce(&state, .key(.character("P"))) == [.runCustom(Self.commands[0], marked)])
        #expect(Reducer.reduce(&state, .key(.character("J"))).isEmpty && state.pendingCommand != nil)
        #expect(Reducer.reduce(&state, .key(.character("n"))).isEmpty && state.pendingCommand == nil)
        _ = Reducer.reduce(&state, .key(.character("J")))
        #expect(Reducer.reduce(&state, .key(.enter)) == [.runCustom(Self.commands[1], marked)])
        _ = Reducer.reduce(&state, .customFinished(CommandOutput(title: "save", status: 0, text: "saved 2")))
        #expect(state.commandOutput?.text == "saved 2" && Renderer.render(state).plainText.contains("Esc close"))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.commandOutput == nil)
        // J is not a detail command; in the detail only P is there.
        _ = Reducer.reduce(&state, .key(.enter))
        #expect(state.customCommandsHere.map(\.key) == ["P"])
    }

    @Test("read-only: the dangerous command is not a key, not in the keymap and not in the help")
    func readOnly() {
        var state = Fixture.state(Size(width: 120, height: 40), view: .findings)
        state.customCommands = Self.commands
        state.readOnly = true
        #expect(state.customCommandsHere.map(\.key) == ["P"])
        #expect(state.keymap.binding(for: .character("J")) == nil)
        #expect(Reducer.reduce(&state, .key(.character("J"))).isEmpty && state.pendingCommand == nil)
        let help = HelpView.lines(readOnly: true, glyphs: .ascii, custom: Self.commands).map { $0.runs.map(\.0).joined() }.joined(separator: "\n")
        #expect(help.contains("save (in the terminal)") && !help.contains("open a ticket"))
        let full = HelpView.lines(readOnly: false, glyphs: .ascii, custom: Self.commands).map { $0.runs.map(\.0).joined() }.joined(separator: "\n")
        #expect(full.contains("open a ticket (in the terminal, audited)"))
    }
}
