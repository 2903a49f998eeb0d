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
        let columns = Table.fit(
            [
                Column("MODEL", 0), Column("KIND", buffer.width >= 100 ? 7 : 0), Column("STAGE", 8), Column("OWNER", wide ? 14 : 0),
                Column("SCORE", 7, alignRight: true), Column("CRIT", 4, alignRight: true), Column("HIGH", 4, alignRight: true),
                Column("MED", 4, alignRight: true), Column("LOW", 4, alignRight: true), Column("SLA", 4, alignRight: true),
                Column("TREND", trendWidth),
            ], flex: 0, width: buffer.width, minimum: 12)
        let filter = state.models.nameFilter.isEmpty ? "" : "  name contains \"\(state.models.nameFilter)\""
        // The "(no model)" row is not a model.
        let count = rows.filter { $0.id != 0 }.count
        buffer.put(
            " \(count) model\(count == 1 ? "" : "s") by risk\(filter)   score = sum of weight \(state.glyphs.times) open, \(state.glyphs.times) criticality",
            x: 0, y: top, role: .title, maxWidth: buffer.width)
        Table.header(columns, y: top + 1, sorted: "SCORE", marker: state.glyphs.sortDown, into: &buffer)
        let first = top + 2
        let visible = max(0, FrameView.contentBottom(buffer) - first)
        if rows.isEmpty {
            let text = state.models.loaded ? "No models yet: they come from ML-BOMs, config.yaml and attribution." : "loading" + state.glyphs.ellipsis
            buffer.put(text, x: 1, y: first, role: .muted)
            return
        }
        let start = Table.firstVisible(cursor: state.models.cursor, count: rows.count, rows: visible)
        for (offset, model) in rows.dropFirst(start).prefix(visible).enumerated() {
            let index = start + offset
            let counts = [Severity.critical, .high, .medium, .low].map {
                model.open[$0].map { NumberFormat.compact($0, width: 4) } ?? state.glyphs.none
            }
            let name = model.version.isEmpty ? model.name : "\(model.name) \(model.version)"
            let cells = [
                name, model.id == 0 ? "" : model.kind, model.stage ?? "", model.owner ?? "",
                ModelRisk.number(model.score(weights: state.models.weights)),
                counts[0], counts[1], counts[2], counts[3], model.slaBreaches == 0 ? state.glyphs.none : String(model.slaBreaches),
                Sparkline.render(model.trend, width: trendWidth, glyphs: state.glyphs),
            ]
            let roles: [StyleRole] = [
                .normal, .muted, .normal, .muted, model.worstOpen.map(StyleRole.severity) ?? .muted,
                .severityCritical, .severityHigh, .severityMedium, .severityLow,
                model.slaBreaches > 0 ? .overdue : .muted, .title,
            ]
            Table.row(cells, columns, y: first + offset, width: buffer.width, selected: index == state.models.cursor, roles: roles, into: &buffer)
        }
    }

    static func renderDetail(_ detail: ModelDetailState, state: AppState, into buffer: inout ScreenBuffer) {
        let lines = detailLines(detail, state: state, width: buffer.width - 2)
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
        lines.append(StyledLine([("Score  ", .title), (model.formula(weights: state.models.weights, times: glyphs.times), .normal)]))
        lines.append(
            StyledLine([
                ("weights ", .muted),
                (
                    state.models.weights.summary
                        + (model.weighted != model.open.mapValues(Double.init) ? "; red-team findings count by attack-success rate" : ""), .muted
                ),
            ]))
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
                let length = maxScore > 0 ? max(1, Int(group.score(weights: weights) / maxScore * 24)) : 0
                let counts = Severity.descending.compactMap { s in group.open[s].map { "\($0) \(FrameView.short(s))" } }.joined(separator: ", ")
                lines.append(
                    StyledLine([
                        ("  " + pad(group.key, 18), .normal), (String(repeating: glyphs.bar, count: length), .heat3),
                        (" " + ModelRisk.number(score) + "  (" + counts + ")", .muted),
                    ]))
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
                        (pad("#\(item.id)", 8), .muted), (pad(Clock.due(item.slaDue, now: state.now), 6), .overdue),
                        (pad(item.tool, 12), .normal), (item.title, .normal),
                    ]))
            }
        }
        lines.append(.blank)
        lines.append(StyledLine([("Top open findings", .title), ("   Enter: all of them", .muted)]))
        if detail.top.isEmpty { lines.append(StyledLine("  none", .muted)) }
        for item in detail.top {
            let due = item.slaDue == nil ? "" : " due " + Clock.due(item.slaDue, now: state.now)
            lines.append(
                StyledLine([
                    ("  " + pad(FrameView.short(item.severity), 5), .severity(item.severity)),
                    (pad("#\(item.id)", 8), .muted), (pad(item.tool, 12), .normal), (pad(item.ruleID, 18), .normal),
                    (item.title, .normal), (due, item.isOverdue(now: state.now) ? .overdue : .muted),
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
