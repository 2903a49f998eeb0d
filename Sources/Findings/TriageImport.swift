/// A triage decision carried in by a report (CycloneDX VEX `analysis`).
public struct TriageImport: Sendable, Equatable {
    public var fingerprint: Fingerprint
    /// The VEX state as written: resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected.
    public var vexState: String
    public var justification: String?
    public var detail: String?
    public var response: [String]
    /// The state an mlsoc export recorded (`mlsoc:state`), which VEX cannot say (accepted risk).
    public var mlsocState: String?
    /// An accepted risk's end, approver and reason, as an mlsoc export recorded them.
    public var acceptedUntil: Int64?
    public var acceptedBy: String?
    public var acceptReason: String?
    /// Where the decision comes from, for its audit event (`imported-from-VEX`): a VEX analysis,
    /// or a scanner's own labels (`detect-secrets` audit marks).
    public var source = "VEX"

    public init(
        fingerprint: Fingerprint, vexState: String, justification: String?, detail: String?, response: [String],
        mlsocState: String? = nil
    ) {
        self.mlsocState = mlsocState
        self.fingerprint = fingerprint
        self.vexState = vexState
        self.justification = justification
        self.detail = detail
        self.response = response
    }

    /// Our state for the VEX one; nil for a state we do not know.
    public var state: TriageState? {
        if let mlsocState, let state = TriageState(key: mlsocState), state != .new {
            // An acceptance without its end date would never lapse: keep VEX's state instead.
            if state != .accepted || acceptedUntil != nil { return state }
        }
        return switch vexState {
        case "resolved", "resolved_with_pedigree": .resolved
        case "exploitable": .exploitable
        case "in_triage": .inTriage
        case "false_positive": .falsePositive
        case "not_affected": .notAffected
        default: nil
        }
    }
}
