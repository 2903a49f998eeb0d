import Findings

/// Everything that can happen to the console: keys, sizes, and the results of effects.
public enum Action: Sendable, Equatable {
    case key(Key)
    case resized(Size)
    case matrixLoaded(MatrixSummary)
    case storeChanged
    case failed(String)
    case ingestStatus(String)
    /// A page of the findings list; `append` when it continues the list.
    case findingsLoaded([FindingListItem], append: Bool)
}

/// Work the reducer asks the run loop to do; results come back as actions.
public enum Effect: Sendable, Equatable {
    case loadMatrix
    /// Loads a page of findings of one cell (or all) after the given row (keyset), or the first page.
    case loadFindings(threat: Threat?, after: FindingListItem?)
    case quit
}
