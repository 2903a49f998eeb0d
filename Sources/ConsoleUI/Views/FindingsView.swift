import Findings

/// The findings of one matrix cell (or all), most severe first: a window over keyset pages.
public enum FindingsView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let list = state.findings
        let title = (list.threat.map { "\($0.target.name) / \($0.name)" } ?? "All findings")
            + "  \(list.items.count)\(list.hasMore ? "+" : "") shown"
        buffer.put(" " + title, x: 0, y: 1, role: .title, maxWidth: buffer.width)
        let columns = layout(width: buffer.width)
        var x = 1
        for (name, width) in zip(["SEV", "STATE", "TOOL", "RULE", "TITLE", "MODEL", "LOCATION"], columns) where width > 0 {
            buffer.put(name, x: x, y: 2, width: width, role: .muted)
            x += width + 1
        }
        let top = 3
        let rows = max(0, buffer.height - 1 - top)
        guard rows > 0 else { return }
        if list.items.isEmpty {
            buffer.put(list.loading ? "loading" + state.glyphs.ellipsis : "No findings in this cell.", x: 1, y: top, role: .muted)
            return
        }
        let first = max(0, min(list.cursor - rows / 2, list.items.count - rows))
        for (offset, item) in list.items[first..<min(list.items.count, first + rows)].enumerated() {
            let index = first + offset
            let y = top + offset
            let selected = index == list.cursor
            if selected { buffer.fill(x: 0, y: y, width: buffer.width, role: .selection) }
            let cells = [FrameView.short(item.severity), item.state.key, item.tool, item.ruleID, item.title,
                         item.model ?? "", item.location ?? ""]
            var x = 1
            for (column, (text, width)) in zip(cells, columns).enumerated() where width > 0 {
                let role: StyleRole = selected ? .selection : (column == 0 ? .severity(item.severity) : .normal)
                buffer.put(text, x: x, y: y, width: width, role: role)
                x += width + 1
            }
        }
    }

    /// Column widths for a screen width: fixed narrow columns, the title takes what is left.
    static func layout(width: Int) -> [Int] {
        let sev = 4, state = 11, tool = 11, rule = 16
        let model = width >= 120 ? 16 : 0
        let location = width >= 100 ? 24 : 0
        let used = 1 + sev + state + tool + rule + model + location + 7
        return [sev, state, tool, rule, max(10, width - used), model, location]
    }
}
