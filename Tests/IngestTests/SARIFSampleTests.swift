import FindingStore
import Findings
import Foundation
import Ingest
import TestSupport
import Testing

/// The SARIF parser against the real reports in sample-data, checked against an independent read of
/// the same file with Foundation's JSONSerialization.
@Suite struct SARIFSampleTests {
    static let bandit = TestPaths.sample("reports/bandit/fraud-detector.sarif")
    static let checkov = TestPaths.sample("reports/checkov/fraud-detector.sarif")

    func results(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let runs = try #require(root["runs"] as? [[String: Any]])
        return runs.flatMap { ($0["results"] as? [[String: Any]]) ?? [] }
    }

    func ingest(_ paths: [String]) throws -> (FindingStore, [ReportIngestor.Report]) {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let reports = try paths.map { try ingestor.ingest(path: $0, now: 1_800_000_000) }
        return (store, reports)
    }

    func rows(_ store: FindingStore) throws -> [FindingRow] {
        try store.findingsPage(after: nil, limit: 10_000)
    }

    @Test("bandit: every result lands, with bandit's own severity")
    func banditCountsAndSeverities() throws {
        let expected = try results(Self.bandit)
        let (store, reports) = try ingest([Self.bandit])
        #expect(reports[0].outcome.total == expected.count)
        #expect(reports[0].outcome.tool == "bandit")
        let stored = try rows(store)
        #expect(stored.count == expected.count)
        for severity in ["HIGH", "MEDIUM", "LOW"] {
            let want = expected.filter { (($0["properties"] as? [String: Any])?["issue_severity"] as? String) == severity }.count
            let got = stored.filter { $0.severity == Severity(text: severity) }.count
            #expect(got == want, "severity \(severity)")
        }
    }

    @Test("bandit: rules land in the cells TAXONOMY.md names")
    func banditCells() throws {
        let (store, _) = try ingest([Self.bandit])
        let byRule = Dictionary(grouping: try rows(store), by: \.ruleID)
        let expectations: [(String, Threat)] = [
            ("B301", .malwareDistribution), ("B403", .malwareDistribution), ("B506", .malwareDistribution),
            ("B614", .malwareDistribution), ("B105", .dataLoss), ("B307", .unintendedSystemInteraction),
            ("B602", .unintendedSystemInteraction), ("B501", .integrationIssues), ("B201", .misconfiguration),
            ("B113", .modelDenialOfService), ("B101", .misconfiguration),
        ]
        for (rule, threat) in expectations {
            let found = try #require(byRule[rule], "bandit rule \(rule) missing from the sample report")
            #expect(found.allSatisfy { $0.threat == threat }, "\(rule) should map to \(threat)")
        }
        let pickle = try #require(byRule["B301"]?.first)
        #expect(pickle.taxonomy.atlas.contains("AML.T0011.000"))
        #expect(pickle.location?.path == "app/serve.py")
    }

    @Test("checkov: every result lands; families set severity and cell")
    func checkov() throws {
        let expected = try results(Self.checkov)
        let (store, reports) = try ingest([Self.checkov])
        #expect(reports[0].outcome.total == expected.count)
        let stored = try rows(store)
        #expect(stored.count == expected.count)
        let byRule = Dictionary(grouping: stored, by: \.ruleID)
        #expect(byRule["CKV_K8S_10"]?.first?.threat == .modelDenialOfService)
        #expect(byRule["CKV_K8S_16"]?.first?.threat == .misconfiguration)
        #expect(byRule["CKV_AWS_122"]?.first?.threat == .modelTheft)
        #expect(byRule["CKV_AWS_41"]?.first?.threat == .dataLoss)
        #expect(byRule["CKV_AWS_24"]?.first?.threat == .misconfiguration)
        #expect(byRule["CKV_AWS_24"]?.first?.severity == .high)
        #expect(byRule["CKV_DOCKER_2"]?.first?.threat == .misconfiguration)
        #expect(stored.allSatisfy { $0.threat.target != .unclassified })
    }

    @Test("ingesting the samples twice changes nothing")
    func idempotent() throws {
        let (store, _) = try ingest([Self.bandit, Self.checkov])
        let before = try store.matrixSummary()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        for path in [Self.bandit, Self.checkov] {
            #expect(try ingestor.ingest(path: path, now: 1_900_000_000).outcome.alreadyIngested)
        }
        #expect(try store.matrixSummary() == before)
    }

    @Test("a copy of a report under another name adds no findings")
    func sameFindingsDifferentFile() throws {
        let (store, _) = try ingest([Self.bandit])
        let copy = try TestPaths.write(try Data(contentsOf: URL(fileURLWithPath: Self.bandit)) + Data("\n".utf8), name: "again.sarif")
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let report = try ingestor.ingest(path: copy, now: 1_900_000_000)
        #expect(report.outcome.new == 0)
        #expect(report.outcome.unchanged == report.outcome.total)
    }
}
