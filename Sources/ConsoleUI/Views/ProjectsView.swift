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
            " \(items.count) projects by risk (\(scope))   Enter scopes every view to one, :project all to all of them",
            x: 0, y: top, role: .title, maxWidth: buffer.width)
        let wide = buffer.width >= 120
        let roomy = buffer.width >= 100
        let columns = Table.fit(
            [
                Column("PROJECT", 0), Column("SCORE", 8, alignRight: true), Column("OPEN", 6, alignRight: true),
                Column("CRIT", 5, alignRight: true), Column("HIGH", 5, alignRight: true), Column("MED", 5, alignRight: true),
                Column("LOW", 5, alignRight: true), Column("SCANS", 6, alignRight: true), Column("LAST SCAN", roomy ? 16 : 0),
                Column("OWNER", wide ? 16 : 0),
            ], flex: 0, width: buffer.width)
        Table.header(columns, y: top + 1, into: &buffer)
        let first = top + 2
        let rows = max(0, bottom - first)
        if items.isEmpty {
            buffer.put(
                state.projects.loaded ? "No projects yet: mlsoc ingest --project NAME FILE" : "loading" + state.glyphs.ellipsis,
                x: 1, y: first, role: .muted)
            return
        }
        let start = Table.firstVisible(cursor: state.projects.cursor, count: items.count, rows: rows)
        for (offset, project) in items.dropFirst(start).prefix(rows).enumerated() {
            func count(_ n: Int?) -> String { (n ?? 0) == 0 ? state.glyphs.none : NumberFormat.compact(n ?? 0, width: 5) }
            let current = project.name == state.project
            let cells = [
                TextSanitizer.sanitize(project.name) + (current ? " *" : ""),
                ModelRisk.number(project.score(state.models.weights)), count(project.openTotal),
                count(project.open[.critical]), count(project.open[.high]), count(project.open[.medium]), count(project.open[.low]),
                count(project.scans), project.lastScan.map(Clock.format) ?? state.glyphs.none,
                TextSanitizer.sanitize(project.owner ?? ""),
            ]
            let roles: [StyleRole] = [
                current ? .title : .normal, .normal, .normal,
                (project.open[.critical] ?? 0) > 0 ? .severityCritical : .muted,
                (project.open[.high] ?? 0) > 0 ? .severityHigh : .muted,
                (project.open[.medium] ?? 0) > 0 ? .severityMedium : .muted,
                (project.open[.low] ?? 0) > 0 ? .severityLow : .muted, .muted, .muted, .muted,
            ]
            Table.row(
                cells, columns, y: first + offset, width: buffer.width, selected: start + offset == state.projects.cursor,
                roles: roles, into: &buffer)
        }
    }
}
