/// A risk acceptance waiting for, or decided by, a second account (four-eyes acceptance, DefectDojo's
/// Risk Acceptance workflow): switched on by `triage.acceptance_approval: required`.
public struct AcceptanceProposal: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// Waiting for another account.
        case proposed
        /// Another account approved it: the finding was accepted.
        case approved
        /// Another account rejected it: the finding stays as it was.
        case rejected
        /// Its proposer took it back (a rejection by the proposer).
        case withdrawn
    }

    public var id: Int64
    public var findingID: Int64
    public var proposedBy: String
    public var proposedAt: Int64
    public var reason: String
    public var until: Int64
    public var status: Status
    public var decidedBy: String?
    public var decidedAt: Int64?
    public var decision: String?

    public init(
        id: Int64, findingID: Int64, proposedBy: String, proposedAt: Int64, reason: String, until: Int64, status: Status,
        decidedBy: String? = nil, decidedAt: Int64? = nil, decision: String? = nil
    ) {
        self.id = id
        self.findingID = findingID
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.reason = reason
        self.until = until
        self.status = status
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decision = decision
    }

    /// The person behind an actor as the audit trail records it ("alice via ssh 10.0.0.5", "root
    /// (sudo by alice)"): the sudo user when there is one, else the account. Four-eyes compares these,
    /// so the same person over ssh, from another host or through sudo is still the same person.
    public static func person(_ actor: String) -> String {
        func after(_ marker: String) -> Substring? {
            var rest = Substring(actor)
            while !rest.isEmpty {
                if rest.hasPrefix(marker) { return rest.dropFirst(marker.count) }
                rest = rest.dropFirst()
            }
            return nil
        }
        if let sudo = after(" (sudo by ") { return String(sudo.prefix { $0 != ")" }) }
        var account = Substring(actor)
        if let via = after(" via ") { account = account.dropLast(via.count + " via ".count) }
        return String(account).trimmingASCIIWhitespace()
    }
}
