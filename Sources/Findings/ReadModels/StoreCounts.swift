/// The store's counts for monitoring (`mlsoc metrics --prometheus`): findings by project, severity
/// and state; open findings past their SLA by project and severity; acceptances waiting for
/// approval and the last scan, by project.
public struct StoreCounts: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var project: String
        public var severity: Severity
        public var state: TriageState
        public var count: Int

        public init(project: String, severity: Severity, state: TriageState, count: Int) {
            self.project = project
            self.severity = severity
            self.state = state
            self.count = count
        }
    }

    public struct Breach: Sendable, Equatable {
        public var project: String
        public var severity: Severity
        public var count: Int

        public init(project: String, severity: Severity, count: Int) {
            self.project = project
            self.severity = severity
            self.count = count
        }
    }

    public var findings: [Cell]
    public var slaBreaches: [Breach]
    public var proposedAcceptances: [String: Int]
    /// Unix seconds of each project's last scan (projects that have one).
    public var lastScan: [String: Int64]
    /// When the counts were read.
    public var at: Int64

    public init(
        findings: [Cell] = [], slaBreaches: [Breach] = [], proposedAcceptances: [String: Int] = [:], lastScan: [String: Int64] = [:],
        at: Int64 = 0
    ) {
        self.findings = findings
        self.slaBreaches = slaBreaches
        self.proposedAcceptances = proposedAcceptances
        self.lastScan = lastScan
        self.at = at
    }
}
