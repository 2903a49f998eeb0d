import Findings

/// What the mapping does not know yet (Enter on the matrix's Unclassified row, `:unmapped`): the
/// rules of unclassified findings, most findings first, and for the rule under the cursor what its
/// tool said and a user rule to paste — the list `mlsoc mapping unmapped` prints.
public enum UnmappedView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let top = FrameView.contentTop
        let bottom = FrameView.contentBottom(buffer)
        let items = state.unmapped.items
        let findings = items.reduce(0) { $0 + $1.findings }
        buffer.put(
            " \(NumberFormat.grouped(findings)) unclassified finding\(findings == 1 ? "" : "s") in \(items.count) rule\(items.count == 1 ? "" : "s"): "
                + (buffer.width >= 110
                    ? "paste a rule into mapping.json and reingest (mlsoc mapping unmapped --rules)" : "paste a rule into mapping.json"),
            x: 0, y: top, role: .title, maxWidth: buffer.width)
        if items.isEmpty {
            buffer.put(
                state.unmapped.loaded ? "Nothing unclassified: every finding has a cell." : "loading" + state.glyphs.ellipsis,
                x: 1, y: top + 2, role: .muted)
            return
        }
        // The rule under the cursor, below the list: what the tool said and the rule to paste.
        let detailHeight = min(6, max(0, (bottom - top - 3) / 2))
        let listBottom = bottom - detailHeight
        let first = top + 2
        let rows = max(0, listBottom - first)
        let start = Table.firstVisible(cursor: state.unmapped.cursor, count: items.count, rows: rows)
        let shown = Array(items.dropFirst(start).prefix(rows))
        let cells = shown.map { item in
            [item.tool, item.ruleID, NumberFormat.grouped(item.findings), NumberFormat.grouped(item.open), item.worst.name, item.title]
        }
        let laid = Table.layout(columns, rows: cells, width: buffer.width)
        Table.header(laid, y: top + 1, into: &buffer)
        for (offset, (item, row)) in zip(shown, cells).enumerated() {
            Table.row(
                row, laid, y: first + offset, width: buffer.width, selected: start + offset == state.unmapped.cursor,
                roles: [.normal, .normal, .normal, .normal, StyleRole.severity(item.worst), .muted], glyphs: state.glyphs, into: &buffer)
        }
        let safe = TextSanitizer.sanitize
        guard detailHeight >= 3, items.indices.contains(state.unmapped.cursor) else { return }
        let item = items[state.unmapped.cursor]
        var y = listBottom
        buffer.put(String(repeating: state.glyphs.horizontal, count: buffer.width), x: 0, y: y, role: .muted)
        y += 1
        let lines: [(String, String)] = [("title", safe(item.title)), ("seen", safe(item.seen)), ("rule", safe(item.suggestion))]
        for (label, text) in lines where y < bottom {
            let width = buffer.width - 9
            // The rule wraps (it is what gets pasted); the others are cut.
            var rest = Substring(text)
            var firstLine = true
            repeat {
                // As many characters as fit the width (at least one, so a wide one cannot stall).
                var end = rest.startIndex
                var used = 0
                while end < rest.endIndex {
                    let w = DisplayWidth.of(rest[end])
                    if used + w > max(1, width), end > rest.startIndex { break }
                    used += w
                    end = rest.index(after: end)
                }
                let piece = rest[rest.startIndex..<end]
                buffer.put(firstLine ? " \(label)" : "", x: 0, y: y, role: .muted)
                buffer.put(String(piece), x: 8, y: y, role: label == "rule" ? .normal : .muted, maxWidth: width)
                rest = rest[end...]
                firstLine = false
                y += 1
            } while label == "rule" && !rest.isEmpty && y < bottom
        }
    }

    /// The rule id takes what is left (cut in the middle); the counts and severity are never cut.
    static let columns = [
        Column("TOOL", min: 8, max: 16, priority: 1), Column("RULE", min: 16, priority: 0, flex: true, preferred: 40),
        Column.whole("FINDINGS", alignRight: true), Column.whole("OPEN", alignRight: true), Column.whole("WORST"),
        Column("TITLE", min: 16, max: 60, priority: 3, cut: .end),
    ]
}
