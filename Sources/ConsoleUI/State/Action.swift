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
    case modelDetailLoaded(id: Int64, ModelBreakdown, top: [FindingListItem], overdue: [FindingListItem])
    /// A page of the findings list; `append` when it continues the list. Pages of an older query
    /// (another generation) are dropped.
    case findingsLoaded([FindingListItem], append: Bool, generation: Int)
    /// A page read backwards: the last page (`tail`, after `G`) or the page above the first row.
    case findingsBefore([FindingListItem], tail: Bool, generation: Int)
    /// How many findings the list's query has.
    case findingsCounted(Int, generation: Int)
    case detailLoaded(FindingDetail?)
    case ingestLoaded(IngestSnapshot)
    case auditLoaded([AuditEntry], append: Bool, generation: Int)
    /// The rules of unclassified findings, most findings first.
    case unmappedLoaded([UnmappedItem])
    /// Names the filter line completes values from.
    case vocabularyLoaded(tools: [String], models: [String])
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

/// Work the reducer asks the run loop to do; results come back as actions.
public enum Effect: Sendable, Equatable {
    /// The matrix and lifecycle summaries (also the header's totals).
    case loadMatrix
    case loadModels
    case loadModelDetail(id: Int64)
    /// A keyset page of findings after the given row (or the first page), `limit` rows.
    case loadFindings(FindingFilter, FindingSort, after: FindingListItem?, limit: Int, generation: Int)
    /// The page before this row, read backwards (reversed keyset), or the last page when nil.
    case loadFindingsBefore(FindingFilter, FindingSort, before: FindingListItem?, limit: Int, generation: Int)
    /// Counts the list's query (for "row N of M" after `G`).
    case countFindings(FindingFilter, generation: Int)
    case loadDetail(id: Int64)
    case loadIngest
    case loadAudit(FindingFilter, before: Int64?, limit: Int, generation: Int)
    /// The rules of unclassified findings (in the console's project).
    case loadUnmapped
    /// Tool and model names, for Tab in the filter line.
    case loadVocabulary
    case setTheme(String)
    /// Writes one triage action to each target (optimistic locking on the versions seen).
    case triage([TriageTarget], TriageAction)
    /// Undoes the analyst's own last change to a finding.
    case undo(id: Int64)
    /// Undoes the analyst's last change to each of these findings (a bulk action, as one group).
    case undoGroup([Int64])
    /// Stops the process for the shell's job control (Ctrl-Z); the screen repaints after `fg`.
    case suspend
    case quit
}

/// What the Ingest view shows: workers, queue, recent scans, quarantine.
public struct IngestSnapshot: Sendable, Equatable {
    public var scans: [ScanSummary]
    public var warnings: [ScanWarningLine]
    public var quarantine: [QuarantinedFile]
    /// Reports waiting in the watched inboxes.
    public var queued: Int
    /// The watched inbox directories; empty when the console watches none.
    public var inboxes: [String]
    public var workers: Int

    public init(scans: [ScanSummary] = [], warnings: [ScanWarningLine] = [], quarantine: [QuarantinedFile] = [], queued: Int = 0,
                inboxes: [String] = [], workers: Int = 0) {
        self.scans = scans
        self.warnings = warnings
        self.quarantine = quarantine
        self.queued = queued
        self.inboxes = inboxes
        self.workers = workers
    }
}

public struct ScanWarningLine: Sendable, Equatable {
    public var scanID: Int64
    public var message: String

    public init(scanID: Int64, message: String) {
        self.scanID = scanID
        self.message = message
    }
}

/// A report the inbox refused, with the reason from its `.error` file.
public struct QuarantinedFile: Sendable, Equatable {
    public var name: String
    public var reason: String
    public var modified: Int64

    public init(name: String, reason: String, modified: Int64) {
        self.name = name
        self.reason = reason
        self.modified = modified
    }
}
