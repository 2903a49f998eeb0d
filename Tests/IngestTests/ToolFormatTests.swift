import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream
import TestSupport
import Testing

/// The tools' own formats, on the real reports in sample-data, checked against an independent read.
@Suite struct ToolFormatTests {
    func ingest(_ relative: String) throws -> (ReportIngestor.Report, [FindingRow]) {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let report = try ingestor.ingest(path: TestPaths.sample(relative), now: 1_800_000_000)
        return (report, try store.findingsPage(after: nil, limit: 10_000))
    }

    func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sample(relative)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(
        "formats are recognised by content",
        arguments: [
            ("reports/bandit/fraud-detector.sarif", FormatSniffer.Format.sarif),
            ("reports/modelscan/models.json", .modelscan), ("reports/modelaudit/models.json", .modelaudit),
            ("reports/detect-secrets/fraud-detector.json", .detectSecrets), ("reports/picklescan/models.txt", .picklescan),
            ("reports/native/redteam-notes.jsonl", .native), ("reports/garak/support-bot.report.jsonl", .garak),
            ("reports/cyclonedx/models.aisbom.cdx.json", .cyclonedx),
        ])
    func sniffing(relative: String, format: FormatSniffer.Format) throws {
        #expect(FormatSniffer.detect(try FormatSniffer.head(path: TestPaths.sample(relative))) == format)
    }

    @Test("modelscan: one critical malware-distribution finding per issue, attributed to its model")
    func modelscan() throws {
        let issues = try #require(try json("reports/modelscan/models.json")["issues"] as? [[String: Any]])
        let (report, rows) = try ingest("reports/modelscan/models.json")
        #expect(report.outcome.total == issues.count)
        #expect(rows.allSatisfy { $0.threat == .malwareDistribution && $0.severity == .critical })
        let sources = Set(issues.compactMap { $0["source"] as? String })
        #expect(Set(rows.compactMap { $0.location?.path }) == sources)
        #expect(Set(rows.compactMap(\.model)) == ["fraud-detector-v2", "sentiment-bert"])
    }

    @Test("picklescan: dangerous imports become critical findings, members attributed to their container")
    func picklescan() throws {
        let text = try String(contentsOfFile: TestPaths.sample("reports/picklescan/models.txt"), encoding: .utf8)
        let expected = text.split(separator: "\n").filter { $0.contains("dangerous import") }.count
        let (report, rows) = try ingest("reports/picklescan/models.txt")
        #expect(report.outcome.total == expected)
        #expect(rows.allSatisfy { $0.severity == .critical && $0.threat == .malwareDistribution })
        #expect(rows.contains { $0.ruleID == "posix.system" && $0.model == "sentiment-bert" })
    }

    @Test("modelaudit: every non-debug issue lands; rule families pick the cell")
    func modelaudit() throws {
        let issues = try #require(try json("reports/modelaudit/models.json")["issues"] as? [[String: Any]])
        let expected = issues.filter { ($0["severity"] as? String) != "debug" }
        let (report, rows) = try ingest("reports/modelaudit/models.json")
        #expect(report.outcome.total == expected.count)
        #expect(rows.filter { $0.severity == .critical }.count == expected.filter { ($0["severity"] as? String) == "critical" }.count)
        for row in rows where row.ruleID.hasPrefix("S2") { #expect(row.threat == .malwareDistribution) }
        for row in rows where row.ruleID.hasPrefix("S3") { #expect(row.threat == .unintendedSystemInteraction) }
        for row in rows where row.ruleID == "license_warning" { #expect(row.threat == .ipInfringement) }
        #expect(!rows.contains { $0.threat == .unclassified })
    }

    @Test("detect-secrets: one data-loss finding per secret; severity from the secret type")
    func detectSecrets() throws {
        let results = try #require(try json("reports/detect-secrets/fraud-detector.json")["results"] as? [String: [[String: Any]]])
        let (report, rows) = try ingest("reports/detect-secrets/fraud-detector.json")
        #expect(report.outcome.total == results.values.map(\.count).reduce(0, +))
        #expect(rows.allSatisfy { $0.threat == .dataLoss })
        #expect(rows.filter { $0.ruleID == "AWS Access Key" }.allSatisfy { $0.severity == .high })
        #expect(rows.filter { $0.ruleID.contains("Entropy") }.allSatisfy { $0.severity == .low })
    }

    @Test("native JSONL: stated cells, models, ids and the report's category")
    func native() throws {
        let (report, rows) = try ingest("reports/native/redteam-notes.jsonl")
        #expect(report.outcome.total == 3 && report.outcome.tool == "acme-redteam")
        let leak = try #require(rows.first { $0.ruleID == "prompt-leak" })
        #expect(leak.threat == .ipTheft && leak.model == "support-bot" && leak.taxonomy.owaspLLM == ["LLM07"])
        #expect(rows.first { $0.ruleID == "rag-poisoning" }?.severity == .critical)
    }

    @Test(
        "native JSONL: a bad line fails the report with its line number",
        arguments: [
            (
                "{\"schema\": \"mlsoc.finding/1\", \"tool\": \"t\", \"rule\": \"r\", \"severity\": \"high\"}\n{\"schema\": \"mlsoc.finding/1\", \"rule\": ",
                2
            ),
            ("{\"schema\": \"mlsoc.finding/1\", \"tool\": \"t\", \"rule\": \"r\", \"severity\": \"extreme\"}\n", 1),
            ("{\"schema\": \"mlsoc.finding/1\", \"tool\": \"t\", \"severity\": \"low\"}\n", 1),
            ("{\"schema\": \"mlsoc.finding/1\", \"tool\": \"t\", \"rule\": \"r\", \"severity\": \"low\", \"threat\": \"aliens\"}\n", 1),
        ])
    func nativeErrors(text: String, line: Int) throws {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let path = try TestPaths.write(text, name: "bad.jsonl")
        let error = try #require(throws: IngestError.self) { try ingestor.ingest(path: path, now: 0) }
        #expect(error.line == line)
        #expect(try store.counts().findings == 0)
    }

    @Test("model names come from model artefact paths only")
    func attribution() {
        #expect(ModelAttribution.modelName(forArtifact: "models/fraud-v2.pkl") == "fraud-v2")
        #expect(ModelAttribution.modelName(forArtifact: "/m/bert.pt:bert/data.pkl") == "bert")
        #expect(ModelAttribution.modelName(forArtifact: "/m/x.pkl (pos 105)") == "x")
        #expect(ModelAttribution.modelName(forArtifact: "w.safetensors%3Aheader") == "w")
        #expect(ModelAttribution.modelName(forArtifact: "app/serve.py") == nil)
        #expect(ModelAttribution.modelName(forArtifact: ".pkl") == nil)
        #expect(ModelAttribution.modelName(forArtifact: nil) == nil)
    }

    @Test("the whole sample-data tree ingests, and a second run changes nothing")
    func wholeTree() throws {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.sample("reports"))
            .map { TestPaths.sample("reports/" + $0) }
            .filter {
                var d: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue
            }
        #expect(files.count >= 7)
        for file in files { _ = try ingestor.ingest(path: file, now: 1) }
        let before = try store.matrixSummary()
        for file in files { #expect(try ingestor.ingest(path: file, now: 2).outcome.alreadyIngested) }
        #expect(try store.matrixSummary() == before)
    }
}

@Suite struct BanditJSONTests {
    @Test("bandit JSON: every result with bandit's severity and CWE; the same run as SARIF adds nothing")
    func banditJSON() throws {
        let json = TestPaths.sample("reports/bandit/fraud-detector.json")
        let data = try Data(contentsOf: URL(fileURLWithPath: json))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try #require(root["results"] as? [[String: Any]])
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        #expect(try ingestor.ingest(path: json, now: 1).outcome.new == results.count)
        let rows = try store.findingsPage(after: nil, limit: 1000)
        #expect(rows.filter { $0.severity == .high }.count == results.filter { $0["issue_severity"] as? String == "HIGH" }.count)
        #expect(rows.first { $0.ruleID == "B301" }?.taxonomy.cwe == ["CWE-502"])
        let sarif = try ingestor.ingest(path: TestPaths.sample("reports/bandit/fraud-detector.sarif"), now: 2)
        #expect(sarif.outcome.new == 0 && sarif.outcome.unchanged == results.count)
    }
}

@Suite struct HadolintTests {
    @Test("hadolint JSON (a bare array): one finding per item, levels mapped; the SARIF of the same run adds nothing")
    func hadolint() throws {
        let json = TestPaths.sample("reports/hadolint/Dockerfile.json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]])
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        #expect(FormatSniffer.detect(try FormatSniffer.head(path: json)) == .hadolintJSON)
        #expect(try ingestor.ingest(path: json, now: 1).outcome.new == items.count)
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(rows.first { $0.ruleID == "DL3064" }?.threat == .dataLoss)
        #expect(rows.filter { $0.ruleID != "DL3064" }.allSatisfy { $0.threat == .misconfiguration })
        #expect(rows.filter { $0.severity == .low }.count == items.filter { $0["level"] as? String == "info" }.count)
        let sarif = try ingestor.ingest(path: TestPaths.sample("reports/hadolint/Dockerfile.sarif"), now: 2)
        #expect(sarif.outcome.new == 0 && sarif.outcome.unchanged == items.count)
    }
}

@Suite struct SemgrepTests {
    @Test("semgrep JSON: results with rule metadata, severities mapped, fake 'requires login' data ignored")
    func semgrepJSON() throws {
        let json = TestPaths.sample("reports/semgrep/fraud-detector.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let results = try #require(root["results"] as? [[String: Any]])
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        #expect(try ingestor.ingest(path: json, now: 1).outcome.new == results.count)
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(rows.first { $0.ruleID.hasSuffix("ml-unsafe-pickle-load") }?.threat == .malwareDistribution)
        #expect(rows.first { $0.ruleID.hasSuffix("ml-eval-model-output") }?.taxonomy.owaspLLM.contains("LLM05") == true)
        #expect(rows.first { $0.ruleID.hasSuffix("ml-hardcoded-hub-token") }?.severity == .low)
    }

    @Test("semgrep SARIF: 'requires login' fingerprints do not merge distinct results")
    func semgrepSARIF() throws {
        let sarif = TestPaths.sample("reports/semgrep/fraud-detector.sarif")
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let report = try ingestor.ingest(path: sarif, now: 1)
        #expect(report.outcome.repeated == 0 && report.outcome.new == report.outcome.total)
    }

    @Test("OWASP LLM ids in rule metadata: 2023 remapped, 2025 kept")
    func owasp() {
        #expect(OWASPLLM.ids(fromText: ["LLM02:2023 - Insecure Output Handling", "LLM01:2025 Prompt Injection", "A03:2021"]) == ["LLM05", "LLM01"])
    }
}

@Suite struct PromptfooTests {
    @Test("promptfoo v3: failed tests grouped per plugin × provider with the failure rate; passing plugins give nothing")
    func grouped() throws {
        let path = TestPaths.sample("reports/promptfoo/support-bot.results.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let results = try #require((root["results"] as? [String: Any])?["results"] as? [[String: Any]])
        let plugin = { (r: [String: Any]) in ((r["testCase"] as? [String: Any])?["metadata"] as? [String: Any])?["pluginId"] as? String ?? "" }
        let failing = Set(results.filter { ($0["success"] as? Bool) == false }.map(plugin))
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        #expect(FormatSniffer.detect(try FormatSniffer.head(path: path)) == .promptfoo)
        #expect(try ingestor.ingest(path: path, now: 1).outcome.total == failing.count)
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(Set(rows.map(\.ruleID)) == failing)
        #expect(rows.allSatisfy { $0.model == "support-bot" })
        let pii = try #require(rows.first { $0.ruleID == "pii:direct" })
        let piiResults = results.filter { plugin($0) == "pii:direct" }
        let piiFailed = piiResults.filter { ($0["success"] as? Bool) == false }.count
        #expect(pii.message.contains("\(piiFailed) of \(piiResults.count)"))
        #expect(pii.threat == .dataLoss && pii.severity == .high)
        #expect(rows.first { $0.ruleID == "harmful:copyright-violations" }?.threat == .ipInfringement)
        #expect(rows.first { $0.ruleID == "prompt-extraction" }?.threat == .ipTheft)
    }
}

@Suite struct PipAuditTests {
    @Test("pip-audit offline: every dependency skipped is a warning, and the report resolves nothing")
    func offline() throws {
        let path = TestPaths.sample("reports/pip-audit/fraud-detector.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let dependencies = try #require(root["dependencies"] as? [[String: Any]])
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let online = """
            {"dependencies": [{"name": "torch", "version": "1.13.0", "vulns": [{"id": "PYSEC-2025-41", "fix_versions": ["2.6.0"],
              "aliases": ["CVE-2025-32434"], "description": "torch.load RCE"}]}], "fixes": []}
            """
        _ = try ingestor.ingest(path: try TestPaths.write(online, name: "online.json"), now: 1)
        let report = try ingestor.ingest(path: path, now: 2)
        #expect(report.outcome.total == 0)
        #expect(report.warnings.count == dependencies.count + 1)
        #expect(report.outcome.resolved == 0)
        let row = try #require(try store.findingsPage(after: nil, limit: 10).first)
        #expect(row.state == .new && row.severity == .high && row.threat == .integrationIssues)
        #expect(row.taxonomy.cve == ["PYSEC-2025-41", "CVE-2025-32434"])
    }
}

@Suite struct ScopeTests {
    func ingestor() throws -> (FindingStore, ReportIngestor) {
        let store = try TestStore.make()
        return (store, ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test"))
    }

    @Test("a directory scan covering many models resolves the one that was fixed")
    func multiModelReport() throws {
        let (store, ingestor) = try ingestor()
        let path = TestPaths.sample("reports/modelscan/models.json")
        _ = try ingestor.ingest(path: path, now: 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var issues = try #require(root["issues"] as? [[String: Any]])
        let fixed = try #require(issues.first?["source"] as? String)
        issues.removeAll { $0["source"] as? String == fixed }
        var newer = root
        newer["issues"] = issues
        let report = try ingestor.ingest(path: try TestPaths.write(try JSONSerialization.data(withJSONObject: newer), name: "newer.json"), now: 2)
        #expect(report.outcome.resolved == 1)
        #expect(try store.findingsPage(after: nil, limit: 10).filter { $0.state == .resolved }.map { $0.location?.path } == [fixed])
    }

    @Test("fickling: several streams in one file; a clean report for the same model resolves its finding")
    func ficklingScope() throws {
        let (store, ingestor) = try ingestor()
        let two = try ingestor.ingest(path: TestPaths.sample("reports/fickling/two-streams.pkl.fickling.json"), now: 1)
        #expect(two.outcome.total == 2)
        let malicious = TestPaths.sample("reports/fickling/fraud-detector-v2.pkl.fickling.json")
        _ = try ingestor.ingest(path: malicious, now: 2)
        let safe = try String(contentsOfFile: TestPaths.sample("reports/fickling/fraud-detector-v1.pkl.fickling.json"), encoding: .utf8)
        let clean = try TestPaths.write(safe, name: "fraud-detector-v2.pkl.fickling.json")
        let report = try ingestor.ingest(path: clean, now: 3)
        #expect(report.outcome.total == 0 && report.outcome.resolved == 1)
        #expect(try store.findingsPage(after: nil, limit: 10).filter { $0.state == .new }.count == 2)
    }
}

@Suite struct CheckovJSONTests {
    func failedChecks(_ object: Any) -> Int {
        if let reports = object as? [Any] { return reports.map(failedChecks).reduce(0, +) }
        guard let report = object as? [String: Any], let results = report["results"] as? [String: Any] else { return 0 }
        return (results["failed_checks"] as? [Any])?.count ?? 0
    }

    @Test("checkov JSON (an array of reports): every failed check; the SARIF of the same run adds nothing")
    func array() throws {
        let path = TestPaths.sample("reports/checkov/fraud-detector.json")
        let expected = failedChecks(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))))
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        #expect(FormatSniffer.detect(try FormatSniffer.head(path: path)) == .checkovJSON)
        #expect(try ingestor.ingest(path: path, now: 1).outcome.new == expected)
        let rows = try store.findingsPage(after: nil, limit: 1000)
        #expect(rows.first { $0.ruleID == "CKV_K8S_10" }?.threat == .modelDenialOfService)
        #expect(rows.first { $0.ruleID == "CKV_AWS_122" }?.threat == .modelTheft)
        let sarif = try ingestor.ingest(path: TestPaths.sample("reports/checkov/fraud-detector.sarif"), now: 2)
        #expect(sarif.outcome.new == 0 && sarif.outcome.unchanged == expected)
    }

    @Test("checkov JSON with several -d: documents back to back, the repeated report counted once")
    func severalDocuments() throws {
        let path = TestPaths.packageRoot.appendingPathComponent("Tests/IngestTests/Fixtures/checkov-two-dirs.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // An independent count: split the documents with Foundation, take the distinct checks.
        var distinct = Set<String>()
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { $0 == "{" || $0 == "[" }) {
            var depth = 0
            var inString = false
            var escaped = false
            var end = start
            for index in rest[start...].indices {
                let c = rest[index]
                if inString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                    continue
                }
                if c == "\"" {
                    inString = true
                } else if c == "{" || c == "[" {
                    depth += 1
                } else if c == "}" || c == "]" {
                    depth -= 1
                    if depth == 0 {
                        end = index
                        break
                    }
                }
            }
            let object = try JSONSerialization.jsonObject(with: Data(rest[start...end].utf8))
            let reports = (object as? [[String: Any]]) ?? [(object as? [String: Any]) ?? [:]]
            for report in reports {
                for check in ((report["results"] as? [String: Any])?["failed_checks"] as? [[String: Any]]) ?? [] {
                    distinct.insert("\(check["check_id"] ?? "")|\(check["file_path"] ?? "")|\(check["resource"] ?? "")")
                }
            }
            rest = rest[rest.index(after: end)...]
        }
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let report = try ingestor.ingest(path: path, now: 1)
        #expect(report.outcome.total == distinct.count)
        #expect(report.outcome.repeated == 0)
    }
}

@Suite struct TruffleHog3Tests {
    @Test("trufflehog3: one data-loss finding per hit; the secret itself is never stored")
    func redacted() throws {
        let path = TestPaths.sample("reports/trufflehog3/fraud-detector.json")
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [[String: Any]])
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        #expect(FormatSniffer.detect(try FormatSniffer.head(path: path)) == .trufflehog3)
        #expect(try ingestor.ingest(path: path, now: 1).outcome.total == hits.count)
        #expect(try store.findingsPage(after: nil, limit: 100).allSatisfy { $0.threat == .dataLoss })
        let secrets = hits.compactMap { $0["secret"] as? String }
        #expect(!secrets.isEmpty)
        if TestStore.onSQLite {
            let database = try Data(contentsOf: URL(fileURLWithPath: store.path))
            let wal = (try? Data(contentsOf: URL(fileURLWithPath: store.path + "-wal"))) ?? Data()
            for secret in secrets {
                #expect(database.range(of: Data(secret.utf8)) == nil && wal.range(of: Data(secret.utf8)) == nil)
            }
        } else {
            // On a server: no text column of the tables a finding writes holds it.
            let text = try TestStore.sql(store).read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT text FROM message UNION ALL SELECT evidence FROM findingEvidence UNION ALL SELECT title FROM rule
                        UNION ALL SELECT text FROM path UNION ALL SELECT coalesce(artifact, '') FROM finding
                        """)
            }
            #expect(!text.isEmpty)
            for secret in secrets { #expect(!text.contains { $0.contains(secret) }) }
        }
    }
}

@Suite struct NBDefenseTests {
    @Test("NB Defense: one finding per notebook issue, secrets already scrubbed, in the data-loss cell")
    func notebooks() throws {
        let path = TestPaths.sample("reports/nbdefense/notebooks.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let notebooks = try #require(root["notebook_issues"] as? [[String: Any]])
        let expected = notebooks.map { ($0["issues"] as? [Any])?.count ?? 0 }.reduce(0, +)
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        #expect(FormatSniffer.detect(try FormatSniffer.head(path: path)) == .nbdefense)
        #expect(try ingestor.ingest(path: path, now: 1).outcome.total == expected)
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(rows.allSatisfy { $0.threat == .dataLoss && $0.threat.target == .data && $0.severity == .critical })
        #expect(rows.allSatisfy { $0.location?.path == "notebooks/explore.ipynb" })
    }
}
