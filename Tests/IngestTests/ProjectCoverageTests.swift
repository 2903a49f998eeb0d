import Config
import Findings
import Foundation
import GRDB
import Ingest
import TestSupport
import Testing

@testable import FindingStore

/// Issue 15: a report closes only what it looked at. The reports are real outputs of bandit,
/// detect-secrets, modelscan, picklescan and fickling on two small repositories and a folder of
/// pickles (`Fixtures/projects/generate.sh`).
@Suite struct ProjectCoverageTests {
    static func fixture(_ relative: String) -> String {
        TestPaths.packageRoot.appendingPathComponent("Tests/IngestTests/Fixtures/projects").appendingPathComponent(relative).path
    }

    func ingestor(_ store: FindingStore, config: MlsocConfig = MlsocConfig()) throws -> ReportIngestor {
        ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "tester", config: config)
    }

    func open(_ store: FindingStore, _ filter: String = "") throws -> [FindingRow] {
        var clauses = try FindingFilter.parse(filter).clauses
        clauses.append(.init(.states(TriageState.allCases.filter(\.isOpen))))
        return try store.findingsPage(FindingQuery(filter: FindingFilter(clauses: clauses)), after: nil, limit: 10_000)
    }

    @Test(
        "bandit SARIF of repo A, then of repo B (default project): none of A's findings resolved; A rescanned with one fix resolves exactly that one")
    func twoRepositories() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let a = try ingestor.ingest(path: Self.fixture("repoA/bandit.sarif"), now: 100)
        #expect(a.outcome.new == 8)
        #expect(a.outcome.coverage == "2 files", "bandit's metrics list app/main.py and app/settings.py")
        let b = try ingestor.ingest(path: Self.fixture("repoB/bandit.sarif"), now: 200)
        #expect(b.outcome.resolved == 0 && b.outcome.new == 2)
        #expect(try open(store, "tool:bandit").count == 8 + 2)
        let later = try ingestor.ingest(path: Self.fixture("repoA/bandit-later.sarif"), now: 300)
        // The eval on main.py line 15 was replaced: B307 is gone, the seven others stay.
        #expect(later.outcome.resolved == 1)
        #expect(later.outcome.unchanged == 7)
        let resolved = try store.findingsPage(FindingQuery(filter: try FindingFilter.parse("state:resolved")), after: nil, limit: 10)
        #expect(resolved.map(\.ruleID) == ["B307"])
        #expect(resolved.first?.location?.path == "app/main.py")
    }

    @Test("the same reports as explicit projects: A's rescan resolves in A only, B is untouched")
    func explicitProjects() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        _ = try ingestor.ingest(path: Self.fixture("repoA/bandit.sarif"), now: 100, request: IngestRequest(project: "repo-a"))
        let b = try ingestor.ingest(path: Self.fixture("repoB/bandit.sarif"), now: 200, request: IngestRequest(project: "repo-b"))
        #expect(b.outcome.project == "repo-b")
        let later = try ingestor.ingest(path: Self.fixture("repoA/bandit-later.sarif"), now: 300, request: IngestRequest(project: "repo-a"))
        #expect(later.outcome.resolved == 1 && later.outcome.project == "repo-a")
        #expect(try open(store, "project:repo-b").count == b.outcome.new)
        #expect(try open(store, "project:repo-a").count == 7)
        #expect(try store.projectNames() == ["default", "repo-a", "repo-b"])
    }

    @Test(
        "other flags: both repositories in one bandit SARIF, then one file of repo A as bandit JSON (./-prefixed paths): the same findings, nothing resolved or duplicated"
    )
    func otherFlags() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let both = try ingestor.ingest(path: Self.fixture("both-repos.bandit.sarif"), now: 100)
        #expect(both.outcome.new == 10 && both.outcome.coverage == "3 files")
        let single = try ingestor.ingest(path: Self.fixture("main-only.bandit.json"), now: 200)
        #expect(single.outcome.new == 0 && single.outcome.unchanged == single.outcome.total && single.outcome.resolved == 0)
        #expect(single.outcome.coverage == "repoA/app/main.py")
        #expect(try open(store).count == 10)
    }

    @Test("a clean detect-secrets baseline of repo B resolves none of repo A's secrets, and says why")
    func cleanSecretsBaseline() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let a = try ingestor.ingest(path: Self.fixture("repoA/secrets.json"), now: 100)
        #expect(a.outcome.new > 0)
        let b = try ingestor.ingest(path: Self.fixture("repoB/secrets.json"), now: 200)
        #expect(b.outcome.total == 0 && b.outcome.resolved == 0)
        #expect(b.outcome.resolvedNothingBecause?.contains("--covers") == true)
        #expect(try open(store, "tool:detect-secrets").count == a.outcome.new)
        // Told what it covered, the clean baseline of repo A's tree does resolve them.
        let fixed = try ingestor.ingest(path: Self.fixture("repoB/secrets.json"), now: 300, request: IngestRequest(covers: ["app/"]))
        #expect(fixed.outcome.resolved == a.outcome.new)
    }

    @Test("a ModelScan of models/a.pkl never resolves models/b.pkl; a later scan of models/ without b.pkl does")
    func modelScans() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let dir = try ingestor.ingest(path: Self.fixture("models/modelscan-dir.json"), now: 100)
        #expect(dir.outcome.new == 4)
        #expect(dir.outcome.coverage == "5 files")
        let single = try ingestor.ingest(path: Self.fixture("models/modelscan-a.json"), now: 200)
        #expect(single.outcome.resolved == 0 && single.outcome.unchanged == 1)
        let clean = try ingestor.ingest(path: Self.fixture("models/modelscan-c.json"), now: 250)
        #expect(clean.outcome.resolved == 0, "c.pkl had no finding; a, b, x, y lie outside its coverage")
        #expect(
            try open(store, "tool:modelscan").map(\.location?.path).compactMap { $0 }.sorted()
                == ["models/a.pkl", "models/b.pkl", "models/x.pkl", "models/y.pkl"])
        let later = try ingestor.ingest(path: Self.fixture("models/modelscan-dir-later.json"), now: 300)
        #expect(later.outcome.resolved == 1)
        #expect(try open(store, "tool:modelscan").compactMap(\.location?.path).sorted() == ["models/a.pkl", "models/x.pkl", "models/y.pkl"])
    }

    @Test("two byte-identical fickling reports named after two pickles both land, each attributed to its own model")
    func identicalFicklingReports() throws {
        let x = Self.fixture("models/x.pkl.fickling.json")
        let y = Self.fixture("models/y.pkl.fickling.json")
        #expect(FileManager.default.contents(atPath: x) == FileManager.default.contents(atPath: y))
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let first = try ingestor.ingest(path: x, now: 100)
        let second = try ingestor.ingest(path: y, now: 200)
        #expect(!second.outcome.alreadyIngested)
        #expect(first.outcome.new == 1 && second.outcome.new == 1)
        #expect(second.outcome.resolved == 0)
        #expect(try open(store, "tool:fickling").compactMap(\.model).sorted() == ["x", "y"])
        // The same file about the same pickle again is still a no-op.
        #expect(try ingestor.ingest(path: y, now: 300).outcome.alreadyIngested)
    }

    @Test("three projects, single-file and whole-directory model scans, in five shuffled orders: the same open findings every time")
    func shuffledOrders() throws {
        var config = MlsocConfig()
        config.projects = [
            .init(name: "repo-a", paths: ["*/repoA/*"]), .init(name: "repo-b", paths: ["*/repoB/*"]),
            .init(name: "model-zoo", paths: ["*/models/*"]),
        ]
        let reports = [
            "repoA/bandit.sarif", "repoA/bandit.json", "repoA/secrets.json", "repoB/bandit.sarif", "repoB/secrets.json",
            "models/modelscan-a.json", "models/modelscan-b.json", "models/modelscan-c.json", "models/modelscan-dir.json",
            "models/picklescan-dir.txt", "models/picklescan-a.txt", "models/a.pkl.fickling.json", "models/b.pkl.fickling.json",
            "models/x.pkl.fickling.json", "models/y.pkl.fickling.json",
        ].map(Self.fixture)
        var generator = SeededGenerator(seed: 15)
        var results: [[String]] = []
        for _ in 0..<5 {
            let store = try TestStore.make()
            let ingestor = try ingestor(store, config: config)
            for (offset, path) in reports.shuffled(using: &generator).enumerated() {
                _ = try ingestor.ingest(path: path, now: 1_000 + Int64(offset))
            }
            results.append(try open(store).map { "\($0.fingerprint.hex) \($0.tool) \($0.location?.path ?? "")" }.sorted())
        }
        #expect(results.allSatisfy { $0 == results[0] })
        #expect(results[0].count > 20)
        let store = try TestStore.make()
        let ingestor = try ingestor(store, config: config)
        for path in reports { _ = try ingestor.ingest(path: path, now: 1_000) }
        #expect(try store.projectNames() == ["default", "model-zoo", "repo-a", "repo-b"])
        #expect(try open(store, "project:model-zoo tool:modelscan").count == 4)
    }

    @Test("coverage from each format's real sample report: what the report says it looked at, and the summary line")
    func coverageFromSamples() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        // (report, what the report itself declares, one declared entry, the summary with the files its findings name)
        let cases: [(String, Int, Coverage.Entry?, String)] = [
            ("reports/bandit/fraud-detector.sarif", 2, .file("app/serve.py"), "2 files"),  // run.properties.metrics
            ("reports/bandit/fraud-detector.json", 2, .file("app/train.py"), "2 files"),  // metrics
            ("reports/semgrep/fraud-detector.json", 2, .file("app/serve.py"), "2 files"),  // paths.scanned
            ("reports/modelscan/models.json", 4, .file("fraud-detector-v1.pkl"), "4 files"),  // summary.scanned.scanned_files
            ("reports/modelaudit/models.json", 4, .file("/work/main/sample-data/projects/models/sentiment-bert.pt"), "5 files"),
            ("reports/garak/support-bot.report.jsonl", 1, .target("support-bot"), "target support-bot"),
            ("reports/promptfoo/support-bot.results.json", 1, .target("support-bot"), "target support-bot"),
            ("reports/fickling/sentiment-bert.pkl.fickling.json", 1, .file("sentiment-bert.pkl"), "sentiment-bert.pkl"),
            ("reports/cyclonedx/models.aisbom.cdx.json", 7, .target("fraud-detector-v1"), "4 files, 3 targets"),
            // These say nothing beyond the files their findings name: only those count as covered.
            ("reports/detect-secrets/fraud-detector.json", 0, nil, "4 files"),
            ("reports/picklescan/models.txt", 0, nil, "3 files"),
            ("reports/checkov/fraud-detector.json", 0, nil, "3 files"),  // failed checks only: no passed_checks here
        ]
        for (path, declared, entry, summary) in cases {
            let report = try ingestor.ingest(path: TestPaths.sample(path), now: 100)
            let coverage = try store.scanCoverage(scanID: try #require(report.outcome.scanID))
            #expect(coverage.entries.count == declared, "\(path): \(coverage.entries)")
            if let entry { #expect(coverage.entries.contains(entry), "\(path): \(coverage.entries)") }
            #expect(report.outcome.coverage == summary, "\(path)")
        }
        // pip-audit that audited nothing is an incomplete run: it resolves nothing and says so.
        let audit = try ingestor.ingest(path: TestPaths.sample("reports/pip-audit/fraud-detector.json"), now: 100)
        #expect(audit.outcome.resolvedNothingBecause?.contains("incomplete") == true)
    }

    @Test("two projects with the same files, rules and messages (semgrep's identity) keep two sets of findings; a scan of one leaves the other alone")
    func sameIdentityInTwoProjects() throws {
        let store = try TestStore.make()
        let ingestor = try ingestor(store)
        let report = try String(contentsOfFile: MappingTests.report("semgrep-community.json"), encoding: .utf8)
        let a = try TestPaths.write(report, name: "a.json")
        let b = try TestPaths.write(report + "\n", name: "b.json")
        let first = try ingestor.ingest(path: a, now: 100, request: IngestRequest(project: "repo-a"))
        let second = try ingestor.ingest(path: b, now: 200, request: IngestRequest(project: "repo-b"))
        #expect(second.outcome.new == first.outcome.new && second.outcome.unchanged == 0)
        #expect(try open(store, "project:repo-a").count == first.outcome.new)
        #expect(try open(store, "project:repo-b").count == first.outcome.new)
        // repo-b's clean run resolves repo-b's findings only.
        let clean = try TestPaths.write(
            #"{"version": "1.185.0", "results": [], "errors": [], "paths": {"scanned": ["svc/api.py", "svc/train.py", "Dockerfile", "infra/storage.tf", "deploy/inference.yaml", ".github/workflows/ci.yml"]}}"#,
            name: "clean.json")
        let cleaned = try ingestor.ingest(path: clean, now: 300, request: IngestRequest(project: "repo-b"))
        #expect(cleaned.outcome.resolved == first.outcome.new)
        #expect(try open(store, "project:repo-b").isEmpty)
        #expect(try open(store, "project:repo-a").count == first.outcome.new)
        // The default project keeps the tool's own fingerprint (stores before v17 did).
        let plain = try TestStore.make()
        _ = try ReportIngestor(store: plain, mapping: try MappingRules.bundled(), actor: "t").ingest(path: a, now: 1)
        let inDefault = Set(try plain.findingsPage(after: nil, limit: 1000).map(\.fingerprint))
        let inRepoA = Set(
            try store.findingsPage(FindingQuery(filter: try FindingFilter.parse("project:repo-a")), after: nil, limit: 1000, now: 400).map(
                \.fingerprint))
        #expect(inDefault.count == inRepoA.count && inDefault.isDisjoint(with: inRepoA))
    }

    @Test(
        "a store from before v17 gets its fingerprints per project on open: a re-ingest into the same project finds every finding again",
        .enabled(if: TestStore.onSQLite, "SQLite schema history"))
    func fingerprintMigration() throws {
        let store = try TestStore.make()
        let report = MappingTests.report("semgrep-community.json")
        let first = try ingestor(store).ingest(path: report, now: 100, request: IngestRequest(project: "repo-a"))
        let mixed = try store.findingsPage(after: nil, limit: 1000).map(\.fingerprint)
        // Write the store back as v16 kept it: the tool's fingerprints, no v17 in the migration log.
        let plain = try TestStore.make()
        _ = try ReportIngestor(store: plain, mapping: try MappingRules.bundled(), actor: "t").ingest(path: report, now: 1)
        let raw = try plain.findingsPage(after: nil, limit: 1000).map(\.fingerprint)
        let byMixed = Dictionary(uniqueKeysWithValues: raw.map { (IngestSink.inProject($0, name: "repo-a"), $0) })
        #expect(Set(byMixed.keys) == Set(mixed))
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            for (to, from) in byMixed {
                try db.execute(sql: "UPDATE finding SET fingerprint = ? WHERE fingerprint = ?", arguments: [Data(from.bytes), Data(to.bytes)])
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v17-fingerprints-per-project'")
        }
        try queue.close()
        let reopened = try FindingStore(path: store.path)
        #expect(Set(try reopened.findingsPage(after: nil, limit: 1000).map(\.fingerprint)) == Set(mixed))
        let copy = try TestPaths.write(try String(contentsOfFile: report, encoding: .utf8) + "\n", name: "again.json")
        let again = try ingestor(reopened).ingest(path: copy, now: 200, request: IngestRequest(project: "repo-a"))
        #expect(again.outcome.new == 0 && again.outcome.unchanged == first.outcome.new)
    }
}
