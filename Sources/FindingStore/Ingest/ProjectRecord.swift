import Findings

/// A project as the config declares it (DESIGN.md §3).
public struct ProjectRecord: Sendable, Equatable {
    public var name: String
    public var owner: String?
    public var criticality: Double?
    public var repository: String?

    public init(name: String, owner: String? = nil, criticality: Double? = nil, repository: String? = nil) {
        self.name = name
        self.owner = owner
        self.criticality = criticality
        self.repository = repository
    }
}
