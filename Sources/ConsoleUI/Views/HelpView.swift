import Findings

/// Keys, commands and the filter language, generated from the binding and command tables.
public enum HelpView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let top = FrameView.contentTop
        // Long descriptions wrap under themselves rather than being cut (80 columns over ssh).
        let lines = HelpView.lines(readOnly: state.readOnly, glyphs: state.glyphs, custom: state.customCommands)
            .flatMap { $0.wrapped(width: buffer.width - 2) }
        StyledLine.draw(
            lines, x: 1, y: top, width: buffer.width - 2, height: FrameView.contentBottom(buffer) - top,
            scroll: state.helpScroll, into: &buffer)
    }

    static func lines(readOnly: Bool, glyphs: Glyphs, custom: [CustomCommand] = []) -> [StyledLine] {
        var lines: [StyledLine] = []
        if readOnly { lines.append(StyledLine("Read-only: keys that change the store are listed with why they do nothing here.", .lock)) }
        let shared = Set((Keymap.movement + Keymap.global).map(\.command))
        lines.append(StyledLine("Everywhere", .title))
        for binding in Keymap.movement + Keymap.global { lines.append(line(binding, glyphs)) }
        for map in Keymap.all {
            let own = (readOnly ? map.readOnly : map).bindings.filter {
                !shared.contains($0.command) || !(Keymap.movement + Keymap.global).contains($0)
            }
            guard !own.isEmpty else { continue }
            lines.append(.blank)
            lines.append(StyledLine(map.name, .title))
            for binding in own { lines.append(line(binding, glyphs)) }
        }
        // config.yaml `commands:`; the dangerous ones do not exist in read-only mode.
        let commands = custom.filter { !(readOnly && $0.dangerous) }
        if !commands.isEmpty {
            lines.append(.blank)
            lines.append(StyledLine("Your commands (config.yaml commands:, in Findings)", .title))
            for command in commands {
                let how = [command.background ? "in the background" : "in the terminal", command.dangerous ? "audited" : nil]
                    .compactMap { $0 }.joined(separator: ", ")
                lines.append(
                    StyledLine([("  " + ModelsView.pad(String(command.key), 26), .footerKey), ("\(command.description) (\(how))", .normal)]))
            }
        }
        lines.append(.blank)
        lines.append(StyledLine("Commands (:)", .title))
        for command in PaletteCommand.all {
            let aliases = command.aliases.isEmpty ? "" : " (" + command.aliases.map { ":" + $0 }.joined(separator: " ") + ")"
            lines.append(
                StyledLine([
                    ("  " + ModelsView.pad(":" + command.name + " " + command.argument, 26), .footerKey),
                    (command.help + aliases, .normal),
                ]))
        }
        lines.append(.blank)
        lines.append(StyledLine("Filter (/)", .title))
        let filterHelp =
            FindingFilter.keyTable.map { ($0.example, $0.meaning) } + [
                ("\"free text\" pickle", "substring of title, message or path"),
                ("-tool:bandit", "a leading - negates a term; terms combine with AND, commas with OR"),
            ]
        for (example, meaning) in filterHelp {
            lines.append(StyledLine([("  " + ModelsView.pad(example, 34), .footerKey), (meaning, .normal)]))
        }
        lines.append(.blank)
        lines.append(
            StyledLine(
                "Prompt keys: \(Key.left.label(glyphs))/\(Key.right.label(glyphs)) move, \(Key.up.label(glyphs))/\(Key.down.label(glyphs)) history, Tab completes keys and values (tools, rules, models, projects, states), Enter applies, Esc cancels. A line holds \(NumberFormat.grouped(Prompt.maxLength)) characters; a longer paste is cut, and the prompt says so.",
                .muted))
        return lines
    }

    static func line(_ binding: Binding, _ glyphs: Glyphs) -> StyledLine {
        let keys = binding.keys.map { $0.label(glyphs) }.joined(separator: " ")
        if let reason = binding.disabledReason {
            return StyledLine([("  " + ModelsView.pad(keys, 26), .muted), (binding.help + "  (disabled: \(reason))", .muted)])
        }
        let flag = binding.destructive ? "  (changes the store)" : ""
        return StyledLine([("  " + ModelsView.pad(keys, 26), .footerKey), (binding.help + flag, .normal)])
    }
}
