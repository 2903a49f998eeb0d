import Findings

/// Everything that can happen to the console: keys, sizes, and the results of effects.
public enum Action: Sendable, Equatable {
    case key(Key)
    case resized(Size)
    /// The wall clock, for SLA due dates; sent at start and with every store change.
    case tick(Int64)
    /// The summaries, with every project's totals (the Projects list, `:project` completion).
    case matrixLoaded(MatrixSummary, LifecycleSummary, projects: [ProjectSummary] = [])
    case modelsLoaded([ModelRisk])
    case modelDetailLoaded(id: Int64, ModelBreakdown, top: [FindingRow], overdue: [FindingRow])
    /// A page of the findings list; `append` when it continues the list. Pages of an older query
    /// (another generation) are dropped.
    case findingsLoaded([FindingRow], append: Bool, generation: Int)
    /// A page read backwards: the last page (`tail`, after `G`) or the page above the first row.
    case findingsBefore([FindingRow], tail: Bool, generation: Int)
    /// How many findings the list's query has.
    case findingsCounted(Int, generation: Int)
    /// The groups of the grouped Findings view.
    case groupsLoaded(FindingGroups, generation: Int)
    /// The findings a triage key on a group applies to (at most `Reducer.groupTargetLimit` + 1).
    case groupTargetsLoaded([FindingRow], command: Command)
    /// The findings `S` marks.
    case similarLoaded([FindingRow])
    case detailLoaded(FindingDetail?)
    case ingestLoaded(IngestSnapshot)
    case auditLoaded([AuditEntry], append: Bool, generation: Int)
    /// The rules of unclassified findings, most findings first.
    case unmappedLoaded([UnmappedItem])
    case metricsLoaded(TriageMetrics)
    /// A custom command ended (its output, when it ran in the background).
    case customFinished(CommandOutput)
    /// A pack evaluated, with the names of every pack (for `:pack`); or why the pack could not be read.
    case complianceLoaded(ComplianceResult, packs: [String])
    case complianceFailed(String)
    case packLoaded(CompliancePack, packs: [String])
    /// Names the filter line completes values from.
    case vocabularyLoaded(FilterVocabulary)
    case storeChanged
    case failed(String)
    case ingestStatus(String)
    /// The terminal now paints with this theme.
    case themeApplied(String)
    /// What a triage write did.
    case triageDone(TriageOutcome)
    /// A message for the status line that is not an error.
    case notice(String)
    /// The kiosk shows its next view.
    case rotate
}
