/// A rule as exports describe it.
public struct RuleRecord: Sendable, Equatable {
    public var id: String
    public var title: String
    public var mapping: String?

    public init(id: String, title: String, mapping: String? = nil) {
        self.id = id
        self.title = title
        self.mapping = mapping
    }
}
