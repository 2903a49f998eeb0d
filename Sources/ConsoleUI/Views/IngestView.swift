import Findings

/// Workers and queue, recent scans with what each changed, quarantined reports with their
/// reasons, and the latest scan warnings.
public enum IngestView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let snapshot = state.ingest.snapshot
        let top = FrameView.contentTop
        let bottom = FrameView.contentBottom(buffer)
        let inboxes = snapshot.inboxes.isEmpty ? "no inbox watched (mlsoc --inbox DIR, or mlsoc watch DIR)" : snapshot.inboxes.joined(separator: ", ")
        buffer.put(
            " workers \(snapshot.workers)   queued \(snapshot.queued)   status \(state.ingestStatus)   inbox: ",
            x: 0, y: top, role: .title, maxWidth: buffer.width)
        let used = DisplayWidth.of(" workers \(snapshot.workers)   queued \(snapshot.queued)   status \(state.ingestStatus)   inbox: ")
        buffer.put(inboxes, x: used, y: top, role: .muted, maxWidth: buffer.width - used - 1)

        // Quarantine and warnings take the lower part when there are any; scans get the rest.
        let lowerLines = lower(snapshot, width: buffer.width - 2, glyphs: state.glyphs)
        let lowerHeight = min(lowerLines.count, max(0, (bottom - top - 3) / 2))
        let scansBottom = bottom - lowerHeight
        buffer.put(" Recent scans", x: 0, y: top + 1, role: .title)
        let first = top + 3
        let rows = max(0, scansBottom - first)
        if snapshot.scans.isEmpty {
            buffer.put(
                state.ingest.loaded ? "No reports ingested yet: mlsoc ingest FILE" : "loading" + state.glyphs.ellipsis,
                x: 1, y: first, role: .muted)
        }
        let start = Table.firstVisible(cursor: state.ingest.cursor, count: snapshot.scans.count, rows: rows)
        let shown = Array(snapshot.scans.dropFirst(start).prefix(rows))
        let digits = buffer.width >= 120 ? 9 : 5
        func count(_ n: Int, _ plus: String = "") -> String { n == 0 ? state.glyphs.none : plus + NumberFormat.compact(n, width: digits) }
        var cells = shown.map { scan in
            [
                Clock.format(scan.ingestedAt, width: buffer.width), scan.tool, scan.format, count(scan.total), count(scan.new, "+"),
                count(scan.unchanged),
                count(scan.reopened), count(scan.closed, "-"), count(scan.warnings), scan.sourcePath, state.project == nil ? scan.project : "",
            ]
        }
        let laid = Table.layout(columns, rows: cells, width: buffer.width)
        Table.header(laid, y: top + 2, into: &buffer)
        // A report whose path does not fit shows its file name (cut in the middle if need be).
        for index in cells.indices where DisplayWidth.of(TextSanitizer.sanitize(cells[index][9])) > laid[9].width {
            cells[index][9] = String(cells[index][9].split(separator: "/").last ?? "")
        }
        for (offset, (scan, row)) in zip(shown, cells).enumerated() {
            let roles: [StyleRole] = [
                .muted, .normal, .muted, .normal, scan.new > 0 ? .severityMedium : .muted, .muted,
                scan.reopened > 0 ? .severityHigh : .muted, scan.closed > 0 ? .title : .muted,
                scan.warnings > 0 ? .overdue : .muted, .muted, .muted,
            ]
            Table.row(
                row, laid, y: first + offset, width: buffer.width, selected: start + offset == state.ingest.cursor,
                roles: roles, glyphs: state.glyphs, into: &buffer)
        }
        if lowerHeight > 0 {
            StyledLine.draw(lowerLines, x: 1, y: scansBottom, width: buffer.width - 2, height: lowerHeight, scroll: 0, into: &buffer)
        }
    }

    /// Counts are never cut; the report comes before the format and the project.
    static let columns = [
        Column.whole("WHEN"), Column("TOOL", min: 8, max: 18, priority: 1), Column("FORMAT", min: 8, max: 14, priority: 5),
        Column.whole("TOTAL", alignRight: true), Column.whole("NEW", alignRight: true), Column.whole("SAME", alignRight: true),
        Column.whole("REOPEN", alignRight: true), Column.whole("CLOSED", alignRight: true), Column.whole("WARN", alignRight: true),
        Column("REPORT", min: 12, max: 64, priority: 2, flex: true, preferred: 24), Column("PROJECT", min: 8, max: 24, priority: 4),
    ]

    static func lower(_ snapshot: IngestSnapshot, width: Int, glyphs: Glyphs) -> [StyledLine] {
        var lines: [StyledLine] = []
        if !snapshot.quarantine.isEmpty {
            lines.append(StyledLine("Quarantine (\(snapshot.quarantine.count))", .title))
            for file in snapshot.quarantine {
                lines.append(
                    StyledLine([
                        (Clock.format(file.modified) + "  ", .muted), (FrameView.elide(file.name, to: 27, glyphs: glyphs).padding(28), .error),
                        (file.reason, .normal),
                    ]))
            }
        }
        if !snapshot.warnings.isEmpty {
            lines.append(StyledLine("Scan warnings", .title))
            for warning in snapshot.warnings {
                lines.append(StyledLine([("scan \(warning.scanID)  ", .muted), (warning.message, .overdue)]))
            }
        }
        return lines
    }
}
