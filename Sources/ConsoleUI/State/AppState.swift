import Findings

/// The views of the console, in `Tab` order; number keys 1–5 reach the first five.
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

    /// The views Tab cycles through (help is reached with `?`).
    public static let tabs: [ViewID] = [.matrix, .models, .findings, .ingest, .audit]

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
        }
    }
}

/// Everything the console shows, as a value: render(state) draws it, reduce(state, action) changes it.
public struct AppState: Sendable, Equatable {
    public var size: Size
    public var view: ViewID = .matrix
    public var storePath: String
    public var readOnly: Bool
    public var glyphs: Glyphs
    /// Seconds since the epoch, for SLA due dates.
    public var now: Int64 = 0
    public var matrix = MatrixSummary()
    public var lifecycle = LifecycleSummary()
    /// True until the first summary arrives, so an empty store and a loading one look different.
    public var loading = true
    /// Rows: targets × threats (false) or targets × lifecycle stages (true).
    public var pivot = false
    /// Row of the matrix cursor, an index into `Threat.matrixOrder`.
    public var matrixCursor = 0
    /// Cursor of the pivoted matrix: row (target) and column (stage).
    public var pivotRow = 0
    public var pivotColumn = 0
    public var models = ModelsState()
    public var findings = FindingListState()
    public var ingest = IngestViewState()
    public var audit = AuditState()
    /// The project every view is scoped to (`:project`), as k9s scopes to a namespace; nil for all.
    public var project: String?
    public var projects = ProjectsState()
    public var unmapped = UnmappedState()
    /// The `/` or `:` line, while it is open.
    public var prompt: Prompt?
    /// A triage form, while it is open.
    public var form: TriageForm?
    public var triageRules = TriageRules.standard
    public var filterHistory: [String] = []
    /// Tool and model names the filter line completes (`tool:truff` Tab).
    public var knownTools: [String] = []
    public var knownModels: [String] = []
    public var commandHistory: [String] = []
    /// Where help returns to.
    public var helpReturn: ViewID = .matrix
    public var helpScroll = 0
    /// The dashboard's kiosk: no cursor, no menus, large totals, a clock, rotating views.
    public var kiosk = false
    public var kioskViews: [ViewID] = []
    public var themeName = "dark"
    /// Themes `:theme` offers.
    public var themeNames: [String] = []
    public var flash: Flash?
    public var ingestStatus = "idle"
    public var quitRequested = false

    public init(size: Size, storePath: String, readOnly: Bool = false, glyphs: Glyphs = .unicode) {
        self.size = size
        self.storePath = storePath
        self.readOnly = readOnly
        self.glyphs = glyphs
    }

    /// The bindings of the focused screen, with destructive ones removed in read-only mode.
    public var keymap: Keymap { readOnly ? fullKeymap.readOnly : fullKeymap }

    /// The view's keys as the console has them, read-only or not.
    public var fullKeymap: Keymap {
        let map: Keymap
        switch view {
        case .matrix: map = pivot ? .matrixPivot : .matrix
        case .models: map = models.detail == nil ? .models : .modelDetail
        case .findings: map = findings.showDetail ? .findingDetail : .findings
        case .ingest: map = .ingest
        case .audit: map = .audit
        case .help: map = .help
        case .projects: map = .projects
        case .unmapped: map = .unmapped
        }
        return map
    }

    /// Rows available to a list between the frame lines (tabs above, footer below) and its header.
    public var listRows: Int { max(1, size.height - 5) }
}

/// A short message in the status line: a result or an error.
public struct Flash: Sendable, Equatable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// One rule of unclassified findings, with what its tool said and a user rule to paste: what
/// `mlsoc mapping unmapped` prints.
public struct UnmappedItem: Sendable, Equatable {
    public var tool: String
    public var ruleID: String
    public var title: String
    public var findings: Int
    public var open: Int
    public var worst: Severity
    /// What the tool said (CWE, tags, threat metadata), in a line.
    public var seen: String
    /// The suggested rule, as one JSON object for the user's mapping.json.
    public var suggestion: String

    public init(tool: String, ruleID: String, title: String, findings: Int, open: Int, worst: Severity, seen: String, suggestion: String) {
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.findings = findings
        self.open = open
        self.worst = worst
        self.seen = seen
        self.suggestion = suggestion
    }
}

/// The Unmapped list.
public struct UnmappedState: Sendable, Equatable {
    public var items: [UnmappedItem] = []
    public var cursor = 0
    public var loaded = false

    public init() {}
}

/// The Projects list.
public struct ProjectsState: Sendable, Equatable {
    public var items: [ProjectSummary] = []
    public var cursor = 0
    public var loaded = false

    public init() {}
}
