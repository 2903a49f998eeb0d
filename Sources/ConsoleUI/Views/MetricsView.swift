import Findings

/// Triage over time (`:metrics`): opened vs closed per week as sparklines, time to fix per
/// severity, SLA compliance per month as bars, and the open backlog by age. Read from the audit
/// trail off the UI thread; scrolls like the help.
public enum MetricsView {
    /// Weeks the view covers.
    public static let weeks = 12

    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let top = FrameView.contentTop
        let height = FrameView.contentBottom(buffer) - top
        guard let metrics = state.metrics else {
            buffer.put("loading" + state.glyphs.ellipsis, x: 1, y: top, role: .muted)
            return
        }
        _ = StyledLine.draw(
            lines(metrics, state: state), x: 1, y: top, width: buffer.width - 2, height: height, scroll: state.helpScroll, into: &buffer)
    }

    static func lines(_ metrics: TriageMetrics, state: AppState) -> [StyledLine] {
        var lines: [StyledLine] = []
        let scope =
            (state.project.map { "project \($0)" } ?? "all projects")
            + (state.metricsModel.map { $0 == "none" ? ", no model" : ", model \($0)" } ?? "")
        let last = metrics.weeks.last.map { String(Clock.date($0.start)) } ?? ""
        lines.append(StyledLine("Triage metrics: \(metrics.weeks.count) weeks to the week of \(last), \(scope)", .title))
        lines.append(.blank)
        lines.append(StyledLine([("Opened vs closed per week", .title), ("   a finding counts in the week it closed; square-root scale", .muted)]))
        let opened = metrics.weeks.map(\.opened)
        let closed = metrics.weeks.map(\.closed)
        let top = Double(max(opened.max() ?? 0, closed.max() ?? 0))
        func spark(_ values: [Int]) -> String {
            // One scale for both rows, so the bars compare; a square-root scale, so the first run
            // of a new scanner does not flatten every other week.
            values.map { value in
                let levels = state.glyphs.spark.count - 1
                return state.glyphs.spark[top > 0 ? Int((Double(value).squareRoot() / top.squareRoot() * Double(levels)).rounded()) : 0]
            }.joined()
        }
        lines.append(
            StyledLine([("  opened  ", .muted), (spark(opened), .severityHigh), ("  \(NumberFormat.grouped(opened.reduce(0, +)))", .normal)]))
        lines.append(
            StyledLine([("  closed  ", .muted), (spark(closed), .severityLow), ("  \(NumberFormat.grouped(closed.reduce(0, +)))", .normal)]))
        let net = opened.reduce(0, +) - closed.reduce(0, +)
        lines.append(StyledLine("  net \(net >= 0 ? "+" : "")\(NumberFormat.grouped(net)) over the weeks", .muted))
        lines.append(.blank)
        lines.append(StyledLine("Time to fix (first seen to resolved)", .title))
        let fixed = Severity.descending.compactMap { severity in metrics.timeToFix[severity].map { (severity, $0) } }
        if fixed.isEmpty { lines.append(StyledLine("  nothing resolved in these weeks", .muted)) }
        for (severity, fix) in fixed {
            lines.append(
                StyledLine(
                    [
                        ("  " + ModelsView.pad(severity.name, 10), .severity(severity)),
                        (ModelsView.pad("\(NumberFormat.grouped(fix.count)) resolved", 14), .normal),
                        ("mean \(duration(fix.mean))   p90 \(duration(fix.p90))", .normal),
                    ], whole: true))
        }
        lines.append(.blank)
        lines.append(StyledLine("SLA compliance per month (closed on or before the due date)", .title))
        if metrics.months.isEmpty { lines.append(StyledLine("  nothing with a due date closed in these weeks", .muted)) }
        for month in metrics.months {
            let percent = month.percent ?? 0
            let filled = Int((percent / 100 * 20).rounded())
            lines.append(
                StyledLine(
                    [
                        ("  \(month.month)  ", .muted), (String(repeating: state.glyphs.bar, count: filled), percent >= 90 ? .severityLow : .overdue),
                        (String(repeating: " ", count: 20 - filled), .normal),
                        ("  \(Int(percent.rounded()))%  \(month.onTime) of \(month.closed)", .normal),
                    ], whole: true))
        }
        lines.append(.blank)
        lines.append(StyledLine("Open backlog by age", .title))
        let buckets = TriageMetrics.AgeBucket.allCases
        lines.append(StyledLine("  " + ModelsView.pad("", 10) + buckets.map { pad($0.rawValue, 8) }.joined(), .muted))
        for severity in Severity.descending {
            let counts = buckets.map { metrics.backlog[$0]?[severity] ?? 0 }
            guard counts.contains(where: { $0 > 0 }) else { continue }
            lines.append(
                StyledLine(
                    [("  " + ModelsView.pad(severity.name, 10), .severity(severity))]
                        + counts.map { (pad($0 == 0 ? state.glyphs.none : NumberFormat.grouped($0), 8), $0 == 0 ? StyleRole.muted : .normal) },
                    whole: true))
        }
        lines.append(.blank)
        lines.append(StyledLine("Per project: `:project NAME`; per model: `:metrics MODEL`; as text or JSON: `mlsoc report --metrics`.", .muted))
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }

    /// "2.5d", or hours under a day.
    static func duration(_ seconds: Double) -> String {
        seconds < 86_400 ? "\(Int((seconds / 3_600).rounded()))h" : "\((seconds / 8_640).rounded() / 10)d"
    }
}
