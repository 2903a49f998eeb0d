import FindingStore
import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@Suite struct TriageStoreTests {
    static let now: Int64 = 1_790_000_000

    static func store(_ count: Int = 3) throws -> FindingStore {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r", at: now)) { sink in
            for index in 0..<count { try sink.add(TestStore.finding("f\(index)", severity: .high)) }
        }
        return store
    }

    func events(_ store: FindingStore, _ id: Int64) throws -> [AuditEntry] { try store.events(findingID: id) }

    @Test("a change writes the row and one audit event in the same transaction; the version moves")
    func applyAndAudit() throws {
        let store = try Self.store()
        let result = try store.triage(1, expectedVersion: 1, action: .falsePositive(reason: "test fixture"), actor: "alice", now: Self.now + 5)
        #expect(result == .applied(version: 2, state: .falsePositive))
        let event = try #require(try events(store, 1).last)
        #expect(event.kind == "state" && event.actor == "alice" && event.from == "new" && event.to == "false_positive")
        #expect(event.reason == "test fixture" && event.at == Self.now + 5)
        #expect(try store.matrixSummary().closedCount(.misconfiguration) == 1)
        // Refused and conflicting writes change nothing and write no event.
        let before = try events(store, 1).count
        #expect(
            try store.triage(1, expectedVersion: 2, action: .exploitable(note: nil), actor: "alice", now: Self.now)
                == .refused("false_positive is closed: reopen it first"))
        #expect(
            try store.triage(1, expectedVersion: 1, action: .reopen(reason: "x"), actor: "bob", now: Self.now)
                == .conflict(TriageConflict(actor: "alice", at: Self.now + 5, state: .falsePositive, version: 2)))
        #expect(try events(store, 1).count == before && store.version(of: 1) == 2)
    }

    @Test("audit rows equal the changes made, across a sequence of actions")
    func auditEqualsChanges() throws {
        let store = try Self.store()
        let actions: [TriageAction] = [
            .inTriage(note: "looking"), .assign("bob"), .note("pickle opcodes checked"),
            .exploitable(note: nil), .acceptRisk(reason: "vendor fix in Q1", until: Self.now + 30 * 86_400),
            .reopen(reason: "fix slipped"), .notAffected(justification: "code_not_reachable", detail: "dead path"),
            .reopen(reason: "path is live"), .resolve(note: "patched"), .assign(nil),
        ]
        var applied = 0
        for action in actions {
            let version = try store.version(of: 2)
            if case .applied = try store.triage(2, expectedVersion: version, action: action, actor: "alice", now: Self.now) { applied += 1 }
        }
        #expect(applied == actions.count)
        let trail = try events(store, 2).dropFirst()  // the first is "created"
        #expect(trail.map(\.kind) == ["state", "assign", "note", "state", "accept-risk", "reopen", "state", "reopen", "state", "assign"])
        #expect(try store.version(of: 2) == 1 + actions.count)
    }

    @Test("two connections: the second writer sees the version changed and overwrites nothing")
    func conflictAcrossConnections() throws {
        let store = try Self.store()
        let other = try TestStore.reopen(store)
        let seen = try #require(try store.version(of: 3))
        #expect(
            try other.triage(3, expectedVersion: seen, action: .falsePositive(reason: "dup"), actor: "bob", now: Self.now + 1)
                == .applied(version: seen + 1, state: .falsePositive))
        let second = try store.triage(
            3, expectedVersion: seen, action: .acceptRisk(reason: "r", until: Self.now + 86_400), actor: "alice",
            now: Self.now + 2)
        guard case let .conflict(conflict) = second else {
            Issue.record("expected a conflict, got \(second)")
            return
        }
        #expect(conflict.actor == "bob" && conflict.state == .falsePositive)
        #expect(conflict.message.hasPrefix("changed by bob at "))
        #expect(try store.findingDetail(id: 3)?.state == .falsePositive)
    }

    @Test("an accepted finding whose date passes is open again, with an event that says why (fixed clock)")
    func lapse() throws {
        let store = try Self.store()
        let until = Self.now + 10 * 86_400
        _ = try store.triage(1, expectedVersion: nil, action: .acceptRisk(reason: "vendor fix due", until: until), actor: "carol", now: Self.now)
        #expect(try store.expiringAcceptances(now: Self.now, days: 7) == 0)
        #expect(try store.expiringAcceptances(now: Self.now + 4 * 86_400, days: 7) == 1)
        #expect(try store.lapseAcceptances(now: until - 1) == 0)
        #expect(try store.findingDetail(id: 1, now: until - 1)?.state == .accepted)
        #expect(try store.lapseAcceptances(now: until + 1) == 1)
        let detail = try #require(try store.findingDetail(id: 1))
        #expect(detail.state == .new)
        let event = try #require(detail.events.last)
        #expect(event.kind == "acceptance-lapsed" && event.from == "accepted" && event.to == "new")
        #expect(event.reason?.hasPrefix("the risk acceptance by carol ended on ") == true && event.reason?.contains("vendor fix due") == true)
        #expect(try store.lapseAcceptances(now: until + 2) == 0)
    }

    @Test("undo restores your own last change; not someone else's, and not twice")
    func undo() throws {
        let store = try Self.store()
        _ = try store.triage(
            1, expectedVersion: nil, action: .notAffected(justification: "requires_environment", detail: nil), actor: "alice",
            now: Self.now)
        #expect(
            try store.undoLast(1, actor: "bob", now: Self.now + 1)
                == .conflict(TriageConflict(actor: "alice", at: Self.now, state: .notAffected, version: 2)))
        #expect(try store.undoLast(1, actor: "alice", now: Self.now + 2) == .applied(version: 3, state: .new))
        #expect(try store.findingDetail(id: 1)?.justification == nil)
        #expect(try store.undoLast(1, actor: "alice", now: Self.now + 3) == .refused("your last change to it cannot be undone"))
        #expect(try events(store, 1).last?.kind == "undo")
    }

    @Test("UPDATE and DELETE on the audit table fail")
    func appendOnly() throws {
        let store = try Self.store()
        _ = try store.triage(1, expectedVersion: nil, action: .note("n"), actor: "a", now: Self.now)
        let queue = TestStore.sql(store)
        #expect { try queue.write { try $0.execute(sql: "UPDATE findingEvent SET actor = 'mallory'") } } throws: { "\($0)".contains("append-only") }
        #expect { try queue.write { try $0.execute(sql: "DELETE FROM findingEvent") } } throws: { "\($0)".contains("append-only") }
    }

    @Test("bulk: each finding on its own; what changed and what was skipped, and why")
    func bulk() throws {
        let store = try Self.store()
        _ = try store.triage(2, expectedVersion: nil, action: .falsePositive(reason: "earlier"), actor: "bob", now: Self.now)
        let results = try store.triage(
            [(1, 1), (2, nil), (3, 1), (99, nil)], action: .falsePositive(reason: "bulk"), actor: "alice",
            now: Self.now + 1)
        #expect(
            results == [
                .applied(version: 2, state: .falsePositive), .refused("already false_positive"),
                .applied(version: 2, state: .falsePositive), .missing,
            ])
    }
}
