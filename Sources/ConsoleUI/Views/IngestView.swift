import Findings

/// Workers and queue, recent scans with what each changed, quarantined reports with their
/// reasons, and the latest scan warnings.
public enum IngestView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let snapshot = state.ingest.snapshot
        let top = FrameView.contentTop
        let bottom = FrameView.contentBottom(buffer)
        let inboxes = snapshot.inboxes.isEmpty ? "no inbox watched (mlsoc --inbox DIR, or mlsoc watch DIR)" : snapshot.inboxes.joined(separator: ", ")
        buffer.put(" workers \(snapshot.workers)   queued \(snapshot.queued)   status \(state.ingestStatus)   inbox: ",
                   x: 0, y: top, role: .title, maxWidth: buffer.width)
        let used = DisplayWidth.of(" workers \(snapshot.workers)   queued \(snapshot.queued)   status \(state.ingestStatus)   inbox: ")
        buffer.put(inboxes, x: used, y: top, role: .muted, maxWidth: buffer.width - used - 1)

        // Quarantine and warnings take the lower part when there are any; scans get the rest.
        let lowerLines = lower(snapshot, width: buffer.width - 2, glyphs: state.glyphs)
        let lowerHeight = min(lowerLines.count, max(0, (bottom - top - 3) / 2))
        let scansBottom = bottom - lowerHeight
        let wide = buffer.width >= 120
        let columns = Table.fit([
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
            buffer.put(state.ingest.loaded ? "No reports ingested yet: mlsoc ingest FILE" : "loading" + state.glyphs.ellipsis,
                       x: 1, y: first, role: .muted)
        }
        let start = Table.firstVisible(cursor: state.ingest.cursor, count: snapshot.scans.count, rows: rows)
        for (offset, scan) in snapshot.scans.dropFirst(start).prefix(rows).enumerated() {
            func count(_ n: Int, _ plus: String = "") -> String { n == 0 ? state.glyphs.none : plus + NumberFormat.compact(n, width: 5) }
            let cells = [Clock.format(scan.ingestedAt), scan.tool, scan.format, count(scan.total), count(scan.new, "+"), count(scan.unchanged),
                         count(scan.reopened), count(scan.closed, "-"), count(scan.warnings),
                         FrameView.elide(columns[9].width < 40 ? String(scan.sourcePath.split(separator: "/").last ?? "") : scan.sourcePath,
                                         to: columns[9].width, glyphs: state.glyphs),
                         FrameView.elide(scan.project, to: columns[10].width, glyphs: state.glyphs)]
            let roles: [StyleRole] = [.muted, .normal, .muted, .normal, scan.new > 0 ? .severityMedium : .muted, .muted,
                                      scan.reopened > 0 ? .severityHigh : .muted, scan.closed > 0 ? .title : .muted,
                                      scan.warnings > 0 ? .overdue : .muted, .muted, .muted]
            Table.row(cells, columns, y: first + offset, width: buffer.width, selected: start + offset == state.ingest.cursor,
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
                lines.append(StyledLine([(Clock.format(file.modified) + "  ", .muted), (ModelsView.pad(file.name, 28), .error),
                                         (file.reason, .normal)]))
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
        let columns = Table.fit([
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
            let cells = [Clock.format(event.at), event.actor, event.kind, "#\(event.findingID)", "\(event.tool) \(event.ruleID)", change,
                         wide ? (event.reason ?? "") : [change, event.reason ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")]
            Table.row(cells, columns, y: first + offset, width: buffer.width, selected: start + offset == audit.cursor,
                      roles: [.muted, .normal, .title, .muted, .normal, .normal, .muted], into: &buffer)
        }
    }
}

/// Keys, commands and the filter language, generated from the binding and command tables.
public enum HelpView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let top = FrameView.contentTop
        // Long descriptions wrap under themselves rather than being cut (80 columns over ssh).
        let lines = HelpView.lines(readOnly: state.readOnly, glyphs: state.glyphs).flatMap { $0.wrapped(width: buffer.width - 2) }
        StyledLine.draw(lines, x: 1, y: top, width: buffer.width - 2, height: FrameView.contentBottom(buffer) - top,
                        scroll: state.helpScroll, into: &buffer)
    }

    static func lines(readOnly: Bool, glyphs: Glyphs) -> [StyledLine] {
        var lines: [StyledLine] = []
        if readOnly { lines.append(StyledLine("Read-only: keys that change the store are not bound.", .lock)) }
        let shared = Set((Keymap.movement + Keymap.global).map(\.command))
        lines.append(StyledLine("Everywhere", .title))
        for binding in Keymap.movement + Keymap.global { lines.append(line(binding, glyphs)) }
        for map in Keymap.all {
            let own = (readOnly ? map.readOnly : map).bindings.filter { !shared.contains($0.command) || !(Keymap.movement + Keymap.global).contains($0) }
            guard !own.isEmpty else { continue }
            lines.append(.blank)
            lines.append(StyledLine(map.name, .title))
            for binding in own { lines.append(line(binding, glyphs)) }
        }
        lines.append(.blank)
        lines.append(StyledLine("Commands (:)", .title))
        for command in PaletteCommand.all {
            let aliases = command.aliases.isEmpty ? "" : " (" + command.aliases.map { ":" + $0 }.joined(separator: " ") + ")"
            lines.append(StyledLine([("  " + ModelsView.pad(":" + command.name + " " + command.argument, 26), .footerKey),
                                     (command.help + aliases, .normal)]))
        }
        lines.append(.blank)
        lines.append(StyledLine("Filter (/)", .title))
        let filterHelp = [
            ("sev>=high sev:crit,high", "severity: = : >= <= > <"),
            ("state:open state:closed", "or a state: new in_triage exploitable false_positive not_affected resolved accepted"),
            ("model:fraud* model:none", "model name glob, or no model"),
            ("target:data threat:model-theft", "matrix row or cell"),
            ("tool:garak rule:B30*", "tool and rule id globs"),
            ("cwe:502 stage:deploy", "CWE id; lifecycle stage of the model"),
            ("sla:overdue id:42", "past the SLA due date; finding numbers"),
            ("actor:alice event:reopened", "findings with such an event (in Audit: the events)"),
            ("\"free text\" pickle", "substring of title, message or path"),
            ("-tool:bandit", "a leading - negates a term; terms combine with AND, commas with OR"),
        ]
        for (example, meaning) in filterHelp {
            lines.append(StyledLine([("  " + ModelsView.pad(example, 34), .footerKey), (meaning, .normal)]))
        }
        lines.append(.blank)
        lines.append(StyledLine("Prompt keys: \(Key.left.label(glyphs))/\(Key.right.label(glyphs)) move, \(Key.up.label(glyphs))/\(Key.down.label(glyphs)) history, Tab completes, Enter applies, Esc cancels.", .muted))
        return lines
    }

    static func line(_ binding: Binding, _ glyphs: Glyphs) -> StyledLine {
        let keys = binding.keys.map { $0.label(glyphs) }.joined(separator: " ")
        let flag = binding.destructive ? "  (changes the store)" : ""
        return StyledLine([("  " + ModelsView.pad(keys, 26), .footerKey), (binding.help + flag, .normal)])
    }
}
