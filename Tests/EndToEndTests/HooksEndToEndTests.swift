import Foundation
import TestSupport
import Testing

/// Hooks from the store's outbox (issue 21): at least once across a kill -9, back-off, test, quarantine.
@Suite(.serialized) struct HooksEndToEndTests {
    struct Setup {
        var binary: String
        var directory: URL
        var db: String
        var config: String
        var delivered: String

        /// config.yaml with one hook running `command` (`$OUT` is the delivered file).
        func configure(_ command: String, on events: String = "new-critical, state-change, quarantined") throws {
            let sample = try String(contentsOfFile: TestPaths.sample("config.yaml"), encoding: .utf8)
            let hook = "\nhooks:\n  - name: recorder\n    on: [\(events)]\n    timeout: 60\n    command: '\(command)'\n"
            try (sample + hook).write(toFile: config, atomically: true, encoding: .utf8)
        }

        func mlsoc(_ arguments: [String]) throws -> Shell.Result {
            try Shell.run([binary] + arguments, environment: ["MLSOC_CONFIG": config, "OUT": delivered])
        }

        /// The events the hook was given, across all its runs.
        func events() throws -> [[String: Any]] {
            guard let text = try? String(contentsOfFile: delivered, encoding: .utf8) else { return [] }
            return try text.split(separator: "\n").flatMap { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]])
            }
        }
    }

    static func setup() throws -> Setup {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let directory = try TestPaths.temporaryDirectory("mlsoc-hooks")
        return Setup(
            binary: binary, directory: directory, db: try TestStore.location("mlsoc-hooks"),
            config: directory.appendingPathComponent("config.yaml").path, delivered: directory.appendingPathComponent("delivered.jsonl").path)
    }

    static let record = #"cat >> "$OUT"; echo >> "$OUT""#

    @Test("kill -9 between the commit and the delivery: the next run delivers every event, at least once")
    func killBetweenCommitAndDelivery() throws {
        let setup = try Self.setup()
        // The hook hangs: the ingest commits, then waits in the delivery, and is killed there.
        try setup.configure("sleep 31")
        let report = TestPaths.sample("reports/modelscan/models.json")
        let child = try Shell.start([setup.binary, "ingest", "--db", setup.db, report], environment: ["MLSOC_CONFIG": setup.config])
        var committed = 0
        for _ in 0..<200 where committed < 3 {
            Thread.sleep(forTimeInterval: 0.05)
            let list = try Shell.run([setup.binary, "findings", "--db", setup.db, "--json", "sev:critical"]).stdout
            committed = list.components(separatedBy: "\"id\":").count - 1
        }
        #expect(committed == 3, "the ingest committed its three critical findings")
        Thread.sleep(forTimeInterval: 0.3)
        child.kill(SIGKILL)
        _ = child.wait()
        _ = try Shell.run(["pkill", "-KILL", "-f", "^sleep 31$"])
        #expect(try setup.events().isEmpty)
        #expect(try setup.mlsoc(["hooks", "status", "--db", setup.db]).stdout.contains("recorder  new-critical,state-change,quarantined        3"))
        // Restarted with a working hook: everything the killed run wrote arrives.
        try setup.configure(Self.record)
        let run = try setup.mlsoc(["hooks", "run", "--db", setup.db, "--force"])
        #expect(run.status == 0 && run.stdout.contains("recorder: 3 events delivered"), "\(run.stdout)\(run.stderr)")
        let events = try setup.events()
        #expect(events.count >= 3)
        let ids = Set(events.compactMap { ($0["finding"] as? [String: Any])?["id"] as? Int })
        #expect(ids == [1, 2, 3])
        #expect(events.allSatisfy { $0["event"] as? String == "new-critical" })
        // Nothing is delivered twice once the cursor moved.
        #expect(try setup.mlsoc(["hooks", "run", "--db", setup.db]).stdout.contains("recorder: 0 events delivered"))
    }

    @Test("a failing hook keeps its events and backs off; --force retries; a triage is an event; hooks test touches no outbox")
    func failureAndBackoff() throws {
        let setup = try Self.setup()
        try setup.configure("exit 3")
        let ingest = try setup.mlsoc(["ingest", "--db", setup.db, TestPaths.sample("reports/modelscan/models.json")])
        #expect(ingest.status == 0, "a failing hook never fails the write")
        #expect(ingest.stderr.contains("hook recorder: exit 3; kept in the outbox"))
        let waiting = try setup.mlsoc(["hooks", "run", "--db", setup.db])
        #expect(waiting.stdout.contains("waiting for its back-off after: exit 3"))
        let status = try setup.mlsoc(["hooks", "status", "--db", setup.db]).stdout
        #expect(status.contains(" 3 ") && status.contains("exit 3"))
        try setup.configure(Self.record)
        let test = try setup.mlsoc(["hooks", "test", "--db", setup.db])
        #expect(test.status == 0 && test.stdout.contains("recorder: exit 0"))
        #expect(try setup.events().count == 1 && setup.events().first?["test"] as? Bool == true)
        let forced = try setup.mlsoc(["hooks", "run", "--db", setup.db, "--force"])
        #expect(forced.stdout.contains("recorder: 3 events delivered"))
        let triage = try setup.mlsoc(["triage", "--db", setup.db, "2", "--state", "false_positive", "--reason", "fixture"])
        #expect(triage.status == 0)
        let change = try #require(try setup.events().last)
        #expect(change["event"] as? String == "state-change" && change["from"] as? String == "new" && change["to"] as? String == "false_positive")
    }

    @Test("a quarantined report is an event, delivered by mlsoc watch")
    func quarantine() throws {
        let setup = try Self.setup()
        try setup.configure(Self.record, on: "quarantined")
        let inbox = setup.directory.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(#"{"runs": ["#.utf8).write(to: inbox.appendingPathComponent("broken.sarif"))
        _ = try setup.mlsoc(["watch", "--db", setup.db, "--once", inbox.path])
        let event = try #require(try setup.events().first)
        #expect(event["event"] as? String == "quarantined" && (event["file"] as? String)?.contains("broken.sarif") == true)
    }
}
