import Findings

/// The Projects list.
public struct ProjectsState: Sendable, Equatable {
    public var items: [ProjectSummary] = []
    public var cursor = 0
    public var loaded = false

    public init() {}
}
