import Findings

/// What a cell means; the theme decides how that looks. Views never name colours.
public enum StyleRole: String, Sendable, CaseIterable, Equatable {
    case normal
    case header
    case headerAccent
    case footer
    case footerKey
    case muted
    case border
    case title
    case selection
    case severityCritical
    case severityHigh
    case severityMedium
    case severityLow
    case severityInfo
    case heat0
    case heat1
    case heat2
    case heat3
    case heat4
    case flash
    case error
    case lock
    case tab
    case tabActive
    case prompt
    case promptCursor
    case overdue
    case evidence
    case form
    case marked

    public static func severity(_ s: Severity) -> StyleRole {
        switch s {
        case .critical: .severityCritical
        case .high: .severityHigh
        case .medium: .severityMedium
        case .low: .severityLow
        case .info: .severityInfo
        }
    }

    /// Heat level 0 (no open risk) to 4 (the hottest cell).
    public static func heat(_ level: Int) -> StyleRole {
        switch level {
        case ...0: .heat0
        case 1: .heat1
        case 2: .heat2
        case 3: .heat3
        default: .heat4
        }
    }
}
