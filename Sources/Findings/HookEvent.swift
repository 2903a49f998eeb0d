/// What a hook (config.yaml `hooks:`) can be run on (issue 21).
public enum HookEvent: String, Sendable, CaseIterable, Codable {
    /// A critical finding seen for the first time, open.
    case newCritical = "new-critical"
    /// An analyst changed a finding's triage state (console or `mlsoc triage`).
    case stateChange = "state-change"
    /// A risk acceptance ends within the warning days (`triage.expiry_warning_days`), once per acceptance.
    case acceptanceEnding = "acceptance-ending"
    /// A risk acceptance ended: the finding is open again.
    case acceptanceLapsed = "acceptance-lapsed"
    /// An open finding went past its SLA due date, once per finding and due date.
    case slaBreach = "sla-breach"
    /// A report in an inbox was quarantined.
    case quarantined
}
