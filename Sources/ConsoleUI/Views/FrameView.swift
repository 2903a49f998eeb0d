import Findings

/// The header (store, totals by severity, ingest status) and the footer (the focused view's keys,
/// or the flash message).
public enum FrameView {
    public static func renderHeader(_ state: AppState, into buffer: inout ScreenBuffer) {
        let width = buffer.width
        buffer.fill(x: 0, y: 0, width: width, role: .header)
        var x = buffer.put(" mlsoc ", x: 0, y: 0, role: .headerAccent)
        if state.readOnly {
            x += buffer.put(" \(state.glyphs.lock) ", x: x, y: 0, role: .lock)
        }
        let matrix = state.matrix
        var right = "open \(NumberFormat.grouped(matrix.totalOpen))"
        for severity in Severity.descending where severity != .info {
            right += "  \(short(severity)) \(NumberFormat.grouped(matrix.openCount(severity: severity)))"
        }
        right += "  ingest: \(state.ingestStatus) "
        let rightWidth = DisplayWidth.of(right)
        let pathRoom = width - x - rightWidth - 2
        if pathRoom > 8 {
            buffer.put(" " + elide(state.storePath, to: pathRoom - 1, glyphs: state.glyphs), x: x, y: 0, role: .header)
        }
        buffer.put(right, x: max(x, width - rightWidth), y: 0, role: .header)
    }

    public static func renderFooter(_ state: AppState, into buffer: inout ScreenBuffer) {
        let y = buffer.height - 1
        guard y > 0 else { return }
        buffer.fill(x: 0, y: y, width: buffer.width, role: .footer)
        if let flash = state.flash {
            buffer.put(" " + flash.text, x: 0, y: y, role: flash.isError ? .error : .flash, maxWidth: buffer.width)
            return
        }
        var x = 1
        for hint in footerHints(state.keymap) {
            guard x + DisplayWidth.of(hint.key) + DisplayWidth.of(hint.help) + 3 <= buffer.width else { break }
            x += buffer.put(hint.key, x: x, y: y, role: .footerKey)
            x += buffer.put(" " + hint.help + "  ", x: x, y: y, role: .footer)
        }
    }

    /// The footer's hints, from the binding table: movement first, then the view's own keys.
    static func footerHints(_ keymap: Keymap) -> [(key: String, help: String)] {
        var hints: [(String, String)] = [("j/k", "move")]
        for binding in keymap.bindings where binding.inFooter {
            guard let key = binding.keys.first else { continue }
            hints.append((key.description, binding.help))
        }
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
        let safe = TextSanitizer.sanitize(text)
        guard DisplayWidth.of(safe) > width, width > 4 else { return safe }
        let keep = width - DisplayWidth.of(glyphs.ellipsis)
        let tail = String(safe.suffix(keep * 2 / 3))
        let head = String(safe.prefix(keep - tail.count))
        return head + glyphs.ellipsis + tail
    }
}
