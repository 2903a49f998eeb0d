import Findings

/// The audit log: every finding event, newest first, filterable with the finding filter plus
/// `actor:` and `event:`.
public enum AuditView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let audit = state.audit
        let top = FrameView.contentTop
        let filter = audit.filter.isEmpty ? "all events" : audit.filter.description
        buffer.put(" \(filter)", x: 0, y: top, role: .title, maxWidth: buffer.width - 12)
        let count = "\(NumberFormat.grouped(audit.items.count))\(audit.hasMore ? "+" : "") "
        buffer.put(count, x: buffer.width - DisplayWidth.of(count), y: top, role: .muted)
        let first = top + 2
        let rows = max(0, FrameView.contentBottom(buffer) - first)
        if audit.items.isEmpty {
            Table.header(Table.layout(columns, rows: [], width: buffer.width), y: top + 1, into: &buffer)
            buffer.put(audit.loading ? "loading" + state.glyphs.ellipsis : "No events match.", x: 1, y: first, role: .muted)
            return
        }
        let start = Table.firstVisible(cursor: audit.cursor, count: audit.items.count, rows: rows)
        let shown = Array(audit.items.dropFirst(start).prefix(rows))
        let cells = shown.map { event in
            [
                Clock.format(event.at, width: buffer.width), event.actor, event.kind, "#\(event.findingID)", "\(event.tool) \(event.ruleID)",
                [event.from, event.to].compactMap { $0 }.joined(separator: " " + state.glyphs.arrow + " "), event.reason ?? "",
            ]
        }
        let laid = Table.layout(columns, rows: cells, width: buffer.width)
        Table.header(laid, y: top + 1, into: &buffer)
        for (offset, row) in cells.enumerated() {
            Table.row(
                row, laid, y: first + offset, width: buffer.width, selected: start + offset == audit.cursor,
                roles: [.muted, .normal, .title, .muted, .normal, .normal, .muted], glyphs: state.glyphs, into: &buffer)
        }
    }

    /// When, who, what and the change are never cut; the reason comes before the rule on a narrow screen.
    static let columns = [
        Column.whole("WHEN"), Column("ACTOR", min: 8, max: 16, priority: 1), Column.whole("EVENT"),
        Column.whole("FINDING", alignRight: true), Column("RULE", min: 12, max: 40, priority: 4), Column.whole("CHANGE", priority: 1),
        Column("REASON", min: 10, priority: 1, flex: true, preferred: 40, cut: .end),
    ]
}
