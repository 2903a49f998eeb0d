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
