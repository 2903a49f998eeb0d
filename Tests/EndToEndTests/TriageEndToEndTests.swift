import Foundation
import TestSupport
import Testing

/// Triage through the real console and CLI on a real store: a SQLite file, or with
/// MLSOC_TEST_BACKEND=postgres a database on the test server (`make test` runs both).
@Suite(.serialized) struct TriageEndToEndTests {
    static func store() throws -> (binary: String, db: String) {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-triage")
        #expect(try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")]).status == 0)
        return (binary, db)
    }

    static func rows(_ screen: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter {
            $0.range(of: #"^.? *[0-9]+ (crit|high|med|low|info) "#, options: .regularExpression) != nil
        }
    }

    static func id(_ row: String) -> String {
        String(row.drop { !$0.isNumber }.prefix { $0.isNumber })
    }

    @Test("mark three findings, bulk false positive with a reason: they leave the open queue and show in the audit view")
    func bulkFalsePositive() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try Self.store()
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: NavigationEndToEndTests.utf8)
        try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        try tmux.send(":")
        try tmux.send("-l", "findings tool:picklescan state:open")
        try tmux.send("Enter")
        let list = try tmux.waitFor { Self.rows($0).count == 3 }
        let ids = Self.rows(list).map(Self.id)
        #expect(ids.count == 3)
        try tmux.send("Space", "Space", "Space")
        try tmux.waitFor { $0.contains("3 marked") }
        try tmux.send("f")
        try tmux.waitFor { $0.contains("Mark as false positive: 3 findings") }
        try tmux.send("-l", "test fixtures, never loaded")
        try tmux.send("Enter")
        let after = try tmux.waitFor { $0.contains("3 changed") }
        #expect(after.contains("3 changed"))
        let emptied = try tmux.waitFor { Self.rows($0).isEmpty && $0.contains("No findings match") }
        #expect(emptied.contains("No findings match"), "they left the open queue")
        try tmux.send("5")
        let audit = try tmux.waitFor { $0.contains("false_positive") }
        for id in ids { #expect(audit.contains("#\(id)"), "audit shows #\(id)") }
        #expect(audit.contains("test fixtures, never loaded"))
        let history = try Shell.run([binary, "history", "--db", db, ids[0]])
        #expect(history.stdout.contains("new -> false_positive") && history.stdout.contains("test fixtures, never loaded"))
    }

    @Test("two consoles change the same finding: the second is told who changed it and overwrites nothing")
    func conflict() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try Self.store()
        let first = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: NavigationEndToEndTests.utf8)
        let second = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: NavigationEndToEndTests.utf8)
        for tmux in [first, second] {
            try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
            try tmux.send(":")
            try tmux.send("-l", "findings tool:picklescan")
            try tmux.send("Enter")
            try tmux.waitFor { Self.rows($0).count == 3 }
        }
        // Both look at the first row; the first console marks it false positive.
        try first.send("f")
        try first.waitFor { $0.contains("Mark as false positive") }
        try first.send("-l", "duplicate of the modelscan finding")
        try first.send("Enter")
        try first.waitFor { $0.contains(": now false_positive") }
        // The second still shows the old version (it refreshes within a second, so act at once: the
        // form opened before the refresh keeps the version it saw).
        try second.send("A")
        try second.waitFor { $0.contains("Accept the risk") }
        try second.send("-l", "accept it")
        try second.send("Enter")
        let told = try second.waitFor { $0.contains("changed by") || $0.contains("is closed") }
        #expect(told.contains("changed by") && told.contains("now false_positive") || told.contains("false_positive is closed"), "\(told)")
        let state = try Shell.run([binary, "findings", "--db", db, "tool:picklescan", "state:accepted"])
        #expect(state.stdout.contains("0 findings"), "nothing was overwritten")
    }

    @Test("the CLI: triage with reasons, refusals, accept-until, assign, note, history")
    func cli() throws {
        let (binary, db) = try Self.store()
        let ok = try Shell.run([binary, "triage", "--db", db, "1", "2", "--state", "false_positive", "--reason", "fixture"])
        #expect(ok.status == 0 && ok.stdout.contains("#1: state -> false_positive"), "\(ok.stdout)\(ok.stderr)")
        let refused = try Shell.run([binary, "triage", "--db", db, "1", "--state", "in_triage"])
        #expect(refused.status == 1 && refused.stdout.contains("#1: refused: false_positive is closed: reopen it first"))
        let noReason = try Shell.run([binary, "triage", "--db", db, "3", "--state", "false_positive"])
        #expect(noReason.status == 1 && noReason.stdout.contains("a reason is required"))
        let badDate = try Shell.run([binary, "triage", "--db", db, "3", "--state", "accepted", "--reason", "r", "--accept-until", "someday"])
        #expect(badDate.status != 0 && badDate.stderr.contains("bad --accept-until 'someday'"))
        let accepted = try Shell.run([
            binary, "triage", "--db", db, "3", "--state", "accepted", "--reason", "vendor fix", "--accept-until", "+30d",
            "--assign", "alice", "--note", "tracked in JIRA-1",
        ])
        #expect(accepted.status == 0, "\(accepted.stdout)")
        let stale = try Shell.run([binary, "triage", "--db", db, "4", "--state", "in_triage", "--if-version", "99"])
        #expect(stale.status == 1 && stale.stdout.contains("not changed: changed by"))
        let history = try Shell.run([binary, "history", "--db", db, "3"])
        for text in ["created", "accept-risk", "vendor fix (until ", "assign", "alice", "note", "tracked in JIRA-1"] {
            #expect(history.stdout.contains(text), "history lacks \(text)")
        }
    }
}

@Suite struct ContentionEndToEndTests {
    /// On the server (MLSOC_TEST_BACKEND=postgres) the writers fight over the first findings of
    /// an ingested store, 250 changes each (a server round trip per statement, in a debug build).
    @Test("8 writer processes × conflicting changes: no lost update, SQLITE_BUSY never surfaces, audit = changes")
    func eightWriters() throws {
        let bench = try #require(Shell.benchBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-contention")
        var arguments = ["contention", "--db", db, "--writers", "8", "--json"]
        var changes = 1_000
        if !TestStore.onSQLite {
            let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
            #expect(try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")]).status == 0)
            changes = 250
            arguments.append("--existing")
        }
        let result = try Shell.run([bench] + arguments + ["--changes", "\(changes)"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["applied"] as? Int == 8 * changes)
        #expect(report["auditEvents"] as? Int == 8 * changes)
        #expect(report["versionsGained"] as? Int == 8 * changes)
        #expect(report["lostUpdates"] as? Int == 0)
        #expect(report["busyErrors"] as? Int == 0)
        #expect((report["conflictsRetried"] as? Int ?? 0) > 0, "the writers really did collide")
        #expect(report["quickCheck"] as? String == (TestStore.onSQLite ? "ok" : "n/a (server)"))
    }

    @Test("y writes a valid OSC 52 sequence whose base64 is the finding as one TSV line, and nothing raw from a report")
    func copyOverOSC52() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try TriageEndToEndTests.store()
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: NavigationEndToEndTests.utf8)
        try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        try tmux.send(":")
        try tmux.send("-l", "findings tool:picklescan state:open")
        try tmux.send("Enter")
        let list = try tmux.waitFor { TriageEndToEndTests.rows($0).count == 3 }
        let id = TriageEndToEndTests.id(TriageEndToEndTests.rows(list)[0])
        let output = try TestPaths.temporaryDirectory("mlsoc-osc52").appendingPathComponent("pane.bytes").path
        try tmux.pipe(to: output)
        try tmux.send("y")
        try tmux.waitFor { $0.contains("copied 1 finding to your clipboard") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        let text = String(decoding: bytes, as: UTF8.self)
        let start = try #require(text.range(of: "\u{1B}]52;c;"))
        let end = try #require(text[start.upperBound...].firstIndex(of: "\u{07}"))
        let payload = String(text[start.upperBound..<end])
        #expect(payload.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) }, "base64 only: \(payload)")
        let copied = String(decoding: try #require(Data(base64Encoded: payload)), as: UTF8.self)
        // What mlsoc itself says about the finding, as the TSV line y copies.
        let json = try Shell.run([binary, "findings", "--db", db, "id:\(id)", "--json"])
        let finding = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first)
        let keys = ["severity", "state", "tool", "rule", "model", "location", "title"]
        let values: [String] = keys.map { key in finding[key] as? String ?? "" }
        let expected = (["#\(id)"] + values).joined(separator: "\t")
        #expect(copied == expected)
        // The only escape sequences in the pane's output are the terminal's own (CSI, the OSC 52).
        #expect(!text.contains("\u{1B}]0;") && !text.contains("\u{1B}P"))
    }
}
