import Findings

/// Everything that can happen to the console: keys, sizes, and the results of effects.
public enum Action: Sendable, Equatable {
    case key(Key)
    case resized(Size)
    case matrixLoaded(MatrixSummary)
    case storeChanged
    case failed(String)
    case ingestStatus(String)
}

/// Work the reducer asks the run loop to do; results come back as actions.
public enum Effect: Sendable, Equatable {
    case loadMatrix
    case quit
}
