import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream
import TestSupport
import Testing

/// SARIF features the sample tools do not exercise, on small logs written here.
@Suite struct SARIFParserTests {
    func ingest(_ sarif: String) throws -> [FindingRow] {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        _ = try ingestor.ingest(path: try TestPaths.write(sarif, name: "log.sarif"), now: 0)
        return try store.findingsPage(after: nil, limit: 1000)
    }

    static let semgrepLike = """
        {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": [{
          "tool": {"driver": {"name": "Semgrep OSS", "semanticVersion": "1.185.0", "rules": [
            {"id": "python.pickle", "shortDescription": {"text": "Unsafe pickle"},
             "defaultConfiguration": {"level": "error"},
             "properties": {"tags": ["CWE-502: Deserialization of Untrusted Data", "security"]}},
            {"id": "python.secret", "shortDescription": {"text": "Hard-coded secret"},
             "defaultConfiguration": {"level": "note"}, "properties": {"security-severity": "9.1"}}
          ]}},
          "results": [
            {"ruleId": "python.pickle", "ruleIndex": 0, "message": {"text": "pickle.load on upload"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.py"}, "region": {"startLine": 4}}}]},
            {"ruleIndex": 1, "message": {"text": "key in code"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "b.py"}, "region": {"startLine": 9}}}]},
            {"ruleId": "python.pickle", "level": "note", "message": {"text": "pickle in test"},
             "suppressions": [{"kind": "inSource", "status": "rejected"}],
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "c.py"}}}]},
            {"ruleId": "python.pickle", "message": {"text": "pickle in fixture"},
             "suppressions": [{"kind": "external"}],
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": "d.py"}}}]}
          ]
        }]}
        """

    @Test("rules resolve by index and by id; defaultConfiguration.level applies when a result has none")
    func ruleResolution() throws {
        let rows = try ingest(Self.semgrepLike)
        let a = try #require(rows.first { $0.location?.path == "a.py" })
        #expect(a.ruleID == "python.pickle")
        #expect(a.severity == .high)
        #expect(a.title == "Unsafe pickle")
        #expect(a.threat == .malwareDistribution)
        #expect(a.taxonomy.cwe == ["CWE-502"])
        #expect(a.tool == "semgrep")
    }

    @Test("security-severity beats the level")
    func securitySeverity() throws {
        let b = try #require(try ingest(Self.semgrepLike).first { $0.location?.path == "b.py" })
        #expect(b.ruleID == "python.secret")
        #expect(b.severity == .critical)
    }

    @Test("an accepted suppression suppresses; a rejected one does not")
    func suppressions() throws {
        let rows = try ingest(Self.semgrepLike)
        #expect(rows.first { $0.location?.path == "c.py" }?.state == .new)
        #expect(rows.first { $0.location?.path == "c.py" }?.severity == .low)
        #expect(rows.first { $0.location?.path == "d.py" }?.state == .falsePositive)
    }

    @Test("tool fingerprints are used when present, so moved findings keep their identity")
    func toolFingerprints() throws {
        let log = { (line: Int) in
            """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [
              {"ruleId": "R", "message": {"text": "m"}, "partialFingerprints": {"primaryLocationLineHash": "abc:1"},
               "locations": [{"physicalLocation": {"artifactLocation": {"uri": "x.py"}, "region": {"startLine": \(line)}}}]}]}]}
            """
        }
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        _ = try ingestor.ingest(path: try TestPaths.write(log(3), name: "1.sarif"), now: 0)
        let second = try ingestor.ingest(path: try TestPaths.write(log(30), name: "2.sarif"), now: 1)
        #expect(second.outcome.unchanged == 1 && second.outcome.new == 0)
    }

    @Test("taxa name CWE ids; a result whose baselineState is absent is gone, and the reimport resolves it")
    func taxaAndBaseline() throws {
        let log = { (state: String) in
            """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "codeql"}}, "results": [
              {"ruleId": "py/unsafe-deserialization", "message": {"text": "pickle.loads on request data"},
               "taxa": [{"id": "502", "toolComponent": {"name": "CWE"}}], "baselineState": "\(state)",
               "locations": [{"physicalLocation": {"artifactLocation": {"uri": "serve.py"}, "region": {"startLine": 9}}}]}]}]}
            """
        }
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        _ = try ingestor.ingest(path: try TestPaths.write(log("new"), name: "1.sarif"), now: 1)
        let row = try #require(try store.findingsPage(after: nil, limit: 1).first)
        #expect(row.taxonomy.cwe == ["CWE-502"] && row.threat == .malwareDistribution)
        let second = try ingestor.ingest(path: try TestPaths.write(log("absent"), name: "2.sarif"), now: 2)
        #expect(second.outcome.total == 0 && second.outcome.resolved == 1)
    }

    @Test("tool execution notifications come back as warnings, not findings")
    func notifications() throws {
        let log = """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "semgrep"}},
              "invocations": [{"executionSuccessful": false, "exitCode": 2, "toolExecutionNotifications": [
                {"level": "error", "message": {"text": "Syntax error"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "broken.py"}}}]}]}],
              "results": []}]}
            """
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let report = try ingestor.ingest(path: try TestPaths.write(log, name: "n.sarif"), now: 0)
        #expect(report.outcome.total == 0)
        #expect(report.warnings.count == 2)
        #expect(report.warnings.contains { $0.contains("broken.py: Syntax error") })
    }

    @Test("an unknown rule lands in the unclassified row with an explanation")
    func unclassified() throws {
        let mapping = try MappingRules.bundled()
        let result = mapping.map(MappingSubject(tool: "bandit", ruleID: "B999"))
        #expect(result.threat == .unclassified)
        #expect(result.ruleID == nil)
        #expect(result.why.contains("B999"))
        let mapped = mapping.map(MappingSubject(tool: "bandit", ruleID: "B301"))
        #expect(mapped.ruleID == "bandit.deserialisation")
        #expect(mapped.why.contains("B301"))
    }

    @Test("user rules win over the bundled ones; a bad threat is refused with the rule's id")
    func userOverrides() throws {
        let user = try MappingRules(
            json: Data(
                """
                {"version": 1, "rules": [{"id": "mine", "tool": "bandit", "rules": ["B101"], "threat": "model-theft"}]}
                """.utf8), source: "user.json")
        let merged = try MappingRules.bundled().overridden(by: user)
        #expect(merged.map(MappingSubject(tool: "Bandit", ruleID: "B101")).threat == .modelTheft)
        let error = try #require(throws: IngestError.self) {
            try MappingRules(
                json: Data(
                    """
                    {"version": 1, "rules": [{"id": "oops", "tool": "x", "threat": "space-lasers"}]}
                    """.utf8), source: "user.json")
        }
        #expect(error.description.contains("oops") && error.description.contains("space-lasers"))
    }
}

@Suite struct MappingExplainTests {
    @Test("the store keeps why each rule's findings sit in their cell")
    func recorded() throws {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        _ = try ingestor.ingest(path: TestPaths.sample("reports/bandit/fraud-detector.sarif"), now: 1)
        let rows = try store.findingsPage(after: nil, limit: 100)
        let pickle = try #require(rows.first { $0.ruleID == "B301" })
        #expect(try store.mappingRecord(findingID: pickle.id)?.recorded?.hasPrefix("built-in rule bandit.deserialisation") == true)
        let assert = try #require(rows.first { $0.ruleID == "B101" })
        #expect(try store.mappingRecord(findingID: assert.id)?.recorded?.hasPrefix("built-in rule bandit.misconfiguration") == true)
    }

    @Test("a user mapping file in the config dir goes first; none is fine")
    func userFile() throws {
        let home = try TestPaths.temporaryDirectory("mlsoc-config")
        let environment = ["XDG_CONFIG_HOME": home.path]
        #expect(try MappingRules.load(environment: environment).rules.count == MappingRules.bundled().rules.count)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("mlsoc"), withIntermediateDirectories: true)
        try Data(#"{"version": 1, "rules": [{"id": "ours", "tool": "bandit", "rules": ["B101"], "threat": "misconfiguration"}]}"#.utf8)
            .write(to: home.appendingPathComponent("mlsoc/mapping.json"))
        let rules = try MappingRules.load(environment: environment)
        #expect(rules.rules.first?.id == "ours")
        #expect(rules.map(MappingSubject(tool: "bandit", ruleID: "B101")).threat == .misconfiguration)
    }
}
