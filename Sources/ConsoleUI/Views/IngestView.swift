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
        let wide = buffer.width >= 120
        let columns = Table.fit(
            [
                Column("WHEN", 16), Column("TOOL", wide ? 16 : 11), Column("FORMAT", wide ? 14 : 0), Column("TOTAL", 6, alignRight: true),
                Column("NEW", 5, alignRight: true), Column("SAME", 5, alignRight: true), Column("REOPEN", 6, alignRight: true),
                Column("CLOSED", 6, alignRight: true), Column("WARN", 4, alignRight: true), Column("REPORT", 0),
                Column("PROJECT", wide && state.project == nil ? 14 : 0),
            ], flex: 9, width: buffer.width)
        buffer.put(" Recent scans", x: 0, y: top + 1, role: .title)
        Table.header(columns, y: top + 2, into: &buffer)
        let first = top + 3
        let rows = max(0, scansBottom - first)
        if snapshot.scans.isEmpty {
            buffer.put(
                state.ingest.loaded ? "No reports ingested yet: mlsoc ingest FILE" : "loading" + state.glyphs.ellipsis,
                x: 1, y: first, role: .muted)
        }
        let start = Table.firstVisible(cursor: state.ingest.cursor, count: snapshot.scans.count, rows: rows)
        for (offset, scan) in snapshot.scans.dropFirst(start).prefix(rows).enumerated() {
            func count(_ n: Int, _ plus: String = "") -> String { n == 0 ? state.glyphs.none : plus + NumberFormat.compact(n, width: 5) }
            let cells = [
                Clock.format(scan.ingestedAt), scan.tool, scan.format, count(scan.total), count(scan.new, "+"), count(scan.unchanged),
                count(scan.reopened), count(scan.closed, "-"), count(scan.warnings),
                FrameView.elide(
                    columns[9].width < 40 ? String(scan.sourcePath.split(separator: "/").last ?? "") : scan.sourcePath,
                    to: columns[9].width, glyphs: state.glyphs),
                FrameView.elide(scan.project, to: columns[10].width, glyphs: state.glyphs),
            ]
            let roles: [StyleRole] = [
                .muted, .normal, .muted, .normal, scan.new > 0 ? .severityMedium : .muted, .muted,
                scan.reopened > 0 ? .severityHigh : .muted, scan.closed > 0 ? .title : .muted,
                scan.warnings > 0 ? .overdue : .muted, .muted, .muted,
            ]
            Table.row(
                cells, columns, y: first + offset, width: buffer.width, selected: start + offset == state.ingest.cursor,
                roles: roles, into: &buffer)
        }
        if lowerHeight > 0 {
            StyledLine.draw(lowerLines, x: 1, y: scansBottom, width: buffer.width - 2, height: lowerHeight, scroll: 0, into: &buffer)
        }
    }

    static func lower(_ snapshot: IngestSnapshot, width: Int, glyphs: Glyphs) -> [StyledLine] {
        var lines: [StyledLine] = []
        if !snapshot.quarantine.isEmpty {
            lines.append(StyledLine("Quarantine (\(snapshot.quarantine.count))", .title))
            for file in snapshot.quarantine {
                lines.append(
                    StyledLine([
                        (Clock.format(file.modified) + "  ", .muted), (ModelsView.pad(file.name, 28), .error),
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
