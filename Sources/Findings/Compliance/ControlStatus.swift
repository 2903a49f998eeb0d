/// What the evidence says about one control for one model. Never "compliant": what evidence exists.
public enum ControlStatus: String, Sendable, Equatable, CaseIterable, Codable {
    /// Open findings mapped to the control (or, for a process control, what it checks failed).
    case violated
    /// Its findings are all under an unexpired risk acceptance.
    case accepted
    /// A scan by a tool that tests it ran on the model (or its project) within the window, and
    /// nothing is open.
    case evidenced
    /// The newest such scan is older than the window.
    case stale
    /// No such scan ever ran.
    case noEvidence = "no-evidence"
    /// The pack says the control does not apply to this model (its kind or stage).
    case notApplicable = "not-applicable"

    /// How reports and the grid name it.
    public var label: String {
        switch self {
        case .violated: "violated"
        case .accepted: "accepted"
        case .evidenced: "evidenced"
        case .stale: "stale"
        case .noEvidence: "no evidence"
        case .notApplicable: "not applicable"
        }
    }
}
