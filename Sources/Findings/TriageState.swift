/// Triage states, named as CycloneDX VEX / Dependency-Track name them so VEX export is lossless.
public enum TriageState: Int, Sendable, CaseIterable, Codable, CustomStringConvertible {
    case new = 0
    case inTriage = 1
    case exploitable = 2
    case falsePositive = 3
    case notAffected = 4
    case resolved = 5
    case accepted = 6

    /// The VEX-compatible identifier.
    public var key: String {
        switch self {
        case .new: "new"
        case .inTriage: "in_triage"
        case .exploitable: "exploitable"
        case .falsePositive: "false_positive"
        case .notAffected: "not_affected"
        case .resolved: "resolved"
        case .accepted: "accepted"
        }
    }

    public var description: String { key }

    public init?(key: String) {
        guard let found = TriageState.allCases.first(where: { $0.key == key.lowercased() }) else { return nil }
        self = found
    }

    /// Open = new, in triage, exploitable; everything else is closed.
    public var isOpen: Bool {
        switch self {
        case .new, .inTriage, .exploitable: true
        case .falsePositive, .notAffected, .resolved, .accepted: false
        }
    }

    /// States an ingest may reopen when the finding shows up again.
    public var reopensOnReappearance: Bool { self == .resolved }
}
