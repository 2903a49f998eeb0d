import Export
import Findings
import Foundation
import TestSupport
import Testing

/// `mlsoc metrics --prometheus` read by prometheus_client's parser (issue 21).
@Suite struct MetricsEndToEndTests {
    struct Sample: Decodable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    static func parse(_ text: String) throws -> [Sample] {
        let python = try #require(SchemaValidator.python, "no .venv-test: run scripts/install-test-tools.sh (make test does)")
        let file = try TestPaths.temporaryDirectory("mlsoc-prom").appendingPathComponent("mlsoc.prom")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/parse-prometheus.py").path
        let result = try Shell.run([python, script, file.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Sample.self, from: Data($0.utf8)) }
    }

    @Test("the exposition parses; its counts are the store's: findings, open, per project, a proposed acceptance")
    func prometheus() throws {
        let (binary, db) = try TriageEndToEndTests.store()
        #expect(try Shell.run([binary, "triage", "--db", db, "1", "2", "--state", "false_positive", "--reason", "fixture"]).status == 0)
        let config = try TestPaths.temporaryDirectory("mlsoc-config").appendingPathComponent("config.yaml").path
        try "triage:\n  acceptance_approval: required\n".write(toFile: config, atomically: true, encoding: .utf8)
        #expect(
            try Shell.run(
                [binary, "triage", "--db", db, "3", "--state", "accepted", "--reason", "r", "--accept-until", "+10d"],
                environment: ["MLSOC_CONFIG": config]
            ).status == 0)
        let output = try Shell.run([binary, "metrics", "--db", db, "--prometheus"])
        #expect(output.status == 0)
        let samples = try Self.parse(output.stdout)
        func sum(_ name: String, _ match: (Sample) -> Bool = { _ in true }) -> Int {
            Int(samples.filter { $0.name == name && match($0) }.reduce(0) { $0 + $1.value })
        }
        func count(_ filter: String) throws -> Int {
            let json = try Shell.run([binary, "findings", "--db", db, "--json", "--limit", "100000", filter]).stdout
            return json.components(separatedBy: "\"id\":").count - 1
        }
        #expect(sum("mlsoc_findings") == (try count("")))
        #expect(sum("mlsoc_findings_open") == (try count("state:open")))
        #expect(sum("mlsoc_findings") { $0.labels["state"] == "false_positive" } == 2)
        #expect(sum("mlsoc_acceptances_proposed") == 1)
        for project in Set(samples.compactMap { $0.labels["project"] }) {
            #expect(sum("mlsoc_findings") { $0.labels["project"] == project } == (try count("project:\(project)")), "\(project)")
        }
        #expect(samples.contains { $0.name == "mlsoc_metrics_timestamp_seconds" && $0.value > 1_700_000_000 })
    }

    @Test("label values from reports are escaped: quotes, backslashes, line feeds, and no control character gets through")
    func escaping() throws {
        let hostile = "we\"ird\\proj\nname\u{1B}]0;x\u{07}"
        let counts = StoreCounts(
            findings: [.init(project: hostile, severity: .high, state: .new, count: 3)], lastScan: [hostile: 1_700_000_000], at: 1_700_000_100)
        let text = PrometheusText.render(counts)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let samples = try Self.parse(text)
        let finding = try #require(samples.first { $0.name == "mlsoc_findings" })
        #expect(finding.labels["project"] == "we\"ird\\proj\nname\u{FFFD}]0;x\u{FFFD}" && finding.value == 3)
    }

    @Test("report --metrics: 12 weeks, the triage of the day counted as closed this week, the backlog the open findings; JSON and Markdown")
    func reportMetrics() throws {
        let (binary, db) = try TriageEndToEndTests.store()
        func report() throws -> [String: Any] {
            let json = try Shell.run([binary, "report", "--db", db, "--metrics", "--format", "json"])
            #expect(json.status == 0, "\(json.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        }
        func closed(_ object: [String: Any]) -> [Int] { (object["perWeek"] as? [[String: Any]] ?? []).compactMap { $0["closed"] as? Int } }
        // The sample reports close some findings themselves (a VEX, a newer report of a scope).
        let before = closed(try report())
        #expect(try Shell.run([binary, "triage", "--db", db, "1", "2", "3", "--state", "false_positive", "--reason", "fixture"]).status == 0)
        #expect(try Shell.run([binary, "triage", "--db", db, "4", "--state", "resolved"]).status == 0)
        let object = try report()
        let weeks = closed(object)
        #expect(weeks.count == 12 && before.count == 12)
        #expect(weeks.reduce(0, +) == before.reduce(0, +) + 4)
        #expect(weeks.last == (before.last ?? 0) + 4, "this week's triage counts this week")
        let backlog = try #require(object["backlogAge"] as? [String: [String: Int]])
        let open = try Shell.run([binary, "findings", "--db", db, "--json", "--limit", "100000", "state:open"]).stdout
        #expect(backlog.values.flatMap(\.values).reduce(0, +) == open.components(separatedBy: "\"id\":").count - 1)
        let markdown = try Shell.run([binary, "report", "--db", db, "--metrics", "--format", "markdown", "--weeks", "2"]).stdout
        #expect(markdown.hasPrefix("# mlsoc triage metrics, 2 weeks") && markdown.contains("## Open backlog by age"))
        let usage = try Shell.run([binary, "report", "--db", db, "--model", "x"])
        #expect(usage.status != 0 && usage.stderr.contains("--model goes with --metrics"))
    }
}
