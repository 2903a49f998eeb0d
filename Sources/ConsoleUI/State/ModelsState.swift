import Findings

/// The Models view: the risk table, and one model's detail when open.
public struct ModelsState: Sendable, Equatable {
    public var items: [ModelRisk] = []
    public var cursor = 0
    /// Substring of the name, from `/` in the Models view.
    public var nameFilter = ""
    public var detail: ModelDetailState?
    public var loaded = false
    /// The configured weights the scores use.
    public var weights = RiskWeights.standard

    public init() {}

    /// The rows shown: filtered by name, highest score first.
    public func visible() -> [ModelRisk] {
        let needle = nameFilter.lowercased()
        // Highest score first; the findings no model claims come last, whatever their score.
        return items.filter { needle.isEmpty || $0.name.lowercased().contains(needle) }
            .sorted { ($0.id != 0 ? 1 : 0, $0.score(weights: weights), $1.name) > ($1.id != 0 ? 1 : 0, $1.score(weights: weights), $0.name) }
    }
}
