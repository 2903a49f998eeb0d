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
        let wide = buffer.width >= 140
        let columns = Table.fit(
            [
                Column("WHEN", 16), Column("ACTOR", wide ? 16 : 10), Column("EVENT", 11), Column("FINDING", 7, alignRight: true),
                Column("RULE", wide ? 24 : 14), Column("CHANGE", wide ? 26 : 0), Column("REASON", 0),
            ], flex: 6, width: buffer.width)
        Table.header(columns, y: top + 1, into: &buffer)
        let first = top + 2
        let rows = max(0, FrameView.contentBottom(buffer) - first)
        if audit.items.isEmpty {
            buffer.put(audit.loading ? "loading" + state.glyphs.ellipsis : "No events match.", x: 1, y: first, role: .muted)
            return
        }
        let start = Table.firstVisible(cursor: audit.cursor, count: audit.items.count, rows: rows)
        for (offset, event) in audit.items.dropFirst(start).prefix(rows).enumerated() {
            let change = [event.from, event.to].compactMap { $0 }.joined(separator: " " + state.glyphs.arrow + " ")
            let cells = [
                Clock.format(event.at), event.actor, event.kind, "#\(event.findingID)", "\(event.tool) \(event.ruleID)", change,
                wide ? (event.reason ?? "") : [change, event.reason ?? ""].filter { !$0.isEmpty }.joined(separator: "  "),
            ]
            Table.row(
                cells, columns, y: first + offset, width: buffer.width, selected: start + offset == audit.cursor,
                roles: [.muted, .normal, .title, .muted, .normal, .normal, .muted], into: &buffer)
        }
    }
}
