import Findings

public struct ModelDetailState: Sendable, Equatable {
    public var model: ModelRisk
    public var breakdown: ModelBreakdown?
    public var top: [FindingRow] = []
    /// Open findings past their SLA due date, soonest overdue first.
    public var overdue: [FindingRow] = []
    public var scroll = 0

    public init(model: ModelRisk) {
        self.model = model
    }
}
