import Foundation
import TestSupport
import Testing

/// The command line on the sample data, as a user runs it.
@Suite(.serialized) struct CLIEndToEndTests {
    /// The sample reports ingested by `mlsoc ingest` into a new store (MLSOC_DB in `env`).
    static func store(_ name: String = "mlsoc-cli") throws -> (binary: String, db: String, env: [String: String]) {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location(name)
        var env = ProcessInfo.processInfo.environment
        env["MLSOC_CONFIG"] = TestPaths.sample("config.yaml")
        env["MLSOC_DB"] = db
        let ingest = try Shell.run([binary, "ingest", TestPaths.sample("reports")], environment: env)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (binary, db, env)
    }

    @Test("mlsoc models ranks the models; the top score is recomputed by hand from mlsoc findings --json and the weights")
    func topModelByHand() throws {
        let (binary, _, env) = try Self.store()
        let models = try Shell.run([binary, "models", "--json"], environment: env)
        #expect(models.status == 0, "\(models.stderr)")
        let ranked = try #require(try JSONSerialization.jsonObject(with: Data(models.stdout.utf8)) as? [[String: Any]])
        let scores = ranked.filter { $0["kind"] as? String != "none" }.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >), "ranked by score")
        let top = try #require(ranked.first)
        let name = try #require(top["name"] as? String)
        let criticality = try #require(top["criticality"] as? Double)
        let findings = try Shell.run([binary, "findings", "model:\(name)", "state:open", "--json"], environment: env)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(findings.stdout.utf8)) as? [[String: Any]])
        let weights = ["critical": 10.0, "high": 5, "medium": 3, "low": 1, "info": 0]
        let byHand =
            rows.reduce(0.0) { sum, row in
                sum + (weights[row["severity"] as? String ?? ""] ?? 0) * (row["attack_success_rate"] as? Double ?? 1)
            } * criticality
        #expect(!rows.isEmpty)
        #expect(abs(byHand - (top["score"] as? Double ?? -1)) < 0.001, "by hand \(byHand), mlsoc \(top["score"] ?? "?")")
        // And for a model with red-team findings, whose rate weights them.
        let bot = try #require(ranked.first { $0["name"] as? String == "support-bot" })
        let botRows = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try Shell.run(
                        [binary, "findings", "model:support-bot", "state:open", "--json"], environment: env
                    ).stdout.utf8)) as? [[String: Any]])
        #expect(botRows.contains { $0["attack_success_rate"] != nil })
        let botByHand =
            botRows.reduce(0.0) { $0 + (weights[$1["severity"] as? String ?? ""] ?? 0) * ($1["attack_success_rate"] as? Double ?? 1) }
            * (bot["criticality"] as? Double ?? 1)
        #expect(abs(botByHand - (bot["score"] as? Double ?? -1)) < 0.001)
    }

    @Test("findings --json and export --format json write one shape: the same snake_case object with triage facts for a finding")
    func oneFindingShape() throws {
        let (binary, _, env) = try Self.store()
        // A judged finding, so the triage facts are there to compare.
        let first = try Shell.run([binary, "findings", "state:open", "--json", "--limit", "1"], environment: env)
        let picked = try #require((try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [[String: Any]])?.first)
        let id = try #require(picked["id"] as? Int)
        let triage = try Shell.run(
            [binary, "triage", String(id), "--state", "not_affected", "--justification", "code_not_reachable", "--reason", "behind a flag"],
            environment: env)
        #expect(triage.status == 0, "\(triage.stderr)")
        let listed = try Shell.run([binary, "findings", "id:\(id)", "--json"], environment: env)
        let exported = try Shell.run([binary, "export", "--format", "json"], environment: env)
        let fromList = try #require((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])?.first)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [[String: Any]])
        let fromExport = try #require(all.first { $0["id"] as? Int == id })
        #expect(NSDictionary(dictionary: fromList).isEqual(to: fromExport), "\(fromList)\n\(fromExport)")
        #expect(fromList["state"] as? String == "not_affected" && fromList["justification"] as? String == "code_not_reachable")
        #expect(fromList["sla_due"] == nil, "a closed finding has nothing due")
        #expect(fromList.keys.allSatisfy { $0 == $0.lowercased() }, "snake_case keys: \(fromList.keys.sorted())")
        // CSV: the same columns in both.
        let listCSV = try Shell.run([binary, "findings", "id:\(id)", "--csv"], environment: env)
        let exportCSV = try Shell.run([binary, "export", "--format", "csv"], environment: env)
        #expect(listCSV.stdout.split(separator: "\r\n").first == exportCSV.stdout.split(separator: "\r\n").first)
        #expect(listCSV.stdout.split(separator: "\r\n").count == 2)
    }

    @Test("mapping unmapped lists what nothing maps, its --rules file fixes it; explain names the deciding input")
    func unmappedAndExplain() throws {
        let (binary, _, baseEnv) = try Self.store()
        var env = baseEnv
        let config = try TestPaths.temporaryDirectory("mlsoc-xdg")
        env["XDG_CONFIG_HOME"] = config.path
        let clean = try Shell.run([binary, "mapping", "unmapped"], environment: env)
        #expect(clean.status == 0 && clean.stdout.contains("Nothing unclassified"), "\(clean.stdout)\(clean.stderr)")
        let report = try TestPaths.write(
            """
            {"version": "1.185.0", "results": [
              {"check_id": "team.rules.log-session-value", "path": "svc/a.py", "start": {"line": 3}, "end": {"line": 3},
               "extra": {"message": "A session token is written to the log", "severity": "WARNING", "metadata": {"team": "ml-platform"}, "lines": "x"}}
            ], "errors": [], "paths": {"scanned": ["svc/a.py"]}}
            """, name: "team.json")
        #expect(try Shell.run([binary, "ingest", "--project", "team", report], environment: env).status == 0)
        let lint = try Shell.run([binary, "mapping", "unmapped"], environment: env)
        #expect(lint.stdout.contains("1 unclassified finding of"), "\(lint.stdout)")
        #expect(lint.stdout.contains("team.rules.log-session-value") && lint.stdout.contains("other metadata team=ml-platform"))
        #expect(lint.stdout.contains(#""threat":"misconfiguration""#))
        // The suggested file as the user's mapping: the next ingest of the report maps the finding.
        let rules = try Shell.run([binary, "mapping", "unmapped", "--rules"], environment: env)
        try FileManager.default.createDirectory(at: config.appendingPathComponent("mlsoc"), withIntermediateDirectories: true)
        try Data(rules.stdout.utf8).write(to: config.appendingPathComponent("mlsoc/mapping.json"))
        let again = try TestPaths.write(try String(contentsOfFile: report, encoding: .utf8) + "\n", name: "team-again.json")
        let reingest = try Shell.run([binary, "ingest", "--project", "team", again], environment: env)
        #expect(reingest.stdout.contains("1 moved to another cell"), "\(reingest.stdout)")
        #expect(try Shell.run([binary, "mapping", "unmapped"], environment: env).stdout.contains("Nothing unclassified"))
        let found = try Shell.run([binary, "findings", "rule:team.rules.log-session-value", "--csv"], environment: env)
        let id = try #require(
            found.stdout.split(whereSeparator: \.isNewline).dropFirst().first?.split(separator: ",").first.map(String.init),
            "\(found.stdout) \(found.stderr)")
        let explain = try Shell.run([binary, "mapping", "explain", id], environment: env)
        #expect(explain.stdout.contains("▸ 1 user rule") && explain.stdout.contains("Misconfiguration"), "\(explain.stdout)")
        #expect(explain.stdout.contains("6 tool default") && explain.stdout.contains("7 the rule's name"))
    }

    @Test("models explain names the merge and the formula")
    func explain() throws {
        let (binary, _, env) = try Self.store()
        let result = try Shell.run([binary, "models", "explain", "fraud-detector-v2"], environment: env)
        #expect(result.status == 0)
        #expect(result.stdout.contains("fraud-detector-v2 is fraud-detector 2.3.0: fraud-detector-v2 has the same sha256"))
        #expect(result.stdout.contains("× criticality 2 ="))
        let unknown = try Shell.run([binary, "models", "explain", "no-such-model"], environment: env)
        #expect(unknown.status != 0 && unknown.stderr.contains("no model named 'no-such-model'"))
    }

    @Test("findings: table, JSON, CSV with formula cells defused, and a bad filter names its column")
    func findings() throws {
        let (binary, _, env) = try Self.store()
        let table = try Shell.run([binary, "findings", "tool:picklescan"], environment: env)
        #expect(table.stdout.contains("3 findings"))
        // A negated term as its own argument, after --, or with `not`: the same rows, never the help.
        let negated = try [["-sev:high", "tool:picklescan"], ["tool:picklescan", "--", "-sev:high"], ["not sev:high", "tool:picklescan"]]
            .map { try Shell.run([binary, "findings"] + $0, environment: env) }
        for run in negated {
            #expect(run.status == 0 && !run.stdout.contains("USAGE") && !run.stdout.contains("OVERVIEW"), "\(run.stdout)")
            #expect(run.stdout.split(separator: "\n").last == negated[0].stdout.split(separator: "\n").last)
        }
        let csv = try Shell.run([binary, "findings", "--csv", "sev>=high"], environment: env)
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("id,fingerprint,tool,rule") == true)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",critical,") || $0.contains(",high,") })
        // A title a spreadsheet would run as a formula, and one with quotes and commas.
        let report = try TestPaths.write(
            """
            {"schema": "mlsoc.finding/1", "tool": "evil", "rule": "f1", "title": "=HYPERLINK(\\"http://x\\",\\"y\\")", "severity": "low"}
            {"schema": "mlsoc.finding/1", "tool": "evil", "rule": "f2", "title": "a, \\"b\\"", "severity": "low"}

            """, name: "evil.jsonl")
        #expect(try Shell.run([binary, "ingest", report], environment: env).status == 0)
        let evil = try Shell.run([binary, "findings", "--csv", "tool:evil", "--sort", "oldest"], environment: env).stdout
        #expect(evil.contains(#","'=HYPERLINK(""http://x"",""y"")","#), "\(evil)")
        #expect(evil.contains(#","a, ""b""","#))
        let bad = try Shell.run([binary, "findings", "sev>=hgih"], environment: env)
        #expect(bad.status != 0 && bad.stderr.contains("at column 6"))
    }

    @Test("export --format cyclonedx writes a schema-valid ML-BOM file atomically")
    func export() throws {
        let (binary, _, env) = try Self.store()
        let file = try TestPaths.temporaryDirectory("mlsoc-cli-export").appendingPathComponent("bom.json").path
        let result = try Shell.run([binary, "export", "--format", "cyclonedx", "-o", file], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("components") && !FileManager.default.fileExists(atPath: file + ".partial"))
        let (valid, output) = try SchemaValidator.validate(schema: "bom-1.6.SNAPSHOT.schema.json", files: [file])
        #expect(valid, "\(output)")
    }
}
