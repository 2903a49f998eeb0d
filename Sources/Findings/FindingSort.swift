/// The orders the findings table offers. Each is a keyset walk; severity and age use indexes.
public enum FindingSort: String, Sendable, CaseIterable, Codable {
    /// Most severe first (finding_by_severity / finding_by_cell).
    case severity
    /// Most recently first seen first (the rowid).
    case newest
    /// Oldest first (the rowid).
    case oldest
    /// Soonest SLA due date first (open and accepted findings); findings without one, and closed ones, last.
    case due

    /// The column the table marks as sorted.
    public var column: String {
        switch self {
        case .severity: "SEV"
        case .newest, .oldest: "ID"
        case .due: "DUE"
        }
    }
}
