import Findings

/// The Ingest view's data and cursor.
public struct IngestViewState: Sendable, Equatable {
    public var snapshot = IngestSnapshot()
    public var cursor = 0
    public var loaded = false

    public init() {}
}
