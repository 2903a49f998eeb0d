import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import FindingStore

/// Four-eyes risk acceptance, ticket links and assignment counts in the store (issue 20).
@Suite struct FourEyesTests {
    static let rules = TriageRules(acceptanceApproval: true)
    static let now: Int64 = 1_700_000_100

    static func store(_ count: Int = 4) throws -> FindingStore {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r1")) { sink in
            for index in 0..<count {
                var finding = TestStore.finding("f\(index)", severity: .high)
                finding.model = index % 2 == 0 ? "m0" : nil
                try sink.add(finding)
            }
        }
        return store
    }

    static func triage(
        _ store: FindingStore, _ id: Int64, _ action: TriageAction, by actor: String, at now: Int64 = now
    ) throws -> TriageResult {
        try store.triage(id, expectedVersion: nil, action: action, actor: actor, now: now, rules: rules)
    }

    @Test("A proposes; the proposer cannot approve (not over ssh, not through sudo); another person can; every step is an event")
    func proposeApprove() throws {
        let store = try Self.store()
        let until = Self.now + 30 * 86_400
        let proposed = try Self.triage(store, 1, .acceptRisk(reason: "vendor fix in Q1", until: until), by: "alice")
        #expect(proposed == .applied(version: 2, state: .new), "still open until approved")
        #expect(try store.findingDetail(id: 1)?.proposal?.status == .proposed)
        // A second proposal waits for the first.
        if case let .refused(why) = try Self.triage(store, 1, .acceptRisk(reason: "again", until: until), by: "bob") {
            #expect(why.contains("already proposed by alice"))
        } else {
            Issue.record("a second proposal is refused")
        }
        for sameAccount in ["alice", "alice via ssh 10.0.0.9", "root (sudo by alice)"] {
            let result = try Self.triage(store, 1, .approveAcceptance(note: nil), by: sameAccount)
            guard case let .refused(why) = result else {
                Issue.record("\(sameAccount) approved her own proposal: \(result)")
                continue
            }
            #expect(why.contains("four-eyes") && why.contains("alice"))
        }
        #expect(try store.findingDetail(id: 1)?.state == .new)
        let approved = try Self.triage(store, 1, .approveAcceptance(note: "checked with the vendor"), by: "bob via ssh 10.0.0.7")
        guard case .applied(_, .accepted) = approved else {
            Issue.record("bob approves: \(approved)")
            return
        }
        let detail = try #require(try store.findingDetail(id: 1, now: Self.now))
        #expect(detail.acceptedBy == "bob via ssh 10.0.0.7" && detail.acceptedUntil == until)
        #expect(detail.proposal?.status == .approved && detail.proposal?.proposedBy == "alice")
        let kinds = detail.events.map(\.kind)
        #expect(kinds.suffix(2) == ["acceptance-proposed", "acceptance-approved"])
        #expect(detail.events.last?.reason?.contains("proposed by alice") == true)
        // The exports say who proposed and who approved.
        let row = try #require(try store.exportRows(ids: [1], now: Self.now).first)
        #expect(row.acceptedBy == "bob via ssh 10.0.0.7" && row.acceptanceProposedBy == "alice")
        #expect(try store.count(FindingQuery(filter: try FindingFilter.parse("acceptance:approved")), now: Self.now) == 1)
        #expect(try store.count(FindingQuery(filter: try FindingFilter.parse("acceptance:proposed")), now: Self.now) == 0)
    }

    @Test("reject by another person, withdraw by the proposer; without a proposal there is nothing to approve")
    func rejectWithdraw() throws {
        let store = try Self.store()
        let until = Self.now + 10 * 86_400
        if case let .refused(why) = try Self.triage(store, 2, .approveAcceptance(note: nil), by: "bob") {
            #expect(why.contains("no acceptance is proposed"))
        } else {
            Issue.record("nothing to approve")
        }
        _ = try Self.triage(store, 2, .acceptRisk(reason: "r", until: until), by: "alice")
        _ = try Self.triage(store, 3, .acceptRisk(reason: "r", until: until), by: "alice")
        #expect(try store.count(FindingQuery(filter: try FindingFilter.parse("acceptance:proposed")), now: Self.now) == 2)
        #expect(try Self.triage(store, 2, .rejectAcceptance(reason: "no compensating control"), by: "carol").isApplied)
        #expect(try Self.triage(store, 3, .rejectAcceptance(reason: "wrong finding"), by: "alice").isApplied)
        #expect(try store.findingDetail(id: 2)?.proposal?.status == .rejected)
        #expect(try store.findingDetail(id: 3)?.proposal?.status == .withdrawn)
        #expect(try store.findingDetail(id: 2)?.events.last?.kind == "acceptance-rejected")
        #expect(try store.findingDetail(id: 2)?.state == .new)
        // A rejected proposal can be proposed again.
        #expect(try Self.triage(store, 2, .acceptRisk(reason: "with a WAF rule now", until: until), by: "alice").isApplied)
    }

    @Test("an acceptance that ended goes back to proposed when extended; approving a proposal past its end is refused")
    func extendExpired() throws {
        let store = try Self.store()
        _ = try store.triage(
            4, expectedVersion: nil, action: .acceptRisk(reason: "short", until: Self.now + 86_400), actor: "alice", now: Self.now)
        #expect(try store.findingDetail(id: 4, now: Self.now)?.state == .accepted, "accepted directly before four-eyes was switched on")
        // Two days later it has ended (no writer lapsed it yet); accepting again proposes.
        let later = Self.now + 2 * 86_400
        let result = try Self.triage(store, 4, .acceptRisk(reason: "one more month", until: later + 30 * 86_400), by: "alice", at: later)
        #expect(result == .applied(version: 4, state: .new), "lapsed (version 3), then proposed (4)")
        #expect(try store.findingDetail(id: 4, now: later)?.events.suffix(2).map(\.kind) == ["acceptance-lapsed", "acceptance-proposed"])
        #expect(try store.findingDetail(id: 4, now: later)?.proposal?.status == .proposed)
        // A proposal whose end has passed cannot be approved.
        _ = try Self.triage(store, 1, .acceptRisk(reason: "brief", until: Self.now + 3_600), by: "alice")
        if case let .refused(why) = try Self.triage(store, 1, .approveAcceptance(note: nil), by: "bob", at: Self.now + 7_200) {
            #expect(why.contains("propose it again"))
        } else {
            Issue.record("an approval after the proposed end is refused")
        }
    }

    @Test("a ticket link: set, filtered, exported, audited, undone; bad links refused")
    func tickets() throws {
        let store = try Self.store()
        #expect(try Self.triage(store, 1, .ticket("JIRA-4711"), by: "alice").isApplied)
        #expect(try Self.triage(store, 2, .ticket("https://tracker.example.com/browse/SEC-9"), by: "alice").isApplied)
        if case .refused = try Self.triage(store, 1, .ticket("JIRA-4711"), by: "alice") {} else { Issue.record("the same link twice") }
        for bad in ["JIRA 1", "evil\u{1B}]52;c;x\u{07}", String(repeating: "x", count: 501)] {
            if case .refused = try Self.triage(store, 3, .ticket(bad), by: "alice") {} else { Issue.record("\(bad.prefix(20)) accepted") }
        }
        func count(_ text: String) throws -> Int { try store.count(FindingQuery(filter: try FindingFilter.parse(text)), now: Self.now) }
        #expect(try count("ticket:JIRA-*") == 1 && count("ticket:none") == 2 && count("-ticket:none") == 2 && count("ticket:*SEC-9") == 1)
        let detail = try #require(try store.findingDetail(id: 1))
        #expect(detail.ticket == "JIRA-4711" && detail.events.last?.kind == "ticket" && detail.events.last?.to == "JIRA-4711")
        #expect(try store.exportRows(ids: [2], now: Self.now).first?.ticket == "https://tracker.example.com/browse/SEC-9")
        #expect(try store.undoLast(1, actor: "alice", now: Self.now).isApplied)
        #expect(try store.findingDetail(id: 1)?.ticket == nil)
    }

    @Test("assignee:NAME, assignee:none; unassigned open counts per model and project follow assignment, triage and merges")
    func assignment() throws {
        let store = try Self.store(6)
        func count(_ text: String) throws -> Int { try store.count(FindingQuery(filter: try FindingFilter.parse(text)), now: Self.now) }
        _ = try Self.triage(store, 1, .assign("alice"), by: "bob")
        _ = try Self.triage(store, 2, .assign("alice"), by: "bob")
        _ = try Self.triage(store, 3, .assign("carol"), by: "bob")
        #expect(try count("assignee:alice") == 2 && count("assignee:none") == 3 && count("assignee:alice,carol") == 3)
        #expect(try count("assignee:me") == 0, "an unresolved `me` matches nobody called me")
        #expect(try store.count(FindingQuery(filter: try FindingFilter.parse("assignee:me").resolvingMe(as: "alice")), now: Self.now) == 2)
        func unassigned() throws -> [String: Int] {
            Dictionary(try store.modelRisks(now: Self.now).map { ($0.name, $0.unassigned) }, uniquingKeysWith: +)
        }
        // m0 has findings 1, 3, 5 (1 and 3 assigned); no model: 2, 4, 6 (2 assigned).
        #expect(try unassigned() == ["m0": 1, "(no model)": 2])
        #expect(try store.projectSummaries().first { $0.name == "default" }?.unassigned == 3)
        // A closed assigned finding is not open: nothing changes for the unassigned; unassigning adds one.
        _ = try Self.triage(store, 1, .falsePositive(reason: "fixture"), by: "bob")
        _ = try Self.triage(store, 3, .assign(nil), by: "bob")
        #expect(try unassigned() == ["m0": 2, "(no model)": 2])
        let queue = TestStore.sql(store)
        let (kept, grouped) = try queue.read { db in
            (
                try String.fetchAll(
                    db,
                    sql: "SELECT modelId || '/' || state || '=' || count FROM assignedSummary WHERE count != 0 ORDER BY 1"),
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT coalesce(modelId, 0) || '/' || state || '=' || count(*) FROM finding WHERE assignee IS NOT NULL
                        GROUP BY coalesce(modelId, 0), state ORDER BY 1
                        """)
            )
        }
        #expect(kept == grouped)
        let accounts = try store.knownAccounts()
        #expect(accounts.contains("alice") && accounts.contains("bob") && accounts.contains("carol"))
    }
}

extension TriageResult {
    var isApplied: Bool { if case .applied = self { true } else { false } }
}
