import Findings

/// The per-model risk table (highest score first) and one model's detail.
public enum ModelsView {
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        if let detail = state.models.detail {
            renderDetail(detail, state: state, into: &buffer)
            return
        }
        let top = FrameView.contentTop
        let rows = state.models.visible()
        let wide = buffer.width >= 120
        let trendWidth = wide ? 30 : 12
        let filter = state.models.nameFilter.isEmpty ? "" : "  name contains \"\(state.models.nameFilter)\""
        // The "(no model)" row is not a model.
        let count = rows.filter { $0.id != 0 }.count
        buffer.put(
            " \(count) model\(count == 1 ? "" : "s") by risk\(filter)   score = sum of weight \(state.glyphs.times) open, \(state.glyphs.times) criticality",
            x: 0, y: top, role: .title, maxWidth: buffer.width)
        let first = top + 2
        let visible = max(0, FrameView.contentBottom(buffer) - first)
        if rows.isEmpty {
            Table.header(Table.layout(columns(trendWidth), rows: [], width: buffer.width), y: top + 1, into: &buffer)
            let text = state.models.loaded ? "No models yet: they come from ML-BOMs, config.yaml and attribution." : "loading" + state.glyphs.ellipsis
            buffer.put(text, x: 1, y: first, role: .muted)
            return
        }
        let start = Table.firstVisible(cursor: state.models.cursor, count: rows.count, rows: visible)
        let shown = Array(rows.dropFirst(start).prefix(visible))
        let cells = shown.map { model in
            let counts = [Severity.critical, .high, .medium, .low].map {
                model.open[$0].map { NumberFormat.compact($0, width: 4) } ?? state.glyphs.none
            }
            return [
                model.version.isEmpty ? model.name : "\(model.name) \(model.version)", model.id == 0 ? "" : model.kind, model.stage ?? "",
                model.owner ?? "", ModelRisk.number(model.score(weights: state.models.weights)),
                counts[0], counts[1], counts[2], counts[3], model.slaBreaches == 0 ? state.glyphs.none : String(model.slaBreaches),
                model.unassigned == 0 ? state.glyphs.none : NumberFormat.compact(model.unassigned, width: 5),
                Sparkline.render(model.trend, width: trendWidth, glyphs: state.glyphs),
            ]
        }
        let laid = Table.layout(columns(trendWidth), rows: cells, width: buffer.width)
        Table.header(laid, y: top + 1, sorted: "SCORE", marker: state.glyphs.sortDown, into: &buffer)
        for (offset, (model, row)) in zip(shown, cells).enumerated() {
            let roles: [StyleRole] = [
                .normal, .muted, .normal, .muted, model.worstOpen.map(StyleRole.severity) ?? .muted,
                .severityCritical, .severityHigh, .severityMedium, .severityLow,
                model.slaBreaches > 0 ? .overdue : .muted, .muted, .title,
            ]
            Table.row(
                row, laid, y: first + offset, width: buffer.width, selected: start + offset == state.models.cursor, roles: roles,
                glyphs: state.glyphs, into: &buffer)
        }
    }

    /// The name takes what is left; score, counts and breaches are never cut; the trend goes first.
    static func columns(_ trendWidth: Int) -> [Column] {
        [
            Column("MODEL", min: 12, priority: 0, flex: true, preferred: 24), Column("KIND", min: 7, max: 10, priority: 4),
            Column("STAGE", min: 7, max: 10, priority: 2), Column("OWNER", min: 8, max: 20, priority: 3),
            Column.whole("SCORE", alignRight: true), Column.whole("CRIT", alignRight: true), Column.whole("HIGH", alignRight: true),
            Column.whole("MED", alignRight: true), Column.whole("LOW", alignRight: true), Column.whole("SLA", alignRight: true),
            Column.whole("UNASSIGNED", priority: 3, alignRight: true), Column.fixed("TREND", trendWidth, priority: 5),
        ]
    }

    static func renderDetail(_ detail: ModelDetailState, state: AppState, into buffer: inout ScreenBuffer) {
        // Lines that must be read whole (the score with its result, a summary with its closing
        // part) wrap under themselves instead of being cut.
        let lines = detailLines(detail, state: state, width: buffer.width - 2).flatMap { $0.whole ? $0.wrapped(width: buffer.width - 2) : [$0] }
        let top = FrameView.contentTop
        StyledLine.draw(
            lines, x: 1, y: top, width: buffer.width - 2, height: FrameView.contentBottom(buffer) - top,
            scroll: detail.scroll, into: &buffer)
    }

    static func detailLines(_ detail: ModelDetailState, state: AppState, width: Int) -> [StyledLine] {
        let model = detail.model
        let glyphs = state.glyphs
        var lines: [StyledLine] = []
        let name = model.version.isEmpty ? model.name : "\(model.name) \(model.version)"
        lines.append(StyledLine([(name, .title), ("  \(model.kind)", .muted)]))
        let facts = [
            ("stage", model.stage ?? "none"), ("owner", model.owner ?? "none"), ("source", model.source.isEmpty ? "findings" : model.source),
            ("criticality", ModelRisk.number(model.criticality)),
        ]
        lines.append(StyledLine(facts.flatMap { [($0.0 + " ", StyleRole.muted), ($0.1 + "   ", StyleRole.normal)] }))
        lines.append(.blank)
        // The score's result is never cut: when the formula does not fit, the result gets its own line.
        let formula = model.formula(weights: state.models.weights, times: glyphs.times)
        if DisplayWidth.of("Score  " + formula) > width, let equals = formula.range(of: " = ", options: .backwards) {
            lines.append(StyledLine([("Score  ", .title), (String(formula[..<equals.lowerBound]), .normal)], whole: true))
            lines.append(StyledLine([("       ", .normal), ("= " + formula[equals.upperBound...], .normal)], whole: true))
        } else {
            lines.append(StyledLine([("Score  ", .title), (formula, .normal)], whole: true))
        }
        lines.append(
            StyledLine(
                [
                    ("weights ", .muted),
                    (
                        state.models.weights.summary
                            + (model.weighted != model.open.mapValues(Double.init) ? "; red-team findings count by attack-success rate" : ""), .muted
                    ),
                ], whole: true))
        let worst = model.worstOpen.map { "worst open: \($0.name)" } ?? "no open findings"
        lines.append(
            StyledLine([
                ("SLA breaches ", .muted), (String(model.slaBreaches), model.slaBreaches > 0 ? .overdue : .normal),
                ("   " + worst, .muted),
            ]))
        if !model.trend.isEmpty {
            let values = Array(model.trend.suffix(30))
            let rows = Sparkline.chart(values, width: 30, height: 3, glyphs: glyphs)
            let labels = [ModelRisk.number(values.max() ?? 0), "", "0"]
            lines.append(
                StyledLine([
                    ("Trend ", .muted),
                    ("score by day, last \(values.count) day\(values.count == 1 ? "" : "s"), now \(ModelRisk.number(values.last ?? 0))", .muted),
                ]))
            for (row, text) in rows.enumerated() {
                lines.append(StyledLine([(labels[row].leftPadded(7) + " " + glyphs.vertical, .muted), (text, .title)]))
            }
        }
        guard let breakdown = detail.breakdown else {
            lines.append(StyledLine("loading" + glyphs.ellipsis, .muted))
            return lines
        }
        if !breakdown.card.isEmpty || !breakdown.lineage.isEmpty {
            lines.append(.blank)
            lines.append(StyledLine("Model card and lineage (ML-BOM)", .title))
            for fact in breakdown.card { lines.append(StyledLine([("  " + pad(fact.label, 14), .muted), (fact.value, .normal)])) }
            for link in breakdown.lineage { lines.append(StyledLine([("  " + pad("lineage", 14), .muted), (link, .normal)])) }
        }
        let weights = state.models.weights
        let maxScore = (breakdown.byTarget + breakdown.byTool).map { $0.score(weights: weights) }.max() ?? 0
        func bars(_ title: String, _ groups: [GroupCounts]) {
            lines.append(.blank)
            lines.append(StyledLine(title, .title))
            if groups.isEmpty { lines.append(StyledLine("  none", .muted)) }
            for group in groups {
                let score = group.score(weights: weights) * model.criticality
                let counts = Severity.descending.compactMap { s in group.open[s].map { "\($0) \(FrameView.short(s))" } }.joined(separator: ", ")
                let summary = " " + ModelRisk.number(score) + "  (" + counts + ")"
                // The bar gives way to the summary: the numbers and the closing parenthesis stay.
                let barRoom = max(4, min(24, width - 20 - DisplayWidth.of(summary)))
                let length = maxScore > 0 ? max(1, Int(group.score(weights: weights) / maxScore * Double(barRoom))) : 0
                lines.append(
                    StyledLine(
                        [
                            ("  " + pad(group.key, 18), .normal), (String(repeating: glyphs.bar, count: length), .heat3),
                            (summary, .muted),
                        ], whole: true))
            }
        }
        bars("By target", breakdown.byTarget)
        bars("By tool", breakdown.byTool)
        lines.append(.blank)
        let header = Severity.descending.map { FrameView.short($0).uppercased().leftPadded(5) }.joined()
        lines.append(StyledLine([("Matrix of this model".padding(33), .title), (header, .muted)]))
        for threat in Threat.matrixOrder where breakdown.matrix.openCount(threat) > 0 || breakdown.matrix.closedCount(threat) > 0 {
            let counts = Severity.descending.map { s in
                let n = breakdown.matrix.openCount(threat, s)
                return (n == 0 ? glyphs.none : String(n)).leftPadded(5)
            }.joined()
            let closed = breakdown.matrix.closedCount(threat)
            lines.append(
                StyledLine([
                    ("  " + pad(threat.name, 31), .normal), (counts, .normal),
                    (closed > 0 ? "  +\(closed) closed" : "", .muted),
                ]))
        }
        if !detail.overdue.isEmpty {
            lines.append(.blank)
            lines.append(StyledLine("SLA breaches", .title))
            for item in detail.overdue {
                lines.append(
                    StyledLine([
                        ("  " + pad(FrameView.short(item.severity), 5), .severity(item.severity)),
                        (("#\(item.id)").padding(10), .muted), (Clock.due(item.slaDue, now: state.now).padding(7), .overdue),
                        (pad(item.tool, 12), .normal), (item.title, .normal),
                    ]))
            }
        }
        lines.append(.blank)
        lines.append(StyledLine([("Top open findings", .title), ("   Enter: all of them", .muted)]))
        if detail.top.isEmpty { lines.append(StyledLine("  none", .muted)) }
        // The due date has its own column before the title, so a long title cannot run into it.
        for item in detail.top {
            let due = item.slaDue == nil ? "" : "due " + Clock.due(item.slaDue, now: state.now)
            lines.append(
                StyledLine([
                    ("  " + pad(FrameView.short(item.severity), 5), .severity(item.severity)),
                    (("#\(item.id)").padding(10), .muted), (due.padding(10), item.isOverdue(now: state.now) ? .overdue : .muted),
                    (pad(item.tool, 15), .normal), (pad(item.ruleID, 18), .normal), (item.title, .normal),
                ]))
        }
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        var out = ""
        var used = 0
        for ch in TextSanitizer.sanitize(text) {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + String(repeating: " ", count: width - used)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }

    func leftPadded(_ width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : String(repeating: " ", count: width - w) + self
    }
}
