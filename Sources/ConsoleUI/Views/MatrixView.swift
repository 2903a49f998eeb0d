import Findings

/// The threat matrix: four targets × thirteen threats plus the unclassified row, open counts by
/// severity, and heat by open risk.
public enum MatrixView {
    static let targetWidth = 16
    static let threatWidth = 30
    // 16 + 30 + 5 × 5 + 7 = 78 columns: the table fits 80 and the risk bar takes what is left.
    static let countWidth = 5
    static let openWidth = 7

    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        if state.pivot {
            renderPivot(state, into: &buffer)
            return
        }
        let top = FrameView.contentTop
        var y = top
        let countsX = targetWidth + threatWidth
        let openX = countsX + countWidth * Severity.descending.count
        let barX = openX + openWidth + 1
        let barWidth = buffer.width - barX - 1

        buffer.put("TARGET", x: 1, y: y, role: .title)
        buffer.put("THREAT", x: targetWidth, y: y, role: .title)
        for (index, severity) in Severity.descending.enumerated() {
            buffer.put(
                FrameView.short(severity).uppercased(), x: countsX + index * countWidth, y: y, width: countWidth - 1,
                role: .severity(severity), alignRight: true)
        }
        buffer.put("OPEN", x: openX, y: y, width: openWidth - 1, role: .title, alignRight: true)
        if barWidth >= 4 { buffer.put("RISK", x: barX, y: y, role: .title) }
        y += 1

        let maxRisk = state.matrix.maxRisk()
        var row = 0
        for target in Target.allCases {
            buffer.put(String(repeating: state.glyphs.horizontal, count: max(0, buffer.width)), x: 0, y: y, role: .border)
            y += 1
            for (index, threat) in target.threats.enumerated() {
                guard y < buffer.height - 1 else { return }
                let selected = row == state.matrixCursor
                renderRow(
                    threat, showTarget: index == 0, selected: selected, maxRisk: maxRisk, y: y,
                    countsX: countsX, openX: openX, barX: barX, barWidth: barWidth, state: state, buffer: &buffer)
                y += 1
                row += 1
            }
        }
        // The controls of the compliance pack that the cell under the cursor touches (6 shows them per model).
        if !state.loading, y < buffer.height - 1, Threat.matrixOrder.indices.contains(state.matrixCursor),
            let pack = state.compliance.packInfo
        {
            let controls = state.compliance.controls(touching: Threat.matrixOrder[state.matrixCursor])
            if !controls.isEmpty {
                let x = buffer.put(" controls ", x: 0, y: y, role: .muted)
                let used = buffer.put(controls.map(\.id).joined(separator: " "), x: x, y: y, role: .title, maxWidth: buffer.width - x - 1)
                buffer.put("  \(pack.name): 6 shows them per model", x: x + used, y: y, role: .muted, maxWidth: max(0, buffer.width - x - used - 1))
            }
        }
        if state.loading {
            buffer.put("loading" + state.glyphs.ellipsis, x: targetWidth, y: y, role: .muted)
        } else if state.matrix.total == 0, y < buffer.height - 1 {
            buffer.put("The store is empty: ingest a report with `mlsoc ingest FILE`.", x: 1, y: y, role: .muted)
        }
    }

    private static func renderRow(
        _ threat: Threat, showTarget: Bool, selected: Bool, maxRisk: Double, y: Int,
        countsX: Int, openX: Int, barX: Int, barWidth: Int, state: AppState,
        buffer: inout ScreenBuffer
    ) {
        let matrix = state.matrix
        let risk = matrix.risk(threat)
        let heat = heatLevel(risk: risk, maxRisk: maxRisk)
        if showTarget { buffer.put(threat.target.name, x: 1, y: y, role: .title, maxWidth: targetWidth - 1) }
        buffer.put(threat.name, x: targetWidth, y: y, width: threatWidth - 1, role: selected ? .selection : .normal)
        // Until the first summary arrives the counts are unknown, not zero.
        guard !state.loading else { return }
        for (index, severity) in Severity.descending.enumerated() {
            let count = matrix.openCount(threat, severity)
            let text = count == 0 ? state.glyphs.none : NumberFormat.compact(count, width: countWidth - 1)
            buffer.put(
                text, x: countsX + index * countWidth, y: y, width: countWidth - 1,
                role: count == 0 ? .muted : .severity(severity), alignRight: true)
        }
        let open = matrix.openCount(threat)
        buffer.put(
            open == 0 ? state.glyphs.none : NumberFormat.compact(open, width: openWidth - 1), x: openX, y: y,
            width: openWidth - 1, role: StyleRole.heat(heat), alignRight: true)
        guard barWidth >= 4, risk > 0, maxRisk > 0 else { return }
        let length = max(1, Int((risk / maxRisk * Double(barWidth - 8)).rounded()))
        buffer.put(String(repeating: state.glyphs.bar, count: length), x: barX, y: y, role: StyleRole.heat(heat))
        buffer.put(" " + NumberFormat.compact(Int(risk.rounded()), width: 6), x: barX + length, y: y, role: .muted)
    }

    /// Targets × lifecycle stage of the findings' models: open counts, heat by open risk.
    static func renderPivot(_ state: AppState, into buffer: inout ScreenBuffer) {
        let top = FrameView.contentTop
        let stages = LifecycleSummary.stages
        let cellWidth = max(9, min(16, (buffer.width - targetWidth - 10) / stages.count))
        buffer.put("TARGET", x: 1, y: top, role: .title)
        for (index, stage) in stages.enumerated() {
            buffer.put(
                (stage.isEmpty ? "no stage" : stage).uppercased(), x: targetWidth + index * cellWidth, y: top,
                width: cellWidth - 1, role: .title, alignRight: true)
        }
        let totalX = targetWidth + stages.count * cellWidth
        buffer.put("OPEN", x: totalX, y: top, width: 7, role: .title, alignRight: true)
        buffer.put(String(repeating: state.glyphs.horizontal, count: buffer.width), x: 0, y: top + 1, role: .border)
        let lifecycle = state.lifecycle
        let maxRisk = lifecycle.maxRisk()
        for (row, target) in Target.allCases.enumerated() {
            let y = top + 2 + row * 2
            guard y < buffer.height - 1 else { break }
            buffer.put(target.name, x: 1, y: y, role: row == state.pivotRow ? .title : .normal, maxWidth: targetWidth - 2)
            var total = 0
            for (column, stage) in stages.enumerated() {
                let count = lifecycle.openCount(target, stage: stage)
                total += count
                let heat = heatLevel(risk: lifecycle.risk(target, stage: stage), maxRisk: maxRisk)
                let selected = row == state.pivotRow && column == state.pivotColumn
                let text = count == 0 ? state.glyphs.none : NumberFormat.compact(count, width: cellWidth - 2)
                buffer.put(
                    text + " ", x: targetWidth + column * cellWidth, y: y, width: cellWidth - 1,
                    role: selected ? .selection : (count == 0 ? .muted : .heat(heat)), alignRight: true)
            }
            buffer.put(
                total == 0 ? state.glyphs.none : NumberFormat.compact(total, width: 6), x: totalX, y: y, width: 7,
                role: total == 0 ? .muted : .normal, alignRight: true)
        }
        let legendY = top + 2 + Target.allCases.count * 2
        if legendY < buffer.height - 2 {
            buffer.put(
                "A finding's stage is its model's (config, ML-BOM); NO STAGE: none, or no model.",
                x: 1, y: legendY, role: .muted, maxWidth: buffer.width - 2)
        }
    }

    /// 0 for no open risk, then 1–4 by the cell's share of the hottest cell.
    static func heatLevel(risk: Double, maxRisk: Double) -> Int {
        guard risk > 0, maxRisk > 0 else { return 0 }
        let share = risk / maxRisk
        switch share {
        case ..<0.25: return 1
        case ..<0.5: return 2
        case ..<0.75: return 3
        default: return 4
        }
    }
}
