import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream
import TestSupport
import Testing

/// Issue 23, cases 6, 11 and 12: a report that does not show a complete, successful run resolves
/// nothing; a byte-order mark is accepted; NUL inside strings keeps the whole string.
@Suite struct IncompleteRunTests {
    func ingestor(_ store: FindingStore) throws -> ReportIngestor {
        ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "tester")
    }

    func open(_ store: FindingStore) throws -> Int {
        try store.count(FindingQuery(filter: try FindingFilter.parse("state:open")), now: 1_000)
    }

    /// The real bandit SARIF, then a rewrite of it by `change`, ingested over it.
    func afterGoodSARIF(_ change: (inout [String: Any]) -> Void) throws -> (before: Int, outcome: IngestOutcome, after: Int) {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let good = TestPaths.sample("reports/bandit/fraud-detector.sarif")
        _ = try ingestor.ingest(path: good, now: 100)
        let before = try open(store)
        var log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: good))) as? [String: Any])
        change(&log)
        let path = try TestPaths.write(try JSONSerialization.data(withJSONObject: log), name: "changed.sarif")
        let outcome = try ingestor.ingest(path: path, now: 200).outcome
        return (before, outcome, try open(store))
    }

    /// bandit's per-file metrics with no issue counted: what a clean run writes.
    static func clean(metrics: Any?) -> [String: Any] {
        var out: [String: Any] = [:]
        for (file, values) in metrics as? [String: Any] ?? [:] {
            var counts = values as? [String: Any] ?? [:]
            for key in counts.keys where key.hasPrefix("SEVERITY.") || key.hasPrefix("CONFIDENCE.") { counts[key] = 0 }
            out[file] = counts
        }
        return out
    }

    static func run(_ log: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var runs = log["runs"] as? [[String: Any]] ?? []
        edit(&runs[0])
        log["runs"] = runs
    }

    @Test("a SARIF run with executionSuccessful false and no results resolves nothing")
    func failedRun() throws {
        let (before, outcome, after) = try afterGoodSARIF { log in
            Self.run(&log) { run in
                run["results"] = []
                run["invocations"] = [["executionSuccessful": false, "exitCode": 2]]
            }
        }
        #expect(before == 23 && outcome.resolved == 0 && after == 23)
        #expect(outcome.resolvedNothingBecause?.contains("incomplete") == true)
    }

    @Test("a SARIF run whose results are absent, or null, resolves nothing (SARIF §3.14.23: not run, not clean)", arguments: [false, true])
    func noResults(null: Bool) throws {
        let (before, outcome, after) = try afterGoodSARIF { log in
            Self.run(&log) { run in
                if null { run["results"] = NSNull() } else { run.removeValue(forKey: "results") }
            }
        }
        #expect(before == 23 && outcome.resolved == 0 && after == 23)
        #expect(outcome.warnings >= 1)
    }

    @Test("a clean SARIF run that finished does resolve what it covered: the rules above are not a blanket refusal")
    func cleanRunStillResolves() throws {
        let (_, outcome, after) = try afterGoodSARIF { log in
            Self.run(&log) { run in
                run["results"] = []
                var properties = run["properties"] as? [String: Any] ?? [:]
                properties["metrics"] = Self.clean(metrics: properties["metrics"])
                run["properties"] = properties
            }
        }
        #expect(outcome.resolved == 23 && after == 0)
    }

    @Test("bandit JSON with results [] and errors […]: the file it could not parse keeps its findings; the errors are scan warnings")
    func banditErrors() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let good = TestPaths.sample("reports/bandit/fraud-detector.json")
        _ = try ingestor.ingest(path: good, now: 100)
        var report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: good))) as? [String: Any])
        report["results"] = []
        report["metrics"] = Self.clean(metrics: report["metrics"])
        report["errors"] = [["filename": "app/serve.py", "reason": "syntax error while parsing AST from file"]]
        let path = try TestPaths.write(try JSONSerialization.data(withJSONObject: report), name: "bandit-errors.json")
        let inServe = try store.count(FindingQuery(filter: try FindingFilter.parse("state:open path:app/serve.py")), now: 1_000)
        #expect(inServe > 0 && inServe < 23)
        let outcome = try ingestor.ingest(path: path, now: 200).outcome
        #expect(outcome.resolved == 23 - inServe && outcome.warnings == 1)
        #expect(try open(store) == inServe)
        // An error that names no file leaves the whole run unproven.
        report["errors"] = [["reason": "bandit could not run a plugin"]]
        let unnamed = try TestPaths.write(try JSONSerialization.data(withJSONObject: report), name: "bandit-unnamed-error.json")
        let store2 = try TestStore.make()
        let ingestor2 = try self.ingestor(store2)
        _ = try ingestor2.ingest(path: good, now: 100)
        #expect(try ingestor2.ingest(path: unnamed, now: 200).outcome.resolved == 0)
    }

    @Test("native JSONL: cut at a line boundary resolves nothing; with its closing line it is complete; a wrong count fails")
    func nativeClosingLine() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let full = try String(contentsOfFile: TestPaths.sample("reports/native/redteam-notes.jsonl"), encoding: .utf8)
        let lines = full.split(separator: "\n").map(String.init)
        #expect(lines.last?.contains("mlsoc.end/1") == true)
        _ = try ingestor.ingest(path: TestPaths.sample("reports/native/redteam-notes.jsonl"), now: 100)
        #expect(try open(store) == 3)
        // The same producer, cut after its first finding (no closing line).
        let cut = try TestPaths.write(lines.prefix(2).joined(separator: "\n") + "\n", name: "cut.jsonl")
        let partial = try ingestor.ingest(path: cut, now: 200).outcome
        #expect(partial.resolved == 0)
        #expect(try open(store) == 3)
        // Complete, saying it covered everything, with one finding gone: that one is resolved.
        var shorter = Array(lines.dropLast())
        shorter.remove(at: 2)
        shorter[0] = shorter[0].replacingOccurrences(of: "{", with: #"{"covers": ["."], "#, options: [], range: shorter[0].range(of: "{"))
        shorter.append(#"{"schema": "mlsoc.end/1", "findings": 2}"#)
        let complete = try ingestor.ingest(path: try TestPaths.write(shorter.joined(separator: "\n") + "\n", name: "two.jsonl"), now: 300).outcome
        #expect(complete.resolved == 1)
        let wrong = try TestPaths.write(
            (Array(lines.dropLast()) + [#"{"schema": "mlsoc.end/1", "findings": 9}"#]).joined(separator: "\n"), name: "wrong.jsonl")
        #expect(throws: IngestError.self) { try ingestor.ingest(path: wrong, now: 400) }
    }

    @Test("NUL inside strings: the whole message is kept and shown as \\x00; rule ids that differ after the NUL stay two rules")
    func nul() throws {
        let store = try TestStore.make()
        let report = """
            {"schema": "mlsoc.report/1", "tool": "nul"}
            {"schema": "mlsoc.finding/1", "rule": "rule\\u0000A", "title": "t", "message": "before\\u0000after", "severity": "high"}
            {"schema": "mlsoc.finding/1", "rule": "rule\\u0000B", "title": "t", "message": "m", "severity": "high"}
            {"schema": "mlsoc.end/1", "findings": 2}

            """
        _ = try ingestor(store).ingest(path: try TestPaths.write(report, name: "nul.jsonl"), now: 100)
        let rows = try store.findingsPage(FindingQuery(filter: .empty), after: nil, limit: 10)
        #expect(Set(rows.map(\.ruleID)) == ["rule\\x00A", "rule\\x00B"])
        #expect(rows.contains { $0.message == "before\\x00after" })
    }

    @Test(
        "a UTF-8 byte-order mark before a JSON report is accepted",
        arguments: ["reports/bandit/fraud-detector.sarif", "reports/modelscan/models.json"])
    func byteOrderMark(sample: String) throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + (try Data(contentsOf: URL(fileURLWithPath: TestPaths.sample(sample))))
        let path = try TestPaths.write(data, name: "bom-" + (sample as NSString).lastPathComponent)
        let outcome = try ingestor(try TestStore.make()).ingest(path: path, now: 100).outcome
        #expect(outcome.total > 0)
    }
}
