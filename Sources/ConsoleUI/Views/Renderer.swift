import Findings

/// Draws a whole screen from the state. Pure: the same state always gives the same buffer.
public enum Renderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        guard state.size.width > 0, state.size.height > 0 else { return buffer }
        guard state.size.fitsMinimum else {
            renderTooSmall(state, into: &buffer)
            return buffer
        }
        if state.kiosk {
            KioskView.render(state, into: &buffer)
            return buffer
        }
        FrameView.renderHeader(state, into: &buffer)
        FrameView.renderTabs(state, into: &buffer)
        renderView(state, into: &buffer)
        if let form = state.form { FormView.render(form, state: state, into: &buffer) }
        if let output = state.commandOutput { CommandOutputView.render(output, state: state, into: &buffer) }
        FrameView.renderFooter(state, into: &buffer)
        return buffer
    }

    static func renderView(_ state: AppState, into buffer: inout ScreenBuffer) {
        switch state.view {
        case .matrix: MatrixView.render(state, into: &buffer)
        case .models: ModelsView.render(state, into: &buffer)
        case .findings: FindingsView.render(state, into: &buffer)
        case .ingest: IngestView.render(state, into: &buffer)
        case .audit: AuditView.render(state, into: &buffer)
        case .help: HelpView.render(state, into: &buffer)
        case .projects: ProjectsView.render(state, into: &buffer)
        case .unmapped: UnmappedView.render(state, into: &buffer)
        case .compliance: ComplianceView.render(state, into: &buffer)
        case .metrics: MetricsView.render(state, into: &buffer)
        }
    }

    /// Below 80×24 the console says what it needs and waits for a resize.
    static func renderTooSmall(_ state: AppState, into buffer: inout ScreenBuffer) {
        let need =
            "need \(Size.minimum.width)\(state.glyphs.times)\(Size.minimum.height), have \(state.size.width)\(state.glyphs.times)\(state.size.height)"
        let lines = [need, "resize the terminal, or press q to quit"]
        let top = max(0, buffer.height / 2 - 1)
        for (index, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            buffer.put(line, x: max(0, (buffer.width - width) / 2), y: top + index, role: index == 0 ? .error : .muted)
        }
    }
}
