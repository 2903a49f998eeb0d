import Findings

/// Compliance (6): for the chosen pack, models down and controls across, a glyph and a colour per
/// status, each model's coverage and the age of its newest evidence; below, the cell under the
/// cursor with its reason, findings and scans. It never says "compliant": what evidence exists.
public enum ComplianceView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let top = FrameView.contentTop
        let bottom = FrameView.contentBottom(buffer)
        let compliance = state.compliance
        guard let result = compliance.result, compliance.error == nil else {
            let text =
                compliance.error.map { "Cannot read pack \(compliance.pack): \($0)" }
                ?? (compliance.loaded ? "" : "evaluating \(compliance.pack)" + state.glyphs.ellipsis)
            buffer.put(" " + text, x: 0, y: top, role: compliance.error == nil ? .muted : .error, maxWidth: buffer.width)
            return
        }
        let pack = result.pack
        let ids = pack.controls.map(\.id)
        let prefix = commonPrefix(ids)
        let models = result.rows.count
        buffer.put(
            " \(pack.title) (\(pack.name) \(pack.version))   window \(pack.windowDays)d   :pack NAME switches",
            x: 0, y: top, role: .title, maxWidth: buffer.width - 12)
        let count = "\(models) model\(models == 1 ? "" : "s") "
        buffer.put(count, x: buffer.width - DisplayWidth.of(count), y: top, role: .muted)
        if result.rows.isEmpty {
            buffer.put("No models yet: they come from ML-BOMs, config.yaml and attribution.", x: 1, y: top + 2, role: .muted)
            return
        }
        // The grid: the model names, a narrow column per control (a window of them around the
        // cursor when they do not all fit), then coverage and the newest evidence.
        let tail = 6 + 1 + 7
        let names = result.rows.map { row in row.model.version.isEmpty ? row.model.name : "\(row.model.name) \(row.model.version)" }
        let widest = names.map { DisplayWidth.of(TextSanitizer.sanitize($0)) }.max() ?? 12
        let labels = ids.map { String($0.dropFirst(prefix.count)) }
        let labelWidth = min(10, max(3, labels.map { DisplayWidth.of(TextSanitizer.sanitize($0)) }.max() ?? 3))
        // Room goes to the names first (up to 24), then the controls' labels down to 5 columns,
        // then the names down to 12; past that the controls scroll.
        let fixed = buffer.width - 2 - 1 - tail
        var modelWidth = min(24, max(12, widest))
        var columnWidth = labelWidth
        if fixed - modelWidth < ids.count * (columnWidth + 1) {
            columnWidth = max(min(5, labelWidth), min(labelWidth, (fixed - modelWidth) / max(1, ids.count) - 1))
        }
        if fixed - modelWidth < ids.count * (columnWidth + 1) {
            modelWidth = max(12, fixed - ids.count * (columnWidth + 1))
        }
        let room = fixed - modelWidth
        let visible = max(1, min(ids.count, room / (columnWidth + 1)))
        let first = max(0, min(compliance.column - visible / 2, ids.count - visible))
        let headerY = top + 1
        buffer.put("MODEL", x: 1, y: headerY, role: .muted)
        var x = 2 + modelWidth
        for index in first..<(first + visible) {
            let label = Elide.fit(labels[index], width: columnWidth, cut: .middle, ellipsis: state.glyphs.ellipsis)
            buffer.put(label, x: x, y: headerY, width: columnWidth, role: index == compliance.column ? .title : .muted, alignRight: false)
            x += columnWidth + 1
        }
        buffer.put("COVER", x: x, y: headerY, width: 6, role: .muted, alignRight: true)
        buffer.put("NEWEST", x: x + 7, y: headerY, width: 7, role: .muted, alignRight: true)
        // The detail of the cell under the cursor takes the lower part when there is room.
        let detail = detailLines(state, result: result, width: buffer.width - 2)
        let detailHeight = min(detail.count + 1, max(0, (bottom - top - 3) / 2))
        let gridBottom = bottom - detailHeight
        let rows = max(0, gridBottom - headerY - 1)
        let start = Table.firstVisible(cursor: compliance.row, count: result.rows.count, rows: rows)
        for (offset, row) in result.rows.dropFirst(start).prefix(rows).enumerated() {
            let y = headerY + 1 + offset
            let selected = start + offset == compliance.row
            buffer.put(
                Elide.fit(names[start + offset], width: modelWidth, cut: .middle, ellipsis: state.glyphs.ellipsis), x: 1, y: y, width: modelWidth,
                role: selected ? .title : .normal)
            var cx = 2 + modelWidth
            for index in first..<(first + visible) {
                let status = row.cells[index].status
                let role: StyleRole = selected && index == compliance.column ? .selection : Self.role(status)
                buffer.fill(x: cx, y: y, width: columnWidth, role: selected && index == compliance.column ? .selection : .normal)
                buffer.put(glyph(status, state.glyphs), x: cx + (columnWidth - 1) / 2, y: y, role: role)
                cx += columnWidth + 1
            }
            let coverage = row.coverage.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a"
            buffer.put(coverage, x: cx, y: y, width: 6, role: .normal, alignRight: true)
            let newest = row.newestEvidence.map { age($0, now: result.now) } ?? state.glyphs.none
            buffer.put(newest, x: cx + 7, y: y, width: 7, role: .muted, alignRight: true)
        }
        guard detailHeight > 1 else { return }
        buffer.put(String(repeating: state.glyphs.horizontal, count: buffer.width), x: 0, y: gridBottom, role: .border)
        StyledLine.draw(detail, x: 1, y: gridBottom + 1, width: buffer.width - 2, height: detailHeight - 1, scroll: 0, into: &buffer)
    }

    /// The cell under the cursor: control, clause, status and why, findings and scans; then the legend.
    static func detailLines(_ state: AppState, result: ComplianceResult, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let glyphs = state.glyphs
        if let (model, cell) = state.compliance.current {
            let name = model.version.isEmpty ? model.name : "\(model.name) \(model.version)"
            lines.append(StyledLine([("\(cell.control.id)  ", .title), (cell.control.title, .title), ("   on \(name)", .muted)]))
            lines.append(StyledLine([("clause   ", .muted), (cell.control.clause, .normal)]))
            lines.append(
                StyledLine([
                    ("status   ", .muted), (glyph(cell.status, glyphs) + " " + cell.status.label, role(cell.status)), ("   " + cell.reason, .normal),
                ]))
            if cell.open + cell.accepted > 0 {
                lines.append(
                    StyledLine([
                        ("findings ", .muted), ("\(cell.open) open, \(cell.accepted) accepted", .normal),
                        (cell.status == .accepted ? "   Enter lists the acceptances (who, until when)" : "   Enter lists them", .muted),
                    ]))
            }
            for scan in cell.scans.prefix(3) {
                let version = scan.toolVersion.map { " " + $0 } ?? ""
                lines.append(
                    StyledLine([
                        ("scan     ", .muted), ("\(scan.tool)\(version)  \(Clock.format(scan.ingestedAt))", .normal),
                        ("  sha256 \(scan.sha256.prefix(16))" + glyphs.ellipsis + "  " + scan.sourcePath, .muted),
                    ]))
            }
        }
        let legend = ControlStatus.allCases.map { status in
            status == .notApplicable ? "blank n/a" : glyph(status, glyphs) + " " + status.label
        }
        lines.append(StyledLine(legend.joined(separator: "  "), .muted))
        return lines
    }

    static func glyph(_ status: ControlStatus, _ glyphs: Glyphs) -> String {
        let ascii = glyphs.arrow != "→"
        switch status {
        case .violated: return ascii ? "X" : "✗"
        case .accepted: return "a"
        case .evidenced: return ascii ? "+" : "✓"
        case .stale: return "~"
        case .noEvidence: return ascii ? "?" : "·"
        case .notApplicable: return " "
        }
    }

    static func role(_ status: ControlStatus) -> StyleRole {
        switch status {
        case .violated: .severityCritical
        case .accepted: .severityMedium
        case .evidenced: .heat1
        case .stale: .overdue
        case .noEvidence: .muted
        case .notApplicable: .border
        }
    }

    /// "today", "3d", "12w": how old the newest evidence is.
    static func age(_ at: Int64, now: Int64) -> String {
        let days = max(0, (now - at) / 86_400)
        return days == 0 ? "today" : days < 100 ? "\(days)d" : "\(days / 7)w"
    }

    /// The start every id shares (`LLM` of LLM01…LLM10), cut back so every label keeps a character.
    static func commonPrefix(_ ids: [String]) -> String {
        guard ids.count > 1, var prefix = Prompt.commonPrefix(ids) else { return "" }
        while !prefix.isEmpty, ids.contains(where: { $0.count <= prefix.count }) { prefix.removeLast() }
        return prefix
    }
}
