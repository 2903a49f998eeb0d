/// Days allowed to fix a finding, by severity (DESIGN.md §4; configurable).
public struct SLAPolicy: Sendable, Equatable {
    public var days: [Severity: Int]

    public init(days: [Severity: Int] = [.critical: 7, .high: 30, .medium: 90, .low: 120]) {
        self.days = days
    }

    public static let standard = SLAPolicy()

    /// The due time (seconds since the epoch) for a finding first seen at `firstSeen`, or nil when
    /// the severity has no SLA (info by default).
    public func due(severity: Severity, firstSeen: Int64) -> Int64? {
        guard let days = days[severity] else { return nil }
        return firstSeen + Int64(days) * 86_400
    }
}
