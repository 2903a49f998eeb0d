import Findings

/// The Unmapped list.
public struct UnmappedState: Sendable, Equatable {
    public var items: [UnmappedItem] = []
    public var cursor = 0
    public var loaded = false

    public init() {}
}
