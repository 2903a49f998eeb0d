import Findings
import Foundation
import TestSupport
import Testing

@testable import FindingStore

/// Metrics over time (issue 21) on a store written with a fixed clock, against a hand computation.
@Suite struct TriageMetricsTests {
    static let day: Int64 = 86_400
    /// Monday 2023-11-13 01:00 UTC.
    static let t0: Int64 = 1_699_833_600 + 3_600

    @Test("opened and closed per week, time to fix, SLA compliance per month and backlog age match a hand computation")
    func handComputed() throws {
        let store = try TestStore.make()
        let t0 = Self.t0
        let day = Self.day
        // Week 1: five findings of one tool; week 2: one of another (so nothing resolves the first five).
        _ = try store.ingest(TestStore.header("r1", at: t0)) { sink in
            for (key, severity) in [("A", Severity.critical), ("B", .high), ("C", .high), ("D", .low), ("F", .critical)] {
                try sink.add(TestStore.finding(key, severity: severity, tool: "tool1"))
            }
        }
        _ = try store.ingest(TestStore.header("r2", at: t0 + 8 * day)) { sink in
            try sink.add(TestStore.finding("E", severity: .medium, tool: "tool2"))
        }
        func triage(_ id: Int64, _ action: TriageAction, at time: Int64) throws {
            let result = try store.triage(id, expectedVersion: nil, action: action, actor: "alice", now: time)
            guard case .applied = result else {
                Issue.record("#\(id): \(result)")
                return
            }
        }
        // ids: A 1, B 2, C 3, D 4, F 5, E 6.
        try triage(5, .resolve(note: nil), at: t0 + 1 * day)  // F, critical: 1 day, on time (7)
        try triage(1, .resolve(note: nil), at: t0 + 9 * day)  // A, critical: 9 days, late
        try triage(2, .falsePositive(reason: "fixture"), at: t0 + 9 * day)  // B, high: not a fix, on time (30)
        try triage(3, .resolve(note: nil), at: t0 + 10 * day)  // C, high: 10 days
        try triage(6, .resolve(note: nil), at: t0 + 15 * day)  // E, medium: 7 days after it was first seen
        // A note and an assignment are not state changes; a reopen and close again of C would count twice.
        try triage(4, .assign("bob"), at: t0 + 3 * day)
        let now = t0 + 16 * day
        let metrics = try store.triageMetrics(since: t0, now: now)
        let week = TriageMetrics.weekStart(t0)
        #expect(week == 1_699_833_600)
        #expect(
            metrics.weeks == [
                .init(start: week, opened: 5, closed: 1), .init(start: week + 7 * day, opened: 1, closed: 3),
                .init(start: week + 14 * day, opened: 0, closed: 1),
            ])
        #expect(metrics.timeToFix[.critical] == .init(count: 2, mean: Double(5 * day), p90: Double(9 * day)))
        #expect(metrics.timeToFix[.high] == .init(count: 1, mean: Double(10 * day), p90: Double(10 * day)))
        #expect(metrics.timeToFix[.medium] == .init(count: 1, mean: Double(7 * day), p90: Double(7 * day)))
        #expect(metrics.timeToFix[.low] == nil)
        #expect(metrics.months == [.init(month: "2023-11", closed: 5, onTime: 4)])
        #expect(metrics.months.first?.percent == 80)
        #expect(metrics.backlog == [.month: [.low: 1]])
        // Scoped to a project with nothing, and to one model: nothing.
        #expect(try store.triageMetrics(since: t0, now: now, projectID: 99).weeks.allSatisfy { $0.opened == 0 && $0.closed == 0 })
        // A window that starts after the first week leaves its closes out.
        let later = try store.triageMetrics(since: t0 + 7 * day, now: now)
        #expect(later.weeks.map(\.closed) == [3, 1] && later.timeToFix[.critical]?.count == 1)
    }

    @Test("the p90 is the nearest rank; the week starts on Monday 00:00 UTC")
    func arithmetic() {
        let durations: [Int64] = Array(1...10)
        #expect(TriageMetrics.TimeToFix(durations) == .init(count: 10, mean: 5.5, p90: 9))
        #expect(TriageMetrics.TimeToFix([]) == nil)
        #expect(TriageMetrics.weekStart(1_699_833_600 + 6 * 86_400 + 86_399) == 1_699_833_600)
        #expect(TriageMetrics.weekStart(1_699_833_600 - 1) == 1_699_833_600 - 7 * 86_400)
        #expect(TriageMetrics.AgeBucket(ageSeconds: 7 * 86_400 + 5) == .week && TriageMetrics.AgeBucket(ageSeconds: 8 * 86_400) == .month)
    }
}
