import Findings

/// Work the reducer asks the run loop to do; results come back as actions.
public enum Effect: Sendable, Equatable {
    /// The matrix and lifecycle summaries (also the header's totals).
    case loadMatrix
    case loadModels
    case loadModelDetail(id: Int64)
    /// A keyset page of findings after the given row (or the first page), `limit` rows.
    case loadFindings(FindingQuery, after: FindingRow?, limit: Int, generation: Int)
    /// The page before this row, read backwards (reversed keyset), or the last page when nil.
    case loadFindingsBefore(FindingQuery, before: FindingRow?, limit: Int, generation: Int)
    /// Counts the list's query (for "row N of M" after `G`).
    case countFindings(FindingQuery, generation: Int)
    /// The groups of the list's query (the grouped Findings view).
    case loadGroups(FindingQuery, FindingGrouping, generation: Int)
    /// The findings a triage key on a group applies to (its open ones; its closed ones to reopen),
    /// then the command runs on them.
    case loadGroupTargets(FindingQuery, Command)
    /// `S`: every finding of the query with the same tool, rule and message as this one, marked.
    case markSimilar(FindingQuery, findingID: Int64)
    case loadDetail(id: Int64)
    case loadIngest
    case loadAudit(FindingFilter, before: Int64?, limit: Int, generation: Int)
    /// The rules of unclassified findings (in the console's project).
    case loadUnmapped
    /// Triage over the last weeks (the Metrics view, in the console's project).
    case loadMetrics(weeks: Int, model: String?)
    /// Text for the analyst's clipboard, written by the terminal as OSC 52 (works over ssh and in tmux).
    case copy(String)
    /// Evaluates a pack over the store (the Compliance view).
    case loadCompliance(pack: String)
    /// Reads a pack's controls without evaluating it (the matrix shows which a cell touches).
    case loadPack(String)
    /// Tool and model names, for Tab in the filter line.
    case loadVocabulary
    case setTheme(String)
    /// Runs a custom command on these findings (outside the console, or in the background).
    case runCustom(CustomCommand, [FindingRow])
    /// Writes the saved views (not config.yaml's) to the state file.
    case saveViews([SavedView])
    /// Writes one triage action to each target (optimistic locking on the versions seen).
    case triage([TriageTarget], TriageAction)
    /// Undoes the analyst's own last change to a finding.
    case undo(id: Int64)
    /// Undoes the analyst's last change to each of these findings (a bulk action, as one group).
    case undoGroup([Int64])
    /// Stops the process for the shell's job control (Ctrl-Z); the screen repaints after `fg`.
    case suspend
}
