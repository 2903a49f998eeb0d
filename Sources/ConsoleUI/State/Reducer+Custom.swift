import Findings

/// Custom commands (config.yaml `commands:`): confirmation, running, and their output pane.
extension Reducer {
    static func startCustom(_ command: CustomCommand, _ state: inout AppState) -> [Effect] {
        let rows = triageTargets(state)
        guard !rows.isEmpty else {
            state.flash = Flash("no finding under the cursor", isError: true)
            return []
        }
        if let question = command.confirm {
            state.pendingCommand = PendingCommand(command: command, rows: rows)
            let what = rows.count == 1 ? "#\(rows[0].id)" : "\(rows.count) findings"
            state.flash = Flash("\(question.isEmpty ? "Run \(command.description)" : question) (\(what))? y/Enter runs it, any other key does not")
            return []
        }
        return run(command, rows, &state)
    }

    private static func run(_ command: CustomCommand, _ rows: [FindingRow], _ state: inout AppState) -> [Effect] {
        state.flash = Flash("running \(command.description)" + (command.background ? " in the background" + state.glyphs.ellipsis : ""))
        return [.runCustom(command, rows)]
    }

    /// Keys while a command asks for confirmation, or while its output is shown.
    static func customKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let pending = state.pendingCommand {
            state.pendingCommand = nil
            if key == .character("y") || key == .character("Y") || key == .enter { return run(pending.command, pending.rows, &state) }
            state.flash = Flash("\(pending.command.description): not run")
            return []
        }
        // The output pane: Esc, Enter or q closes it.
        if [.escape, .enter, .character("q")].contains(key) { state.commandOutput = nil }
        return []
    }

    static func customFinished(_ output: CommandOutput, _ state: inout AppState) -> [Effect] {
        let status = output.status.map { "exit \($0)" } ?? "stopped at its timeout"
        state.flash = Flash("\(output.title): \(status)", isError: output.status != 0)
        if !output.text.isEmpty { state.commandOutput = output }
        // A command may have changed the store (a ticket link, a triage through the CLI).
        return reload(state)
    }
}

/// A background command's output, boxed over the view until Esc.
public enum CommandOutputView {
    public static func render(_ output: CommandOutput, state: AppState, into buffer: inout ScreenBuffer) {
        let width = min(buffer.width - 4, 110)
        let top = FrameView.contentTop + 1
        let height = max(6, FrameView.contentBottom(buffer) - top - 1)
        let x = (buffer.width - width) / 2
        for row in 0..<height { buffer.fill(x: x, y: top + row, width: width, role: .form) }
        let status = output.status.map { "exit \($0)" } ?? "stopped at its timeout"
        buffer.put(" \(output.title): \(status) ", x: x + 1, y: top, role: output.status == 0 ? .title : .error, maxWidth: width - 2)
        // The last lines that fit, each cut to the box: the text was sanitised by the renderer's put.
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let room = height - 3
        for (offset, line) in lines.suffix(room).enumerated() {
            buffer.put(line, x: x + 2, y: top + 2 + offset, role: .form, maxWidth: width - 4)
        }
        buffer.put("Esc close", x: x + 2, y: top + height - 1, role: .muted, maxWidth: width - 4)
    }
}
