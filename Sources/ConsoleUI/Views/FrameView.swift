import Findings

/// The header (store, totals by severity, ingest status), the view tabs, and the footer (the
/// focused view's keys, the flash message, or the `/` and `:` prompt).
public enum FrameView {
    /// First row the views draw on, and the row after their last.
    static let contentTop = 2
    static func contentBottom(_ buffer: ScreenBuffer) -> Int { buffer.height - 1 }

    public static func renderHeader(_ state: AppState, into buffer: inout ScreenBuffer) {
        let width = buffer.width
        buffer.fill(x: 0, y: 0, width: width, role: .header)
        var x = buffer.put(" mlsoc ", x: 0, y: 0, role: .headerAccent)
        if state.readOnly {
            x += buffer.put(" \(state.glyphs.lock) ", x: x, y: 0, role: .lock)
        }
        let matrix = state.matrix
        let open = state.loading ? "loading" + state.glyphs.ellipsis : "open \(NumberFormat.grouped(matrix.totalOpen))"
        var totals: [String] = []
        for severity in Severity.descending where severity != .info && !state.loading {
            totals.append("\(short(severity)) \(NumberFormat.grouped(matrix.openCount(severity: severity)))")
        }
        let ingest = "ingest: \(state.ingestStatus)"
        // The scope every view shows, as k9s shows its namespace (up to 32 columns, never cut below
        // that). The open total and the ingest status are never cut; when the rest does not fit,
        // the lowest severities' totals give way first, then the store path.
        let scope = state.project.map { " [" + elide($0, to: 32, glyphs: state.glyphs) + "] " } ?? ""
        func right() -> String { ([open] + totals + [ingest]).joined(separator: "  ") + " " }
        let pathMinimum = 16
        while !totals.isEmpty, x + DisplayWidth.of(scope) + pathMinimum + 2 + DisplayWidth.of(right()) > width {
            totals.removeLast()
        }
        let rightText = right()
        let rightWidth = DisplayWidth.of(rightText)
        if !scope.isEmpty { x += buffer.put(scope, x: x, y: 0, role: .headerAccent) }
        let pathRoom = width - x - rightWidth - 2
        if pathRoom > 8 {
            buffer.put(" " + elide(state.storePath, to: pathRoom - 1, glyphs: state.glyphs), x: x, y: 0, role: .header)
        }
        if x + rightWidth > width { buffer.noteCut(rightText, x: x, y: 0) }
        buffer.put(rightText, x: max(x, width - rightWidth), y: 0, role: .header)
    }

    /// The view tabs with their number keys; the focused one stands out.
    static func renderTabs(_ state: AppState, into buffer: inout ScreenBuffer) {
        var x = 1
        let focused = state.view == .help ? state.helpReturn : state.view
        let savedActive = focused == .findings ? state.activeView : nil
        for (index, view) in ViewID.tabs.enumerated() {
            let label = " \(index + 1) \(view.title) "
            let active = view == focused && state.view != .help && !(view == .findings && savedActive != nil)
            x += buffer.put(label, x: x, y: 1, role: active ? .tabActive : .tab)
            x += 1
        }
        // Saved views are tabs 7–9, while there is room for them.
        for (index, view) in state.savedViews.prefix(Reducer.viewTabs).enumerated() {
            let label = " \(index + 7) \(view.name) "
            guard x + DisplayWidth.of(label) < buffer.width - 8 else { break }
            x += buffer.put(label, x: x, y: 1, role: view.name == savedActive && state.view != .help ? .tabActive : .tab)
            x += 1
        }
        let detail: String?
        switch state.view {
        case .matrix: detail = "targets \(state.glyphs.times) " + (state.pivot ? "lifecycle stage" : "threats")
        case .models: detail = state.models.detail.map { "model: " + $0.model.name }
        case .findings: detail = state.findings.showDetail ? "detail" : nil
        case .help: detail = "help"
        case .projects: detail = "projects"
        case .unmapped: detail = "unmapped rules"
        case .metrics: detail = "triage metrics"
        default: detail = nil
        }
        if let detail {
            buffer.put(" " + detail, x: x, y: 1, role: .muted, maxWidth: buffer.width - x - 1)
        }
    }

    public static func renderFooter(_ state: AppState, into buffer: inout ScreenBuffer) {
        let y = buffer.height - 1
        guard y > 0 else { return }
        buffer.fill(x: 0, y: y, width: buffer.width, role: .footer)
        if let prompt = state.prompt {
            renderPrompt(prompt, state: state, y: y, into: &buffer)
            return
        }
        if let flash = state.flash {
            buffer.put(" " + flash.text, x: 0, y: y, role: flash.isError ? .error : .flash, maxWidth: buffer.width)
            return
        }
        // `? help` and `q quit` are always there; the other hints take the room that is left.
        let hints = footerHints(state.keymap, glyphs: state.glyphs)
        let width = { (hint: FooterHint) in DisplayWidth.of(hint.key) + DisplayWidth.of(hint.help) + 3 }
        var reserved = hints.filter(\.essential).map(width).reduce(0, +)
        var x = 1
        for hint in hints {
            if hint.essential {
                reserved -= width(hint)
            } else if x + width(hint) + reserved > buffer.width {
                continue
            }
            guard x + width(hint) <= buffer.width + 2 else { break }
            x += buffer.put(hint.key, x: x, y: y, role: .footerKey)
            x += buffer.put(" " + hint.help + "  ", x: x, y: y, role: .footer, maxWidth: max(0, buffer.width - x))
        }
    }

    /// The prompt line, its completions or its error (with a caret under the column) just above.
    static func renderPrompt(_ prompt: Prompt, state: AppState, y: Int, into buffer: inout ScreenBuffer) {
        let label = prompt.kind.rawValue
        let room = buffer.width - 2
        let chars = Array(TextSanitizer.sanitize(prompt.text))
        // The insertion point in the sanitised text (escapes make it longer than what was typed).
        let cursor = min(chars.count, Array(TextSanitizer.sanitize(String(Array(prompt.text).prefix(prompt.cursor)))).count)
        // Keep the insertion point visible on long lines.
        let start = max(0, cursor - (room - 2))
        let shown = String(chars.dropFirst(start))
        buffer.put(label, x: 0, y: y, role: .footerKey)
        buffer.put(shown, x: 1, y: y, role: .prompt, maxWidth: room)
        let caretX = 1 + DisplayWidth.of(String(chars.prefix(cursor).dropFirst(start)))
        if caretX < buffer.width {
            let under = caretX - 1 < DisplayWidth.of(shown) ? buffer[caretX, y].text : " "
            buffer.put(under.isEmpty ? " " : under, x: caretX, y: y, role: .promptCursor)
        }
        let above = y - 1
        guard above >= FrameView.contentTop else { return }
        if let error = prompt.error {
            buffer.fill(x: 0, y: above, width: buffer.width, role: .error)
            let caret = max(1, 1 + error.column - 1 - start)
            let message = "^ " + error.message
            let x = min(caret, max(0, buffer.width - DisplayWidth.of(message)))
            buffer.put(message, x: x, y: above, role: .error, maxWidth: buffer.width - x)
        } else if let flash = state.flash, flash.isError {
            // What the line editor refused (a paste cut at the limit) shows above it.
            buffer.fill(x: 0, y: above, width: buffer.width, role: .error)
            buffer.put(" " + flash.text, x: 0, y: above, role: .error, maxWidth: buffer.width)
        } else if !prompt.completions.isEmpty {
            buffer.fill(x: 0, y: above, width: buffer.width, role: .footer)
            buffer.put(
                " " + prompt.completions.map { $0.split(separator: " ").last.map(String.init) ?? $0 }.joined(separator: "  "),
                x: 0, y: above, role: .footer, maxWidth: buffer.width)
        } else if prompt.kind == .command, prompt.text.isEmpty {
            buffer.fill(x: 0, y: above, width: buffer.width, role: .footer)
            buffer.put(" " + PaletteCommand.all.map(\.name).joined(separator: " "), x: 0, y: above, role: .footer, maxWidth: buffer.width)
        }
    }

    /// The footer's hints, from the binding table: movement first, then the screen's own keys.
    struct FooterHint {
        var key: String
        var help: String
        /// Help and quit: shown at every width.
        var essential = false
    }

    static func footerHints(_ keymap: Keymap, glyphs: Glyphs) -> [FooterHint] {
        var hints = [FooterHint(key: "j/k", help: "move")]
        for binding in keymap.bindings where binding.inFooter && binding.disabledReason == nil {
            guard let key = binding.keys.first else { continue }
            hints.append(FooterHint(key: key.label(glyphs), help: binding.help, essential: binding.command == .help || binding.command == .quit))
        }
        hints.append(FooterHint(key: "1-6", help: "views"))
        return hints
    }

    static func short(_ severity: Severity) -> String {
        switch severity {
        case .critical: "crit"
        case .high: "high"
        case .medium: "med"
        case .low: "low"
        case .info: "info"
        }
    }

    /// Cuts the middle of a path so that its start and file name stay visible.
    static func elide(_ text: String, to width: Int, glyphs: Glyphs) -> String {
        Elide.fit(text, width: width, cut: .middle, ellipsis: glyphs.ellipsis)
    }
}
