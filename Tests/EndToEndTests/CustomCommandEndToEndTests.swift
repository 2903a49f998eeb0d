import Foundation
import TestSupport
import Testing

/// config.yaml `commands:` through the real console (issue 21).
@Suite(.serialized) struct CustomCommandEndToEndTests {
    /// A config with three commands: one in the terminal that saves its stdin, one in the
    /// background, and a dangerous one.
    static func config(in directory: URL, output: String) throws -> String {
        let path = directory.appendingPathComponent("config.yaml").path
        let sample = try String(contentsOfFile: TestPaths.sample("config.yaml"), encoding: .utf8)
        try
            (sample + """

                commands:
                  - key: "P"
                    description: "save the findings as JSON"
                    command: 'cat > \(output); echo "saved $MLSOC_COUNT: $MLSOC_FINDING_IDS"'
                  - key: "B"
                    description: "echo the first title"
                    background: true
                    command: 'echo "title: $MLSOC_TITLE"'
                  - key: "J"
                    description: "open a ticket"
                    dangerous: true
                    confirm: "Open a ticket"
                    background: true
                    command: 'echo "ticket for $MLSOC_FINDING_IDS"'

                """).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the marks on stdin: the console steps aside, the command runs in the terminal, Enter brings the console back intact")
    func foreground() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try TriageEndToEndTests.store()
        let directory = try TestPaths.temporaryDirectory("mlsoc-commands")
        let output = directory.appendingPathComponent("stdin.json").path
        var environment = NavigationEndToEndTests.utf8
        environment["MLSOC_CONFIG"] = try Self.config(in: directory, output: output)
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: environment)
        try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        try tmux.send(":")
        try tmux.send("-l", "findings tool:picklescan")
        try tmux.send("Enter")
        let list = try tmux.waitFor { TriageEndToEndTests.rows($0).count == 3 }
        let ids = TriageEndToEndTests.rows(list).map(TriageEndToEndTests.id)
        try tmux.send("Space", "Space")
        try tmux.waitFor { $0.contains("2 marked") }
        try tmux.send("P")
        let outside = try tmux.waitFor { $0.contains("Press Enter to return to the console") }
        #expect(outside.contains("saved 2: \(ids[0]),\(ids[1])"))
        #expect(!outside.contains("1 Matrix"), "the console stepped aside")
        try tmux.send("Enter")
        // The frame with the rows may come before the one with the command's status line.
        let back = try tmux.waitFor {
            $0.contains("1 Matrix") && $0.contains("2 marked") && TriageEndToEndTests.rows($0).count == 3
                && $0.contains("save the findings as JSON: exit 0")
        }
        #expect(back.contains("save the findings as JSON: exit 0"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [[String: Any]])
        #expect(json.compactMap { $0["id"] as? Int }.map(String.init) == Array(ids.prefix(2)))
        #expect(json.allSatisfy { $0["tool"] as? String == "picklescan" })
        // In the background: the output in a pane, Esc closes it.
        try tmux.send("B")
        let pane = try tmux.waitFor { $0.contains("echo the first title: exit 0") && $0.contains("title: ") }
        #expect(pane.contains("Esc close"))
        try tmux.send("Escape")
        try tmux.waitFor { !$0.contains("Esc close") }
        // The dangerous one asks, runs, and is in the audit trail.
        try tmux.send("J")
        try tmux.waitFor { $0.contains("Open a ticket (2 findings)? y/Enter runs it") }
        try tmux.send("y")
        try tmux.waitFor { $0.contains("open a ticket: exit 0") }
        let history = try Shell.run([binary, "history", "--db", db, ids[0]]).stdout
        #expect(history.contains("command") && history.contains("ran J open a ticket: exit 0"))
    }

    @Test("the read-only dashboard runs the harmless command and has no dangerous one")
    func dashboard() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try TriageEndToEndTests.store()
        let directory = try TestPaths.temporaryDirectory("mlsoc-commands")
        var environment = NavigationEndToEndTests.utf8
        environment["MLSOC_CONFIG"] = try Self.config(in: directory, output: directory.appendingPathComponent("x.json").path)
        let tmux = try Tmux(command: "\(binary) dashboard --db \(db)", width: 120, height: 40, environment: environment)
        try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        try tmux.send("3")
        try tmux.waitFor { !TriageEndToEndTests.rows($0).isEmpty }
        // The harmless one runs; the dangerous one is not a key at all.
        try tmux.send("B")
        try tmux.waitFor { $0.contains("echo the first title: exit 0") }
        try tmux.send("Escape")
        try tmux.waitFor { !$0.contains("Esc close") }
        try tmux.send("J")
        Thread.sleep(forTimeInterval: 0.5)
        let after = try tmux.capture()
        #expect(!after.contains("Open a ticket") && !after.contains("open a ticket"))
        let history = try Shell.run([binary, "history", "--db", db, "1"]).stdout
        #expect(!history.contains("ran J"))
    }

    @Test("a key the Findings view already uses, or a bad entry, is an error naming config.yaml's key")
    func badConfig() throws {
        let (binary, db) = try TriageEndToEndTests.store()
        let directory = try TestPaths.temporaryDirectory("mlsoc-commands")
        let config = directory.appendingPathComponent("bad.yaml").path
        for (yaml, expected) in [
            ("commands:\n  - key: \"f\"\n    description: x\n    command: true\n", "commands[0].key: 'f' is false positive in the Findings view"),
            ("commands:\n  - key: \"Q\"\n    description: x\n    views: [models]\n    command: true\n", "commands[0] (Q).views"),
            ("commands:\n  - key: \"Q\"\n    description: x\n    timeout: 0\n    command: true\n", "commands[0] (Q).timeout"),
            ("commands:\n  - key: \"QQ\"\n    description: x\n    command: true\n", "commands[0] (QQ).key"),
        ] {
            try yaml.write(toFile: config, atomically: true, encoding: .utf8)
            let result = try Shell.run([binary, "console", "--db", db], environment: ["MLSOC_CONFIG": config, "TERM": "xterm"])
            #expect(result.status != 0 && result.stderr.contains(expected), "\(yaml): \(result.stderr)")
        }
    }
}
