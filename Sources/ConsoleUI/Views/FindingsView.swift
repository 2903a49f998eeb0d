import Findings

/// The triage queue: findings matching the filter, in the chosen order, a window over keyset
/// pages; with the detail pane beside it on wide screens or over it on narrow ones.
public enum FindingsView {
    /// Screens at least this wide show the list and the detail side by side.
    static let splitWidth = 160

    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let list = state.findings
        let top = FrameView.contentTop
        let bottom = FrameView.contentBottom(buffer)
        if list.showDetail {
            if buffer.width >= splitWidth {
                let listWidth = buffer.width * 45 / 100
                renderList(state, x: 0, width: listWidth, into: &buffer)
                for y in top..<bottom { buffer.put(state.glyphs.vertical, x: listWidth, y: y, role: .border) }
                FindingDetailView.render(state, x: listWidth + 2, width: buffer.width - listWidth - 3, into: &buffer)
            } else {
                FindingDetailView.render(state, x: 1, width: buffer.width - 2, into: &buffer)
            }
            return
        }
        if list.showGroups {
            renderGroups(state, into: &buffer)
            return
        }
        renderList(state, x: 0, width: buffer.width, into: &buffer)
    }

    /// The grouped view: one row per group, the worst first, with its counts by state.
    static func renderGroups(_ state: AppState, into buffer: inout ScreenBuffer) {
        let list = state.findings
        let top = FrameView.contentTop
        let width = buffer.width
        let groups = list.groups?.groups ?? []
        let total = list.groups?.total ?? 0
        var title = " " + (list.filter.isEmpty ? "all findings" : list.filter.description) + " \(state.glyphs.dot) by \(list.grouping.rawValue)"
        let findings = groups.reduce(0) { $0 + $1.count }
        let right =
            (groups.isEmpty ? "" : "group \(NumberFormat.grouped(list.groupCursor + 1)) of \(NumberFormat.grouped(total))")
            + (total > groups.count ? " (first \(NumberFormat.grouped(groups.count)))" : "")
            // No count while the groups load: "0 findings" would be a claim.
            + (list.groups == nil ? " " : "  \(NumberFormat.grouped(findings)) findings ")
        let room = width - DisplayWidth.of(right) - 1
        if DisplayWidth.of(title) > room { title = String(title.prefix(max(0, room - 1))) + state.glyphs.ellipsis }
        buffer.put(title, x: 0, y: top, role: .title, maxWidth: room)
        buffer.put(right, x: width - DisplayWidth.of(right), y: top, role: .muted)
        let first = top + 2
        let rows = max(0, FrameView.contentBottom(buffer) - first)
        let start = Table.firstVisible(cursor: list.groupCursor, count: groups.count, rows: rows)
        let shown = Array(groups.dropFirst(start).prefix(rows))
        let cells = shown.map { group in
            [
                NumberFormat.grouped(group.count), NumberFormat.grouped(group.openCount), FrameView.short(group.worst), group.tool,
                group.ruleID, group.label, states(group, glyphs: state.glyphs),
            ]
        }
        var columns = groupColumns
        columns[5].title = list.grouping.title
        // A message says most at its start; a path or a model name at both ends.
        columns[5].cut = list.grouping == .rule ? .end : .middle
        let laid = Table.layout(columns, rows: cells, width: width)
        Table.header(laid, x: 1, y: top + 1, into: &buffer)
        guard rows > 0 else { return }
        if groups.isEmpty {
            buffer.put(list.loading || list.groups == nil ? "loading" + state.glyphs.ellipsis : "No findings match.", x: 1, y: first, role: .muted)
            return
        }
        for (offset, (group, row)) in zip(shown, cells).enumerated() {
            let roles: [StyleRole] = [.normal, group.openCount > 0 ? .normal : .muted, .severity(group.worst)]
            Table.row(
                row, laid, x: 1, y: first + offset, width: width, selected: start + offset == list.groupCursor, roles: roles,
                glyphs: state.glyphs, into: &buffer)
        }
    }

    /// "1,204 new · 3 in_triage · 17 false_positive": open states first.
    static func states(_ group: FindingGroup, glyphs: Glyphs) -> String {
        TriageState.allCases.sorted { ($0.isOpen ? 0 : 1, $0.rawValue) < ($1.isOpen ? 0 : 1, $1.rawValue) }
            .compactMap { state in group.states[state].flatMap { $0 > 0 ? "\(NumberFormat.grouped($0)) \(state.key)" : nil } }
            .joined(separator: " \(glyphs.dot) ")
    }

    /// Counts and the worst severity are never cut; the message (or artefact, or model) takes the
    /// room, then the states, the rule and the tool give way.
    static let groupColumns = [
        Column.whole("COUNT", alignRight: true), Column.whole("OPEN", alignRight: true), Column.whole("WORST"),
        Column("TOOL", min: 8, max: 16, priority: 3), Column("RULE", min: 10, max: 24, priority: 2),
        Column("GROUP", min: 16, priority: 1, flex: true, preferred: 44, cut: .middle),
        Column("STATES", min: 12, max: 56, priority: 4, cut: .end),
    ]

    static func renderList(_ state: AppState, x: Int, width: Int, into buffer: inout ScreenBuffer) {
        let list = state.findings
        let top = FrameView.contentTop
        var filter = list.filter.isEmpty ? "all findings" : list.filter.description
        if let group = list.expanded {
            let name = [group.tool, group.ruleID, group.label].filter { !$0.isEmpty }.joined(separator: " ")
            filter += " \(state.glyphs.dot) \(list.grouping.rawValue) \(name)"
        }
        let marked = list.marks.isEmpty ? "" : "\(list.marks.count) marked  "
        let count: String
        if list.total == 0 {
            count = "no rows"
        } else if let total = list.total {
            count = marked + "row \(NumberFormat.grouped(min(total, list.offset + list.cursor + 1))) of \(NumberFormat.grouped(total))"
        } else if list.hasBefore {
            count = marked + "near the end" + state.glyphs.ellipsis
        } else {
            count = marked + "\(NumberFormat.grouped(list.items.count))\(list.hasMore ? "+" : "")"
        }
        var title = " \(filter)"
        let right = "\(count)  sort: \(list.sort.rawValue) "
        let room = width - DisplayWidth.of(right) - 1
        if DisplayWidth.of(title) > room { title = String(title.prefix(max(0, room - 1))) + state.glyphs.ellipsis }
        buffer.put(title, x: x, y: top, role: .title, maxWidth: room)
        buffer.put(right, x: x + width - DisplayWidth.of(right), y: top, role: .muted)
        let marker = list.sort == .oldest || list.sort == .due ? state.glyphs.sortUp : state.glyphs.sortDown
        let first = top + 2
        let rows = max(0, FrameView.contentBottom(buffer) - first)
        let start = Table.firstVisible(cursor: list.cursor, count: list.items.count, rows: rows)
        let shown = Array(list.items.dropFirst(start).prefix(rows))
        let shownColumns = FindingColumn.list(list.columns)
        let cells = shown.map { item in shownColumns.map { value($0, item, now: state.now) } }
        let laid = Table.layout(shownColumns.map(column), rows: cells, width: width)
        Table.header(laid, x: x + 1, y: top + 1, sorted: list.sort.column, marker: marker, into: &buffer)
        guard rows > 0 else { return }
        if list.items.isEmpty {
            buffer.put(list.loading ? "loading" + state.glyphs.ellipsis : "No findings match.", x: x + 1, y: first, role: .muted)
            return
        }
        for (offset, (item, row)) in zip(shown, cells).enumerated() {
            let roles = shownColumns.map { role($0, item, now: state.now) }
            let isMarked = list.marks.contains(item.id)
            Table.row(
                row, laid, x: x + 1, y: first + offset, width: width, selected: start + offset == list.cursor,
                roles: isMarked ? roles.map { _ in .marked } : roles, glyphs: state.glyphs, into: &buffer)
            if isMarked { buffer.put("*", x: x, y: first + offset, role: start + offset == list.cursor ? .selection : .marked) }
        }
    }

    /// Id, severity, state, due and age are never cut; the title takes what the others leave, then
    /// the location (its line number kept), then the model.
    static func column(_ key: FindingColumn) -> Column {
        switch key {
        case .id: Column.whole("ID", alignRight: true)
        case .sev: Column.whole("SEV")
        case .state: Column.whole("STATE")
        case .due: Column.whole("DUE", priority: 1, alignRight: true)
        case .age: Column.whole("AGE", priority: 1, alignRight: true)
        case .tool: Column("TOOL", min: 8, max: 16, priority: 1)
        case .rule: Column("RULE", min: 10, max: 24, priority: 2)
        case .title: Column("TITLE", min: 16, priority: 2, flex: true, preferred: 24, cut: .end)
        case .model: Column("MODEL", min: 10, max: 24, priority: 6)
        case .project: Column("PROJECT", min: 8, max: 24, priority: 4)
        case .location: Column("LOCATION", min: 16, max: 80, priority: 5)
        case .assignee: Column("ASSIGNEE", min: 8, max: 16, priority: 3)
        case .ticket: Column("TICKET", min: 8, max: 40, priority: 4)
        }
    }

    static func value(_ key: FindingColumn, _ item: FindingRow, now: Int64) -> String {
        switch key {
        case .id: "\(item.id)"
        case .sev: FrameView.short(item.severity)
        case .state: item.state.key
        // A closed finding has nothing due.
        case .due: item.state.isOpen ? Clock.due(item.slaDue, now: now) : ""
        case .age: Clock.age(now - item.firstSeen)
        case .tool: item.tool
        case .rule: item.ruleID
        case .title: item.title
        case .model: item.model ?? ""
        case .project: item.project ?? ""
        case .location: item.location?.display ?? ""
        case .assignee: item.assignee ?? ""
        case .ticket: item.ticket ?? ""
        }
    }

    static func role(_ key: FindingColumn, _ item: FindingRow, now: Int64) -> StyleRole {
        switch key {
        case .id, .age: .muted
        case .sev: .severity(item.severity)
        case .state: item.state.isOpen ? .normal : .muted
        case .due: item.isOverdue(now: now) ? .overdue : .muted
        default: .normal
        }
    }
}

/// Everything about one finding: message, location, evidence, taxonomy ids, why the mapping
/// matched, and the event history.
enum FindingDetailView {
    static func render(_ state: AppState, x: Int, width: Int, into buffer: inout ScreenBuffer) {
        let top = FrameView.contentTop
        let height = FrameView.contentBottom(buffer) - top
        guard let detail = state.findings.detail, detail.id == state.findings.current?.id else {
            buffer.put("loading" + state.glyphs.ellipsis, x: x, y: top, role: .muted)
            return
        }
        StyledLine.draw(
            lines(detail, state: state, width: width), x: x, y: top, width: width, height: height,
            scroll: state.findings.detailScroll, into: &buffer)
    }

    static func lines(_ d: FindingDetail, state: AppState, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let title = Wrap.lines("#\(d.id)  " + d.title, width: width, limit: 3)
        lines += title.map { StyledLine($0, .title) }
        func field(_ name: String, _ value: String?, _ role: StyleRole = .normal) {
            guard let value, !value.isEmpty else { return }
            let label = ModelsView.pad(name, 12)
            let wrapped = Wrap.lines(value, width: max(10, width - 12), limit: 6)
            for (index, line) in wrapped.enumerated() {
                lines.append(StyledLine([(index == 0 ? label : String(repeating: " ", count: 12), .muted), (line, role)]))
            }
        }
        lines.append(
            StyledLine([
                ("severity    ", .muted), (d.severity.name, .severity(d.severity)),
                (d.score.map { " (\(ModelRisk.number($0)))" } ?? "", .muted),
                ("   state ", .muted), (d.state.key, d.state.isOpen ? .normal : .muted),
                ("   version \(d.version)", .muted),
            ]))
        field("cell", "\(d.threat.target.name) / \(d.threat.name)")
        field("tool", "\(d.tool)  rule \(d.ruleID)")
        field("model", d.model)
        field("location", d.location?.display)
        for (index, other) in d.otherLocations.prefix(50).enumerated() {
            field(index == 0 ? "also at" : "", other.display)
        }
        if d.otherLocations.count > 50 { field("", "… and \(d.otherLocations.count - 50) more places", .muted) }
        field("artifact", d.artifact)
        let due = d.state.isOpen ? d.slaDue.map { Clock.date($0) + " (" + Clock.due($0, now: state.now) + ")" } : nil
        if d.state == .accepted, let until = d.acceptedUntil {
            field("accepted", "until \(Clock.date(until))" + (d.acceptedBy.map { " by \($0)" } ?? ""))
        }
        field("seen", "first \(Clock.format(d.firstSeen)), last \(Clock.format(d.lastSeen))")
        field("SLA due", due, d.state.isOpen && (d.slaDue ?? .max) < state.now ? .overdue : .normal)
        field("assignee", d.assignee)
        field("ticket", d.ticket)
        if let proposal = d.proposal {
            let until = Clock.date(proposal.until)
            switch proposal.status {
            case .proposed:
                field("acceptance", "proposed by \(proposal.proposedBy) until \(until): awaiting another person's approval (a / R)", .overdue)
                field("", proposal.reason, .muted)
            case .approved:
                field("acceptance", "proposed by \(proposal.proposedBy), approved by \(proposal.decidedBy ?? "?")")
            case .rejected, .withdrawn:
                let by = proposal.status == .withdrawn ? "withdrawn" : "rejected by \(proposal.decidedBy ?? "?")"
                field("acceptance", "proposed by \(proposal.proposedBy) until \(until), \(by): \(proposal.decision ?? "")", .muted)
            }
        }
        field("ATLAS", d.taxonomy.atlas.joined(separator: " "))
        field("OWASP LLM", d.taxonomy.owaspLLM.joined(separator: " "))
        field("OWASP ML", d.taxonomy.owaspML.joined(separator: " "))
        field("CWE", d.taxonomy.cwe.joined(separator: " "))
        field("CVE", d.taxonomy.cve.joined(separator: " "))
        field("other ids", d.taxonomy.other.joined(separator: " "))
        field("why here", d.mappingWhy ?? "no mapping rule matched: unclassified")
        field("fingerprint", d.fingerprint.hex, .muted)
        lines.append(.blank)
        lines.append(StyledLine("Message", .title))
        lines += Wrap.lines(d.message, width: width, limit: 60).map { StyledLine($0) }
        if let evidence = d.evidence, !evidence.isEmpty {
            lines.append(.blank)
            lines.append(StyledLine("Evidence", .title))
            lines += Wrap.lines(evidence, width: width, limit: 80).map { StyledLine($0, .evidence) }
        }
        lines.append(.blank)
        lines.append(StyledLine("History", .title))
        for event in d.events {
            let change = [event.from, event.to].compactMap { $0 }.joined(separator: " " + state.glyphs.arrow + " ")
            lines.append(
                StyledLine([
                    (Clock.format(event.at) + "  ", .muted), (ModelsView.pad(event.actor, 12), .normal),
                    (ModelsView.pad(event.kind, 12), .title), (change, .normal),
                ]))
            if let reason = event.reason, !reason.isEmpty {
                lines += Wrap.lines(reason, width: max(10, width - 4), limit: 4).map { StyledLine("    " + $0, .muted) }
            }
        }
        return lines
    }
}
