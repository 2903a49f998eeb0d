/// What a key does, independent of which key it is.
public enum Command: String, Sendable, CaseIterable {
    case quit
    case moveUp
    case moveDown
    case moveTop
    case moveBottom
    case pageUp
    case pageDown
    case moveLeft
    case moveRight
    case refresh
    /// Ctrl-Z: hand the terminal back to the shell (job control); `fg` returns.
    case suspend
    case open
    case back
    case nextView
    case previousView
    case showMatrix
    case showModels
    case showFindings
    case showIngest
    case showAudit
    case showCompliance
    /// The first three saved views (keys 7, 8, 9).
    case showSavedView1
    case showSavedView2
    case showSavedView3
    case help
    case filter
    case palette
    case sort
    case pivot
    case openFindings
    case nextItem
    case previousItem
    case mark
    case markRange
    case setInTriage
    case setExploitable
    case setFalsePositive
    case setNotAffected
    case acceptRisk
    case resolve
    case reopen
    case assign
    case addNote
    case undo
    /// Four-eyes acceptance: approve the finding's proposed acceptance (not one's own).
    case approveAcceptance
    /// Four-eyes acceptance: reject the proposed acceptance (one's own: withdraw it).
    case rejectAcceptance
    /// Link the finding to a ticket (a key or a URL).
    case linkTicket
    /// `y`: the finding under the cursor, or the marked ones as TSV, to the local clipboard (OSC 52).
    case copy
    /// `=`: the Findings view grouped by rule, artefact, model, or not at all (in turn).
    case group
    /// `S`: mark every finding of the filter with the same tool, rule and message as this one.
    case markSimilar
    /// A command from config.yaml `commands:` (which one: the key pressed).
    case runCustom
}
