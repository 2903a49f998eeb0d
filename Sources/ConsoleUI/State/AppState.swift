import Findings

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
    public var compliance = ComplianceState()
    /// `y` copies to the clipboard with OSC 52 (config `clipboard: false` turns it off).
    public var clipboard = true
    /// The `/` or `:` line, while it is open.
    public var prompt: Prompt?
    /// A triage form, while it is open.
    public var form: TriageForm?
    public var triageRules = TriageRules.standard
    public var filterHistory: [String] = []
    /// Tool and model names the filter line completes (`tool:truff` Tab).
    public var vocabulary = FilterVocabulary()
    /// Named Findings views (config.yaml `views:`, then the state file's); the first three are tabs 7–9.
    public var savedViews: [SavedView] = []
    /// The Metrics view's figures (nil until read).
    public var metrics: TriageMetrics?
    /// The model the Metrics view is about (`:metrics NAME`; "none": findings of no model), or all.
    public var metricsModel: String?
    /// config.yaml `commands:`.
    public var customCommands: [CustomCommand] = []
    /// A custom command asking "run it?".
    public var pendingCommand: PendingCommand?
    /// The last background command's output, shown until Esc.
    public var commandOutput: CommandOutput?
    /// The saved view the Findings list was opened from (its tab stands out), if any.
    public var activeView: String?
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

    /// The bindings of the focused screen, with destructive ones disabled in read-only mode.
    public var keymap: Keymap {
        let map = readOnly ? fullKeymap.readOnly : fullKeymap
        let custom = customBindings
        return custom.isEmpty ? map : Keymap(name: map.name, bindings: map.bindings + custom)
    }

    /// The custom commands of the focused screen (Findings list or detail); the dangerous ones
    /// are not there at all in read-only mode.
    public var customCommandsHere: [CustomCommand] {
        guard view == .findings, !findings.showGroups else { return [] }
        return customCommands.filter { (findings.showDetail ? $0.inDetail : $0.inList) && !(readOnly && $0.dangerous) }
    }

    var customBindings: [Binding] {
        customCommandsHere.map { command in
            Binding(
                [.character(command.key)], .runCustom, command.description + (command.dangerous ? "  (runs: changes things outside)" : ""),
                inFooter: false)
        }
    }

    /// The view's keys as the console has them, read-only or not.
    public var fullKeymap: Keymap {
        let map: Keymap
        switch view {
        case .matrix: map = pivot ? .matrixPivot : .matrix
        case .models: map = models.detail == nil ? .models : .modelDetail
        case .findings: map = findings.showDetail ? .findingDetail : findings.showGroups ? .findingGroups : .findings
        case .ingest: map = .ingest
        case .audit: map = .audit
        case .help: map = .help
        case .projects: map = .projects
        case .unmapped: map = .unmapped
        case .compliance: map = .compliance
        case .metrics: map = .metrics
        }
        return map
    }

    /// Rows available to a list between the frame lines (tabs above, footer below) and its header.
    public var listRows: Int { max(1, size.height - 5) }
}
