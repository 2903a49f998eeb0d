import Findings

/// The views of the console, in `Tab` order; number keys 1–6 reach the tabs.
public enum ViewID: String, Sendable, CaseIterable {
    case matrix
    case models
    case findings
    case ingest
    case audit
    case help
    /// Every project (`:projects`): Enter scopes the console to one.
    case projects
    /// The rules of unclassified findings (Enter on the matrix's Unclassified row, `:unmapped`).
    case unmapped
    /// Evidence per model and control of a framework pack (`:pack NAME`).
    case compliance
    /// Triage over time (`:metrics`): opened vs closed per week, time to fix, SLA compliance, backlog age.
    case metrics

    /// The views Tab cycles through (help is reached with `?`).
    public static let tabs: [ViewID] = [.matrix, .models, .findings, .ingest, .audit, .compliance]

    public var title: String {
        switch self {
        case .matrix: "Matrix"
        case .models: "Models"
        case .findings: "Findings"
        case .ingest: "Ingest"
        case .audit: "Audit"
        case .help: "Help"
        case .projects: "Projects"
        case .unmapped: "Unmapped"
        case .compliance: "Compliance"
        case .metrics: "Metrics"
        }
    }
}
