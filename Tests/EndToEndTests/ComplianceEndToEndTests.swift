import Foundation
import TestSupport
import Testing

/// Compliance evidence through the real binary on the sample reports (with the demo config, so the
/// models have stages): the report in every format, and in tmux matrix → compliance → cell →
/// finding, with a triage elsewhere changing the cell live.
@Suite(.serialized) struct ComplianceEndToEndTests {
    static func store() throws -> (binary: String, db: String, env: [String: String]) {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-compliance")
        var env = ProcessInfo.processInfo.environment
        env["MLSOC_CONFIG"] = TestPaths.sample("config.yaml")
        env["XDG_CONFIG_HOME"] = try TestPaths.temporaryDirectory("mlsoc-compliance-xdg").path
        #expect(try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")], environment: env).status == 0)
        return (binary, db, env)
    }

    @Test("mlsoc compliance: text, markdown and JSON agree; --at moves the window; a bad pack name lists the packs")
    func report() throws {
        let (binary, db, env) = try Self.store()
        let json = try Shell.run([binary, "compliance", "--db", db, "--pack", "owasp-llm-2025", "--format", "json"], environment: env)
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "mlsoc.compliance/1")
        let models = try #require(document["models"] as? [[String: Any]])
        let fraud = try #require(models.first { $0["name"] as? String == "fraud-detector" })
        let controls = try #require(fraud["controls"] as? [[String: Any]])
        let supply = try #require(controls.first { $0["id"] as? String == "LLM03" })
        #expect(supply["status"] as? String == "violated" && (supply["open"] as? Int ?? 0) > 0)
        let statuses = Set(models.flatMap { ($0["controls"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String } })
        #expect(statuses.isSuperset(of: ["violated", "evidenced", "no-evidence", "not-applicable"]), "\(statuses)")
        // The same statuses in the markdown report, with the report hashes of the scans behind them.
        let markdown = try Shell.run([binary, "compliance", "--db", db, "--pack", "owasp-llm-2025", "--format", "markdown"], environment: env)
        #expect(markdown.stdout.hasPrefix("# Compliance evidence: OWASP Top 10 for LLM Applications"))
        let hashes = (supply["scans"] as? [[String: Any]] ?? []).compactMap { $0["sha256"] as? String }
        #expect(!hashes.isEmpty && hashes.allSatisfy { markdown.stdout.contains($0) })
        // Forty days on, what was evidenced is stale.
        let later = try Shell.run(
            [binary, "compliance", "--db", db, "--pack", "owasp-llm-2025", "--format", "json", "--at", "+40d"], environment: env)
        let aged = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        let agedStatuses = Set(
            (aged["models"] as? [[String: Any]] ?? []).flatMap { ($0["controls"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String } })
        #expect(agedStatuses.contains("stale") && !agedStatuses.contains("evidenced"), "\(agedStatuses)")
        let bad = try Shell.run([binary, "compliance", "--db", db, "--pack", "owasp-2021"], environment: env)
        #expect(bad.status != 0 && bad.stderr.contains("owasp-llm-2025") && bad.stderr.contains("eu-ai-act"), "\(bad.stderr)")
    }

    @Test("tmux: matrix → compliance → cell → finding, and a triage elsewhere changes the cell live")
    func console() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db, env) = try Self.store()
        var screenEnv = NavigationEndToEndTests.utf8
        screenEnv["MLSOC_CONFIG"] = env["MLSOC_CONFIG"]
        screenEnv["XDG_CONFIG_HOME"] = env["XDG_CONFIG_HOME"]
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 40, environment: screenEnv)
        try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        try tmux.send("6")
        let grid = try tmux.waitFor { $0.contains("OWASP Top 10 for LLM Applications") && $0.contains("COVER") }
        // Down to fraud-detector's row, across to LLM03: the cell says violated, with its findings.
        let names = grid.split(separator: "\n").map(String.init).filter { $0.contains("%") }
        let row = try #require(names.firstIndex { $0.contains("fraud-detector 2.3.0") })
        for _ in 0..<row { try tmux.send("j") }
        try tmux.send("l", "l")
        let cell = try tmux.waitFor { $0.contains("LLM03  Model files") && $0.contains("on fraud-detector 2.3.0") }
        #expect(cell.contains("violated") && cell.contains("Enter lists them"), "\(cell)")
        try tmux.send("Enter")
        let list = try tmux.waitFor { $0.contains("model:fraud-detector") && TriageEndToEndTests.rows($0).count > 0 }
        #expect(list.contains("threat:malware-distribution,integration-issues"))
        try tmux.send("Enter")
        let detail = try tmux.waitFor { $0.contains("why here") }
        #expect(detail.contains("fraud-detector"))
        // Back to the grid, onto credit-advisor's LLM04 (violated); accepting its findings from the
        // command line turns the cell to accepted within the console's refresh.
        try tmux.send("Escape", "Escape")
        try tmux.waitFor { $0.contains("COVER") }
        let advisor = try #require(names.firstIndex { $0.contains("credit-advisor") })
        for _ in 0..<(row - advisor) { try tmux.send("k") }
        try tmux.send("l")
        let before = try tmux.waitFor { $0.contains("LLM04  Training data") && $0.contains("on credit-advisor") }
        #expect(before.contains("violated"), "\(before)")
        let open = try Shell.run([binary, "findings", "--db", db, "model:credit-advisor", "state:open", "--json"], environment: env)
        let ids = ((try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }
        #expect(!ids.isEmpty)
        let accept = try Shell.run(
            [binary, "triage", "--db", db] + ids.map(String.init) + ["--state", "accepted", "--reason", "gateway filter", "--accept-until", "+30d"],
            environment: env)
        #expect(accept.status == 0, "\(accept.stderr)")
        let after = try tmux.waitFor(timeout: 15) { $0.contains("status   a accepted") && $0.contains("on credit-advisor") }
        #expect(after.contains("under a risk acceptance in force"), "\(after)")
        // Enter on the accepted cell: the acceptances behind it, each with its approver and end date.
        try tmux.send("Enter")
        let accepted = try tmux.waitFor { $0.contains("state:accepted") && TriageEndToEndTests.rows($0).count > 0 }
        #expect(TriageEndToEndTests.rows(accepted).allSatisfy { $0.contains("accepted") })
        try tmux.send("Enter")
        let acceptance = try tmux.waitFor { $0.contains("why here") }
        #expect(acceptance.contains("gateway filter") && acceptance.contains("accepted") && acceptance.contains("until"), "\(acceptance)")
    }
}
