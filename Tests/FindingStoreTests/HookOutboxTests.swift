import Findings
import Foundation
import TestSupport
import Testing

@testable import FindingStore

/// The hook outbox (schema v24): what writes put in it, once per cause, and where a new hook starts.
@Suite struct HookOutboxTests {
    static let t0: Int64 = 1_700_000_000

    static func store(hookEvents: Set<HookEvent>) throws -> FindingStore {
        let store = try TestStore.make()
        var header = TestStore.header("r1", at: t0)
        header.hookEvents = hookEvents
        _ = try store.ingest(header) { sink in
            for (key, severity) in [("a", Severity.critical), ("b", .high), ("c", .critical), ("d", .low)] {
                try sink.add(TestStore.finding(key, severity: severity))
            }
        }
        return store
    }

    static func kinds(_ store: FindingStore) throws -> [String] {
        try store.hookEvents(after: 0, kinds: Set(HookEvent.allCases), limit: 1_000).map(\.kind.rawValue)
    }

    @Test("new criticals go to the outbox with the ingest, only when a hook wants them")
    func newCritical() throws {
        #expect(try Self.kinds(try Self.store(hookEvents: [])).isEmpty)
        let store = try Self.store(hookEvents: [.newCritical])
        let events = try store.hookEvents(after: 0, kinds: [.newCritical], limit: 10)
        #expect(events.count == 2)
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(events[0].payload.utf8)) as? [String: Any])
        #expect(payload["event"] as? String == "new-critical" && (payload["finding"] as? [String: Any])?["severity"] as? String == "critical")
    }

    @Test("SLA breaches and acceptances ending are written once per cause; a lapse and a triage are events when wanted")
    func deadlines() throws {
        let store = try Self.store(hookEvents: [])
        var rules = TriageRules()
        rules.hookEvents = [.stateChange, .acceptanceLapsed]
        _ = try store.triage(
            4, expectedVersion: nil, action: .acceptRisk(reason: "r", until: Self.t0 + 10 * 86_400), actor: "alice", now: Self.t0, rules: rules)
        #expect(try Self.kinds(store) == ["state-change"])
        // Eight days on: the critical ones (SLA 7 days) are late; the acceptance ends within 7 days.
        let now = Self.t0 + 8 * 86_400
        let wanted: Set<HookEvent> = [.slaBreach, .acceptanceEnding]
        #expect(try store.noteHookDeadlines(now: now, events: wanted, warningDays: 7) == 3)
        #expect(try store.noteHookDeadlines(now: now + 3_600, events: wanted, warningDays: 7) == 0, "once per cause")
        #expect(try Self.kinds(store).sorted() == ["acceptance-ending", "sla-breach", "sla-breach", "state-change"])
        _ = try store.lapseAcceptances(now: Self.t0 + 11 * 86_400, hookEvents: rules.hookEvents)
        #expect(try Self.kinds(store).last == "acceptance-lapsed")
    }

    @Test("a new hook starts after the events already there; a delivery moves its cursor, a failure does not")
    func cursors() throws {
        let store = try Self.store(hookEvents: [.newCritical])
        try store.registerHooks(["late"])
        #expect(try store.hookCursor("late").lastEventId == 2)
        #expect(try store.hookEvents(after: 2, kinds: [.newCritical], limit: 10).isEmpty)
        try store.recordHookDelivery("late", delivered: nil, error: "exit 1", nextAttempt: 99)
        let failed = try store.hookCursor("late")
        #expect(failed.lastEventId == 2 && failed.attempts == 1 && failed.nextAttempt == 99 && failed.lastError == "exit 1")
        try store.recordHookDelivery("late", delivered: 5, error: nil, nextAttempt: 0)
        #expect(try store.hookCursor("late") == HookCursor(hook: "late", lastEventId: 5, attempts: 0, nextAttempt: 0, lastError: nil))
    }
}
