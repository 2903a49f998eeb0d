import Foundation
import Testing

@testable import PostgresStore
@testable import TestSupport

/// Ingest into a PostgreSQL store writes what it writes into SQLite: the same findings with the
/// same ids, states, occurrences, duplicates, events and summaries (on a server the findings of a
/// report are written in batches; on SQLite one by one).
extension PostgresServerTests {
    @Test func ingestWritesTheSameStoreOnBothBackends() async throws {
        let directory = try TestPaths.temporaryDirectory("pg-ingest")
        let sqlite = directory.appendingPathComponent("local.db").path
        // A later bandit run of the same tree: its first result fixed, its second reported again at
        // another line (the next occurrence), its third written twice (a duplicate).
        let original = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: TestPaths.sample("reports/bandit/fraud-detector.sarif"))))
        var document = try #require(original as? [String: Any])
        var runs = try #require(document["runs"] as? [[String: Any]])
        var results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count > 3)
        var moved = results[1]
        var locations = try #require(moved["locations"] as? [[String: Any]])
        var physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
        var region = try #require(physical["region"] as? [String: Any])
        region["startLine"] = 900
        physical["region"] = region
        locations[0]["physicalLocation"] = physical
        moved["locations"] = locations
        results = Array(results.dropFirst()) + [moved, results[2]]
        runs[0]["results"] = results
        document["runs"] = runs
        let later = directory.appendingPathComponent("later")
        try FileManager.default.createDirectory(at: later, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: document).write(to: later.appendingPathComponent("bandit.sarif"))
        try await withDatabase { url in
            // The demo's reports refresh each other too (bandit's SARIF after its JSON: all unchanged).
            var said = ""
            for ingest in [["ingest", TestPaths.sample("reports")], ["ingest", later.path, "--project", "fraud-detector"]] {
                let local = try run(ingest, sqlite)
                let remote = try run(ingest, url)
                #expect(local.status == 0 && remote.status == 0, "\(local.stderr) \(remote.stderr)")
                #expect(local.stdout == remote.stdout, "\(ingest) said differently:\n\(local.stdout)\n\(remote.stdout)")
                said = remote.stdout
            }
            // The first ingest filled an empty store: the planner has statistics at once.
            let session = try PostgresSession.connect(try PostgresLocation.parse(url))
            defer { session.close() }
            let analyzed = try session.run("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'finding' AND last_analyze IS NOT NULL")
            #expect(try analyzed.first?.decode(Int64.self) == 1)
            // The later run did what it says: one resolved, one more occurrence, one duplicate.
            #expect(said.contains("1 repeated, 1 duplicates dropped") && said.contains("resolved 1"), "\(said)")
            let commands: [[String]] = [
                ["findings", "--json"], ["findings", "--json", "state:resolved"], ["export", "--format", "json"],
                ["models", "list"], ["metrics"], ["report"], ["render", "--size", "140x40", "--view", "matrix"],
                ["render", "--size", "140x40", "--view", "models"], ["render", "--size", "140x40", "--view", "ingest"],
                ["history", "1"], ["history", "2"],
                // A finding's detail, evidence included (written in a batch of its own on a server).
                ["render", "--size", "140x40", "--view", "findings", "--detail", "--filter", "tool:garak"],
                ["render", "--size", "140x40", "--view", "findings", "--detail", "--filter", "tool:bandit"],
            ]
            for arguments in commands { try sameOutput(sqlite, sqlite, url: url, arguments, ingestedApart: true) }
        }
    }
}

extension PostgresServerTests {
    /// Reports bigger than a batch, whose repeats (semgrep's: a rule in a file, again at another
    /// line) span batches: the same findings, occurrences and ids on both backends, and then a
    /// later run of the same tree finds every one of them again.
    @Test func reportsBiggerThanABatchIngestTheSameOnBothBackends() async throws {
        let bench = try #require(Shell.benchBinary, "build first: swift build (make test does)")
        let directory = try TestPaths.temporaryDirectory("pg-batches")
        let first = directory.appendingPathComponent("first")
        let generated = try Shell.run([bench, "generate", "--findings", "2600", "--per-report", "1300", "-o", first.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        // The same reports again, each a byte longer: new files of the same scans.
        let again = directory.appendingPathComponent("again")
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: first.path) {
            var bytes = try Data(contentsOf: first.appendingPathComponent(name))
            bytes.append(contentsOf: Array(" ".utf8))
            try bytes.write(to: again.appendingPathComponent(name))
        }
        let sqlite = directory.appendingPathComponent("local.db").path
        try await withDatabase { url in
            var said: [String] = []
            for reports in [first.path, again.path] {
                let local = try run(["ingest", reports], sqlite)
                let remote = try run(["ingest", reports], url)
                #expect(local.status == 0 && remote.status == 0, "\(local.stderr) \(remote.stderr)")
                #expect(local.stdout == remote.stdout, "ingest of \(reports) said differently:\n\(local.stdout)\n\(remote.stdout)")
                said.append(remote.stdout)
            }
            #expect(said[0].contains(" repeated"), "the generated reports have no repeats: \(said[0])")
            #expect(said[1].contains("total       2600    0       2600"), "\(said[1])")
            for arguments in [["findings", "--json"], ["metrics"], ["render", "--size", "140x40", "--view", "matrix"]] {
                try sameOutput(sqlite, sqlite, url: url, arguments, ingestedApart: true)
            }
        }
    }
}
