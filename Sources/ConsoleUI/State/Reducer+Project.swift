import Findings

/// `:project NAME|all`: every view scoped to one project, as k9s scopes to a namespace.
extension Reducer {
    static func scope(to argument: String, _ state: inout AppState) -> [Effect] {
        let name = argument.trimmingASCIIWhitespace()
        let known = state.projects.items.map(\.name)
        guard !name.isEmpty else {
            let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
            state.flash = Flash("project: \(state.project ?? "all") (projects: \(list); :project NAME|all)")
            return []
        }
        if name != "all", state.projects.loaded, !known.contains(name) {
            state.flash = Flash("no project '\(name)': \(known.isEmpty ? "none yet" : known.joined(separator: ", "))", isError: true)
            return []
        }
        state.project = name == "all" ? nil : name
        state.flash = Flash(state.project.map { "project \($0): every view shows its findings" } ?? "all projects")
        // What the views held belongs to the old scope: drop it, so they read again (in-flight
        // pages of the old scope are ignored by their generation).
        state.models.detail = nil
        state.models.cursor = 0
        state.matrix = MatrixSummary()
        state.lifecycle = LifecycleSummary()
        state.loading = true
        let findings = state.findings
        state.findings = FindingListState(filter: findings.filter)
        state.findings.sort = findings.sort
        state.findings.origin = findings.origin
        state.findings.generation = findings.generation + 1
        let audit = state.audit
        state.audit = AuditState()
        state.audit.filter = audit.filter
        state.audit.generation = audit.generation + 1
        state.ingest.cursor = 0
        var effects = show(state.view == .projects || state.view == .help ? .matrix : state.view, &state)
        // The header's totals are the scope's too.
        if !effects.contains(.loadMatrix) { effects.insert(.loadMatrix, at: 0) }
        return effects
    }
}
