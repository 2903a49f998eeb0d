/// Where one model's score comes from: its matrix, and open findings by target and by tool; and
/// what its ML-BOM says: the model card's main facts and its lineage.
public struct ModelBreakdown: Sendable, Equatable {
    public var byTarget: [GroupCounts]
    public var byTool: [GroupCounts]
    public var matrix: MatrixSummary
    /// Model card facts as (label, value), in a fixed order: task, approach, architecture, metrics, uses.
    public var card: [CardFact]
    /// Datasets the model card names (for a model), or models trained on it (for a dataset).
    public var lineage: [String]

    public init(
        byTarget: [GroupCounts] = [], byTool: [GroupCounts] = [], matrix: MatrixSummary = MatrixSummary(),
        card: [CardFact] = [], lineage: [String] = []
    ) {
        self.byTarget = byTarget
        self.byTool = byTool
        self.matrix = matrix
        self.card = card
        self.lineage = lineage
    }
}
