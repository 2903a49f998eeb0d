/// The values Tab offers in the filter line, read from the store when the line opens: tools,
/// models and rule ids (each capped: a registry may hold 200k models). Projects and states come
/// from the console's own state.
public struct FilterVocabulary: Sendable, Equatable {
    public var tools: [String]
    public var models: [String]
    public var rules: [String]

    public init(tools: [String] = [], models: [String] = [], rules: [String] = []) {
        self.tools = tools
        self.models = models
        self.rules = rules
    }
}
