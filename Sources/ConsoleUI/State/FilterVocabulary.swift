/// The values Tab offers in the filter line, read from the store when the line opens: tools,
/// models and rule ids (each capped: a registry may hold 200k models). Projects and states come
/// from the console's own state.
public struct FilterVocabulary: Sendable, Equatable {
    public var tools: [String]
    public var models: [String]
    public var rules: [String]
    /// The people `@` offers and `assignee:` completes: those in the recent audit trail, the
    /// assignees, and the owners of models and projects in config.
    public var accounts: [String]

    public init(tools: [String] = [], models: [String] = [], rules: [String] = [], accounts: [String] = []) {
        self.tools = tools
        self.models = models
        self.rules = rules
        self.accounts = accounts
    }
}
