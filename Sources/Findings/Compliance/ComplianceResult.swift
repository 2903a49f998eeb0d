/// A pack evaluated over the store: for each model, each control's status and the evidence
/// behind it.
public struct ComplianceResult: Sendable, Equatable {
    public var pack: CompliancePack
    /// When it was evaluated (the window ends here).
    public var now: Int64
    public var rows: [ModelRow]

    public init(pack: CompliancePack, now: Int64, rows: [ModelRow]) {
        self.pack = pack
        self.now = now
        self.rows = rows
    }

    /// One model's controls.
    public struct ModelRow: Sendable, Equatable {
        public var model: ComplianceFacts.Model
        public var cells: [Cell]

        public init(model: ComplianceFacts.Model, cells: [Cell]) {
            self.model = model
            self.cells = cells
        }

        /// The share of applicable controls with current evidence (findings, an acceptance, or a
        /// test in the window); nil when none applies.
        public var coverage: Double? {
            let applicable = cells.filter { $0.status != .notApplicable }
            guard !applicable.isEmpty else { return nil }
            let current = applicable.filter { [.violated, .accepted, .evidenced].contains($0.status) }
            return Double(current.count) / Double(applicable.count)
        }

        /// The newest scan behind any of its controls.
        public var newestEvidence: Int64? { cells.compactMap(\.lastTested).max() }
    }

    /// One control for one model.
    public struct Cell: Sendable, Equatable {
        public var control: ComplianceControl
        public var status: ControlStatus
        /// Open and accepted findings mapped to the control, and a few of their numbers.
        public var open: Int
        public var accepted: Int
        public var findings: [Int64]
        /// The scans that tested it on this model, newest first (at most five).
        public var scans: [ComplianceFacts.Scan]
        /// The newest of them.
        public var lastTested: Int64?
        /// Why the status is what it is, in one line ("nothing tested LLM10 on support-bot in 30 days").
        public var reason: String

        public init(
            control: ComplianceControl, status: ControlStatus, open: Int = 0, accepted: Int = 0, findings: [Int64] = [],
            scans: [ComplianceFacts.Scan] = [], lastTested: Int64? = nil, reason: String
        ) {
            self.control = control
            self.status = status
            self.open = open
            self.accepted = accepted
            self.findings = findings
            self.scans = scans
            self.lastTested = lastTested
            self.reason = reason
        }
    }
}
