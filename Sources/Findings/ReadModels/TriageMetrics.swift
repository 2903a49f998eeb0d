/// Triage over time, from the audit trail (issue 21): findings opened and closed per week, time to
/// fix per severity, SLA compliance per month and the age of the open backlog. A finding counts in
/// the period its event happened: a close in the week it closed, not the week it opened.
public struct TriageMetrics: Sendable, Equatable {
    public struct Week: Sendable, Equatable {
        /// Unix seconds of the week's first second (Monday 00:00 UTC).
        public var start: Int64
        /// Findings first seen that week.
        public var opened: Int
        /// Moves from an open state to a closed one that week (false positive, not affected,
        /// resolved, accepted), reopenings aside.
        public var closed: Int

        public init(start: Int64, opened: Int = 0, closed: Int = 0) {
            self.start = start
            self.opened = opened
            self.closed = closed
        }
    }

    public struct TimeToFix: Sendable, Equatable {
        public var count: Int
        /// Seconds.
        public var mean: Double
        public var p90: Double

        public init(count: Int, mean: Double, p90: Double) {
            self.count = count
            self.mean = mean
            self.p90 = p90
        }

        /// Mean and 90th percentile (nearest rank) of durations in seconds.
        public init?(_ durations: [Int64]) {
            guard !durations.isEmpty else { return nil }
            let sorted = durations.sorted()
            count = sorted.count
            mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
            let rank = Int((0.9 * Double(sorted.count)).rounded(.up))
            p90 = Double(sorted[max(0, min(sorted.count - 1, rank - 1))])
        }
    }

    public struct Month: Sendable, Equatable {
        /// "2026-11".
        public var month: String
        /// Findings with an SLA due date closed that month, and how many of them on time.
        public var closed: Int
        public var onTime: Int

        public init(month: String, closed: Int = 0, onTime: Int = 0) {
            self.month = month
            self.closed = closed
            self.onTime = onTime
        }

        /// Percent on time; nil when nothing with a due date closed.
        public var percent: Double? { closed == 0 ? nil : 100 * Double(onTime) / Double(closed) }
    }

    /// Open findings by how long ago they were first seen.
    public enum AgeBucket: String, Sendable, CaseIterable {
        case week = "0-7d"
        case month = "8-30d"
        case quarter = "31-90d"
        case older = ">90d"

        public init(ageSeconds: Int64) {
            switch ageSeconds / 86_400 {
            case ..<8: self = .week
            case ..<31: self = .month
            case ..<91: self = .quarter
            default: self = .older
            }
        }
    }

    public var weeks: [Week]
    /// Time from first seen to resolved, for findings resolved in the window.
    public var timeToFix: [Severity: TimeToFix]
    public var months: [Month]
    public var backlog: [AgeBucket: [Severity: Int]]

    public init(weeks: [Week] = [], timeToFix: [Severity: TimeToFix] = [:], months: [Month] = [], backlog: [AgeBucket: [Severity: Int]] = [:]) {
        self.weeks = weeks
        self.timeToFix = timeToFix
        self.months = months
        self.backlog = backlog
    }

    /// Monday 00:00 UTC of the week holding `time`.
    public static func weekStart(_ time: Int64) -> Int64 {
        let day = Int64((Double(time) / 86_400).rounded(.down))
        // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
        let weekday = ((day % 7) + 7 + 3) % 7
        return (day - weekday) * 86_400
    }
}
