import Foundation
import TestSupport
import Testing

/// Four-eyes risk acceptance and ticket links through the real console and CLI on a real store
/// (issue 20). Two people act through the debug builds' MLSOC_TEST_ACCOUNT hook.
@Suite(.serialized) struct FourEyesEndToEndTests {
    /// The sample store with `triage.acceptance_approval: required` in its config.
    static func store() throws -> (binary: String, db: String, config: String) {
        let (binary, db) = try TriageEndToEndTests.store()
        let config = try TestPaths.temporaryDirectory("mlsoc-config").appendingPathComponent("config.yaml").path
        let sample = try String(contentsOfFile: TestPaths.sample("config.yaml"), encoding: .utf8)
        try (sample + "\ntriage:\n  acceptance_approval: required\n").write(toFile: config, atomically: true, encoding: .utf8)
        return (binary, db, config)
    }

    static func console(_ binary: String, _ db: String, _ config: String, as account: String) throws -> Tmux {
        var environment = NavigationEndToEndTests.utf8
        environment["MLSOC_CONFIG"] = config
        environment["MLSOC_TEST_ACCOUNT"] = account
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: environment)
        try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        return tmux
    }

    @Test("alice proposes an acceptance and cannot approve it; bob finds it in :proposals and approves; the VEX says who")
    func proposeAndApprove() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db, config) = try Self.store()
        let alice = try Self.console(binary, db, config, as: "alice")
        try alice.send(":")
        try alice.send("-l", "findings tool:picklescan state:open")
        try alice.send("Enter")
        let list = try alice.waitFor { TriageEndToEndTests.rows($0).count == 3 }
        let id = TriageEndToEndTests.id(TriageEndToEndTests.rows(list)[0])
        try alice.send("A")
        try alice.waitFor { $0.contains("Propose a risk acceptance (another person approves it)") }
        try alice.send("-l", "vendor fix due in Q1")
        try alice.send("Enter")
        try alice.waitFor { $0.contains("#\(id): acceptance proposed: awaiting another person's approval (new)") }
        // The proposer cannot approve.
        try alice.send("a")
        let refused = try alice.waitFor { $0.contains("four-eyes") }
        #expect(refused.contains("four-eyes: alice proposed this acceptance, so another account must approve it"))
        // Another person finds it in the queue and approves it.
        let bob = try Self.console(binary, db, config, as: "bob")
        try bob.send(":")
        try bob.send("-l", "proposals")
        try bob.send("Enter")
        let queue = try bob.waitFor { $0.contains("acceptance:proposed") && TriageEndToEndTests.rows($0).count == 1 }
        #expect(TriageEndToEndTests.id(TriageEndToEndTests.rows(queue)[0]) == id)
        try bob.send("a")
        try bob.waitFor { $0.contains("#\(id): acceptance approved (accepted)") }
        try bob.waitFor { $0.contains("No findings match") }
        // The audit trail has every step; the VEX export says who proposed and who approved.
        let history = try Shell.run([binary, "history", "--db", db, id], environment: ["MLSOC_CONFIG": config]).stdout
        #expect(history.contains("acceptance-proposed") && history.contains("acceptance-approved") && history.contains("bob"))
        let vex = try Shell.run([binary, "export", "--db", db, "--format", "vex", "--filter", "id:\(id)"]).stdout
        // On PostgreSQL the account is the OS account with the database role ("alice via PostgreSQL role …").
        #expect(
            vex.range(of: "risk accepted by alice( via [^,]+)?, approved by bob", options: .regularExpression) != nil, "\(vex.prefix(2_000))")
        #expect(vex.contains("mlsoc:acceptance-approved-by") && vex.contains("mlsoc:acceptance-proposed-by"))
    }

    @Test("the CLI: --state accepted proposes, --approve by the proposer is refused (exit 1), by another works; --reject; --ticket")
    func cli() throws {
        let (binary, db, config) = try Self.store()
        func triage(_ account: String, _ arguments: [String]) throws -> Shell.Result {
            try Shell.run(
                [binary, "triage", "--db", db] + arguments, environment: ["MLSOC_CONFIG": config, "MLSOC_TEST_ACCOUNT": account])
        }
        let proposed = try triage("alice", ["1", "2", "--state", "accepted", "--reason", "compensating WAF rule", "--accept-until", "+20d"])
        #expect(proposed.status == 0 && proposed.stdout.contains("#1: acceptance proposed (awaiting another person's approval) -> new"))
        let own = try triage("alice", ["1", "--approve"])
        #expect(own.status == 1 && own.stdout.contains("refused: four-eyes"))
        let other = try triage("carol", ["1", "--approve", "--note", "WAF rule checked"])
        #expect(other.status == 0 && other.stdout.contains("#1: acceptance approved -> accepted"))
        let rejected = try triage("carol", ["2", "--reject", "--reason", "no WAF in front of this one"])
        #expect(rejected.status == 0 && rejected.stdout.contains("acceptance rejected"))
        let noReason = try triage("carol", ["2", "--reject"])
        #expect(noReason.status != 0 && noReason.stderr.contains("--reject needs --reason"))
        let queue = try Shell.run([binary, "findings", "--db", db, "acceptance:proposed"], environment: ["MLSOC_CONFIG": config])
        #expect(!queue.stdout.contains(" 1 ") && !queue.stdout.contains(" 2 "))
        // Tickets: set, shown in the JSON export, filtered; a bad one refused before anything is written.
        #expect(try triage("alice", ["3", "--ticket", "https://tracker.example.com/browse/SEC-9"]).status == 0)
        let bad = try triage("alice", ["3", "--ticket", "SEC 9"])
        #expect(bad.status != 0 && bad.stderr.contains("bad --ticket"))
        let json = try Shell.run([binary, "export", "--db", db, "--format", "json", "--filter", "ticket:*SEC-9"]).stdout
        #expect(json.components(separatedBy: "\"id\":").count == 2 && json.contains("\"ticket\":\"https://tracker.example.com/browse/SEC-9\""))
        let sarif = try Shell.run([binary, "export", "--db", db, "--format", "sarif", "--filter", "id:3"]).stdout
        #expect(sarif.contains("\"workItemUris\"") && sarif.contains("SEC-9"))
    }
}
