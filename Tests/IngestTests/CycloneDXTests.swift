import FindingStore
import Findings
import Foundation
import Ingest
import TestSupport
import Testing

@Suite struct CycloneDXTests {
    func ingest(_ paths: [String]) throws -> (FindingStore, [ReportIngestor.Report]) {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        return (store, try paths.enumerated().map { try ingestor.ingest(path: $1, now: Int64($0 + 1)) })
    }

    @Test("aisbom's AI-BOM (CycloneDX 1.7): models in the inventory, risk properties as findings")
    func aisbom() throws {
        let path = TestPaths.sample("reports/cyclonedx/models.aisbom.cdx.json")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let bom = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(bom["components"] as? [[String: Any]])
        let risky = components.filter { component in
            ((component["properties"] as? [[String: String]]) ?? []).contains {
                $0["name"] == "aisbom:risk" && !($0["value"] ?? "").hasPrefix("UNKNOWN")
            }
        }
        let (store, reports) = try ingest([path])
        #expect(reports[0].outcome.total == risky.count)
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(rows.allSatisfy { $0.threat == .malwareDistribution && $0.tool == "aisbom" })
        #expect(rows.filter { $0.ruleID == "RCE Detected" }.allSatisfy { $0.severity == .critical })
        let models = try store.models()
        #expect(Set(models.map(\.name)).isSuperset(of: ["fraud-detector-v2", "sentiment-bert"]))
        #expect(models.allSatisfy { $0.source == "cyclonedx" && $0.sha256?.count == 64 })
    }

    @Test("vulnerabilities take their rating; VEX analysis sets triage with an event")
    func vex() throws {
        let (store, reports) = try ingest([TestPaths.sample("reports/cyclonedx/serving-deps.vex.cdx.json")])
        #expect(reports[0].outcome.total == 3)
        let rows = try store.findingsPage(after: nil, limit: 100)
        let torch = try #require(rows.first { $0.ruleID == "CVE-2025-32434" })
        #expect(torch.severity == .critical && torch.state == .exploitable && torch.threat == .malwareDistribution)
        let yaml = try #require(rows.first { $0.ruleID == "CVE-2020-14343" })
        #expect(yaml.state == .notAffected && yaml.threat == .integrationIssues)
        let event = try #require(try store.events(findingID: yaml.id).last)
        #expect(event.kind == "imported-from-VEX" && event.to == "not_affected" && event.reason?.contains("code_not_reachable") == true)
        #expect(rows.first { $0.ruleID == "CVE-2023-32681" }?.state == .new)
        let kinds = Dictionary(uniqueKeysWithValues: try store.models().map { ($0.name, $0.kind) })
        #expect(kinds["fraud-transactions-2026q3"] == "dataset" && kinds["fraud-detector"] == "model")
        // The modelCard is kept as received: the stored text parses back to the same object.
        let path = TestPaths.sample("reports/cyclonedx/serving-deps.vex.cdx.json")
        let bom = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let original = try #require(
            (bom["components"] as? [[String: Any]])?.first { $0["type"] as? String == "machine-learning-model" }?["modelCard"])
        let stored = try #require(try store.models().first { $0.name == "fraud-detector" }?.modelCard)
        let reparsed = try JSONSerialization.jsonObject(with: Data(stored.utf8))
        #expect(
            NSDictionary(dictionary: try #require(reparsed as? [String: Any])) == NSDictionary(dictionary: try #require(original as? [String: Any])))
    }

    @Test("a VEX-only document updates states of known findings and resolves nothing")
    func vexOnly() throws {
        let bom = """
            {"bomFormat": "CycloneDX", "specVersion": "1.5", "metadata": {"tools": [{"name": "scanner", "version": "1"}]},
             "components": [{"type": "library", "name": "lib", "version": "1.0", "bom-ref": "lib@1"}],
             "vulnerabilities": [{"id": "CVE-1", "ratings": [{"severity": "high"}], "affects": [{"ref": "lib@1"}]},
                                 {"id": "CVE-2", "ratings": [{"severity": "low"}], "affects": [{"ref": "lib@1"}]}]}
            """
        let vexOnly = """
            {"bomFormat": "CycloneDX", "specVersion": "1.5", "metadata": {"tools": [{"name": "scanner", "version": "1"}]},
             "vulnerabilities": [{"id": "CVE-1", "ratings": [{"severity": "high"}], "affects": [{"ref": "lib@1"}],
                                  "analysis": {"state": "false_positive", "detail": "vendored copy is patched"}}]}
            """
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        _ = try ingestor.ingest(path: try TestPaths.write(bom, name: "bom.json"), now: 1)
        let report = try ingestor.ingest(path: try TestPaths.write(vexOnly, name: "vex.json"), now: 2)
        #expect(report.outcome.resolved == 0)
        let rows = try store.findingsPage(after: nil, limit: 10)
        #expect(rows.count == 2)
        #expect(rows.contains { $0.ruleID == "CVE-1" && $0.state == .falsePositive })
        #expect(rows.contains { $0.ruleID == "CVE-2" && $0.state == .new })
    }
}
