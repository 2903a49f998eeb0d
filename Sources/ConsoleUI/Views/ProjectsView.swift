import Findings

/// Every project with its open findings by severity, its risk and its scans (`:projects`); Enter
/// scopes the whole console to the one under the cursor.
public enum ProjectsView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let top = FrameView.contentTop
        let bottom = FrameView.contentBottom(buffer)
        let items = state.projects.items
        let scope = state.project.map { "now: \(TextSanitizer.sanitize($0))" } ?? "now: all"
        buffer.put(
            " \(items.count) projects by risk (\(scope))   Enter scopes every view to one"
                + (buffer.width >= 100 ? ", :project all to all of them" : ""),
            x: 0, y: top, role: .title, maxWidth: buffer.width)
        let first = top + 2
        let rows = max(0, bottom - first)
        if items.isEmpty {
            Table.header(Table.layout(columns, rows: [], width: buffer.width), y: top + 1, into: &buffer)
            buffer.put(
                state.projects.loaded ? "No projects yet: mlsoc ingest --project NAME FILE" : "loading" + state.glyphs.ellipsis,
                x: 1, y: first, role: .muted)
            return
        }
        let start = Table.firstVisible(cursor: state.projects.cursor, count: items.count, rows: rows)
        let shown = Array(items.dropFirst(start).prefix(rows))
        func count(_ n: Int?) -> String { (n ?? 0) == 0 ? state.glyphs.none : NumberFormat.compact(n ?? 0, width: 5) }
        let cells = shown.map { project in
            [
                project.name + (project.name == state.project ? " *" : ""),
                ModelRisk.number(project.score(state.models.weights)), count(project.openTotal),
                count(project.open[.critical]), count(project.open[.high]), count(project.open[.medium]), count(project.open[.low]),
                count(project.unassigned), count(project.scans), project.lastScan.map(Clock.format) ?? state.glyphs.none, project.owner ?? "",
            ]
        }
        let laid = Table.layout(columns, rows: cells, width: buffer.width)
        Table.header(laid, y: top + 1, into: &buffer)
        for (offset, (project, row)) in zip(shown, cells).enumerated() {
            let roles: [StyleRole] = [
                project.name == state.project ? .title : .normal, .normal, .normal,
                (project.open[.critical] ?? 0) > 0 ? .severityCritical : .muted,
                (project.open[.high] ?? 0) > 0 ? .severityHigh : .muted,
                (project.open[.medium] ?? 0) > 0 ? .severityMedium : .muted,
                (project.open[.low] ?? 0) > 0 ? .severityLow : .muted, .muted, .muted, .muted, .muted,
            ]
            Table.row(
                row, laid, y: first + offset, width: buffer.width, selected: start + offset == state.projects.cursor,
                roles: roles, glyphs: state.glyphs, into: &buffer)
        }
    }

    /// The name takes what is left; the score and counts are never cut.
    static let columns = [
        Column("PROJECT", min: 12, priority: 0, flex: true, preferred: 24), Column.whole("SCORE", alignRight: true),
        Column.whole("OPEN", alignRight: true), Column.whole("CRIT", alignRight: true), Column.whole("HIGH", alignRight: true),
        Column.whole("MED", alignRight: true), Column.whole("LOW", alignRight: true),
        Column.whole("UNASSIGNED", priority: 2, alignRight: true), Column.whole("SCANS", alignRight: true),
        Column.fixed("LAST SCAN", 16, priority: 2), Column("OWNER", min: 8, max: 20, priority: 3),
    ]
}
