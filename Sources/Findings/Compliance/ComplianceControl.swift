/// One control of a pack: its id and clause, which findings violate it, which tools' scans test
/// it, and which models it applies to.
public struct ComplianceControl: Sendable, Equatable {
    /// The framework's id (`LLM01`, `AML.T0051`, `MEASURE 2.7`, `Art.15(5)`, `A.6.2.4`).
    public var id: String
    /// A short title in mlsoc's own words.
    public var title: String
    /// The clause or section it comes from.
    public var clause: String
    /// Model kinds it applies to (`model`, `dataset`); empty: all.
    public var kinds: [String]
    /// Lifecycle stages it applies to (`design`, `develop`, `deploy`, `monitor`); empty: all. A
    /// model without a stage is in scope of every control.
    public var stages: [String]
    /// Findings in these matrix cells violate it.
    public var threats: [Threat]
    /// Findings carrying these ids violate it (`LLM01`, `AML.T0051` also matches `AML.T0051.000`, `CWE-502`).
    public var ids: [String]
    /// Scans by these tools test it.
    public var testedBy: [String]
    /// A process control, evidenced by the audit trail rather than by findings.
    public var process: ProcessCheck?
    /// Arguments that make a tool's run test this control (`garak: --probes promptinject,dan`),
    /// for `mlsoc compliance gaps`.
    public var run: [String: String]

    public init(
        id: String, title: String, clause: String, kinds: [String] = [], stages: [String] = [], threats: [Threat] = [],
        ids: [String] = [], testedBy: [String] = [], process: ProcessCheck? = nil, run: [String: String] = [:]
    ) {
        self.run = run
        self.id = id
        self.title = title
        self.clause = clause
        self.kinds = kinds
        self.stages = stages
        self.threats = threats
        self.ids = ids
        self.testedBy = testedBy
        self.process = process
    }

    /// What a process control looks at.
    public enum ProcessCheck: String, Sendable, Equatable, CaseIterable {
        /// The model was scanned again within the window (continuous risk management, monitoring).
        case rescan
        /// No open finding of the model is past its SLA due date, and it was scanned in the window.
        case sla
        /// Risk decisions are recorded: triage events on the model's findings in the window, and
        /// every acceptance has an approver and an end date.
        case triage
    }

    /// True when a finding with these ids in this cell is one the control is about.
    public func matches(threat: Threat, ids found: [String]) -> Bool {
        if threats.contains(threat) { return true }
        return found.contains { id in ids.contains { id == $0 || id.hasPrefix($0 + ".") } }
    }

    /// True when the control applies to a model of this kind at this stage.
    public func applies(kind: String, stage: String?) -> Bool {
        (kinds.isEmpty || kinds.contains(kind)) && (stages.isEmpty || stage.map(stages.contains) ?? true)
    }
}
