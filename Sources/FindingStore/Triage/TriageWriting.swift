import Findings

/// What may change triage. The console gets one; the dashboard gets none, so no code path of the
/// dashboard can reach a write, whatever its keys or effects.
public protocol TriageWriting: Sendable {
    func triage(
        _ targets: [(id: Int64, version: Int?)], action: TriageAction, actor: String, now: Int64, rules: TriageRules,
        weights: RiskWeights
    ) throws -> [TriageResult]
    func undoLast(_ id: Int64, actor: String, now: Int64, weights: RiskWeights) throws -> TriageResult
    /// Records that a dangerous custom command ran for these findings (an audit event each).
    func recordCommand(ids: [Int64], actor: String, now: Int64, reason: String) throws
}
