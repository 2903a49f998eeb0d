import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream
import TestSupport
import Testing

/// Real outputs of the supported scanners run with other flags on other trees than sample-data
/// (Fixtures/formats/generate.sh), beside the CSV, XML, text and HTML the same tools write (issues
/// 16 and 26).
@Suite struct FormatsFixtureTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/IngestTests/Fixtures/formats")

    static func fixture(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Every file of the folder and what it is: a format, or nil for a file that is not a report.
    static let expected: [String: FormatSniffer.Format?] = [
        "aisbom.cdx.json": .cyclonedx,
        "bandit-overlap.json": .banditJSON, "bandit-overlap.sarif": .sarif, "bandit-overlap.csv": nil,
        "bandit-syntax-v1.json": .banditJSON, "bandit-syntax-v1.sarif": .sarif, "bandit-syntax-v2.json": .banditJSON,
        "bandit-syntax-v2.sarif": .sarif, "bandit-svc.json": .banditJSON, "bandit-svc-baseline.json": .banditJSON,
        "bandit-svc-medium.json": .banditJSON,
        "bandit-svc-medium.sarif": .sarif, "bandit-svc-abs.json": .banditJSON, "bandit-svc-abs.sarif": .sarif,
        "bandit-overlap.html": nil, "bandit-overlap.txt": nil, "bandit-overlap.xml": nil,
        "checkov2-empty.json": .checkovJSON, "checkov2-multi.json": .checkovJSON, "checkov3-empty.json": .checkovJSON,
        "checkov3-pod.json": .checkovJSON, "checkov3-pod-skip.json": .checkovJSON, "checkov3-pod-check.json": .checkovJSON,
        "checkov3-pod-fixed.json": .checkovJSON,
        "checkov3-k8s.json": .checkovJSON, "checkov3-k8s.sarif": .sarif, "checkov3-multi.json": .checkovJSON,
        "checkov3-multi.sarif": .sarif, "checkov3-multi.csv": nil, "checkov3-multi.junit.xml": nil, "checkov3-multi.txt": nil,
        "hadolint-broken.json": .hadolintJSON, "hadolint-broken.sarif": .sarif, "hadolint-clean.json": .emptyList,
        "hadolint.json": .hadolintJSON, "hadolint.sarif": .sarif, "hadolint.checkstyle.xml": nil, "hadolint.txt": nil,
        "modelscan-console.txt": .modelscanConsole, "modelscan-zoo.json": .modelscan,
        "modelaudit-ma-v1.json": .modelaudit, "modelaudit-ma-v2.json": .modelaudit,
        "modelaudit.json": .modelaudit, "modelaudit.sarif": .sarif, "modelscan-single.json": .modelscan,
        "picklescan.txt": .picklescan, "picklescan-globals.txt": .picklescan, "picklescan-debug.txt": .picklescan,
        "picklescan-debug-fixed.txt": .picklescan, "picklescan-exclude-debug.txt": .picklescan, "picklescan-warning.txt": .picklescan,
        "mk_pickle_zoo.py": nil, "detect-secrets-audited.json": .detectSecrets, "detect-secrets-audit-report.json": nil,
        "cyclonedx-requirements.cdx.xml": nil, "modelaudit-split-a.json": .modelaudit,
        "modelaudit-split-a.sarif": .sarif,
        "modelaudit-split-b.json": .modelaudit, "modelaudit-split-b.sarif": .sarif, "modelaudit-split-a-fixed.json": .modelaudit,
        "modelaudit-split-a-fixed.sarif": .sarif, "pip-audit-1.x.json": .pipAudit, "pip-audit-2-nothing.json": .pipAudit,
        "semgrep-svc-more.json": .semgrepJSON, "semgrep-svc-more.sarif": .sarif, "semgrep-svc-more-time.json": .semgrepJSON,
        "semgrep-svc-time.json": .semgrepJSON, "semgrep-svc2.sarif": .sarif, "semgrep-svc2-fixed.sarif": .sarif, "semgrep-more-rules.yaml": nil,
        "semgrep-svc.json": .semgrepJSON, "semgrep-svc.sarif": .sarif, "semgrep-svc.junit.xml": nil, "semgrep-svc.txt": nil,
        "trufflehog3-2.x.json": .trufflehog3, "generate.sh": nil, "mk_pip_audit_1.py": nil, "README.md": nil,
        "gl-sast-semgrep.json": .gitlab, "gl-secrets-semgrep.json": .gitlab, "gl-sast-checkov.json": .gitlab,
        "hadolint.codeclimate.json": .codeClimate, "hadolint.gitlab-codeclimate.json": .codeClimate,
        "trivy-fs.json": .trivy, "trivy-0.19.json": .trivy, "grype-dir.json": .grype, "gitleaks.json": .gitleaks,
        "gitleaks-v7.json": .gitleaks, "trufflehog-v3.jsonl": .trufflehogV3, "osv-scanner.json": .osvScanner,
        "sonar-generic.json": .sonarGeneric, "sonar-generic-10.json": .sonarGeneric, "codeql.sarif": .sarif,
        "garak-probes-a.report.jsonl": .garak, "garak-probes-b.report.jsonl": .garak, "garak-probes-a-fixed.report.jsonl": .garak,
        "garak.avid.jsonl": .avid, "hf-hub-tree.json": .hfHubScan, "hf-hub-model-info.json": .hfHubScan,
        "azure-red-team.json": .azureRedTeam, "mk_azure_red_team.py": nil,
        "snyk-agent-scan.json": .mcpScan, "mcp-scan-0.3.json": .mcpScan, "mk_mcp_scan.py": nil, "giskard-scan.json": .giskard,
        "mk_giskard.py": nil,
        "hiddenlayer-scan.json": .hiddenLayer, "mk_hiddenlayer.py": nil,
    ]

    static func ingestor(_ store: FindingStore) throws -> ReportIngestor {
        ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
    }

    @Test("a folder mixing every format with its siblings: each report is recognised as its format, nothing else is")
    func sniffedByStructure() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(Set(files) == Set(Self.expected.keys), "a file in Fixtures/formats without an expectation, or one missing")
        for file in files {
            let format = try FormatSniffer.detect(path: Self.fixture(file))
            #expect(format == Self.expected[file] ?? nil, "\(file)")
        }
    }

    @Test("every report of the folder lands; every other file is refused as not a report")
    func everyReportLands() throws {
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        for (file, format) in Self.expected.sorted(by: { $0.key < $1.key }) {
            if format == nil {
                let error = try #require(throws: IngestError.self) { try ingestor.ingest(path: Self.fixture(file), now: 1) }
                #expect(error.code == .unrecognisedFormat, "\(file)")
            } else {
                #expect(throws: Never.self, "\(file)") { _ = try ingestor.ingest(path: Self.fixture(file), now: 1) }
            }
        }
    }

    /// The reports of the fixtures and of sample-data, each with the format it is.
    static func reports() throws -> [(path: String, format: FormatSniffer.Format)] {
        var out: [(path: String, format: FormatSniffer.Format)] = Self.expected.compactMap { file, format in
            format.map { (Self.fixture(file), $0) }
        }
        let samples = TestPaths.packageRoot.appendingPathComponent("sample-data/reports")
        for tool in try FileManager.default.contentsOfDirectory(atPath: samples.path) {
            let dir = samples.appendingPathComponent(tool)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                let path = dir.appendingPathComponent(file).path
                out.append((path, try #require(try FormatSniffer.detect(path: path), "\(path)")))
            }
        }
        return out.sorted { (a: (path: String, format: FormatSniffer.Format), b: (path: String, format: FormatSniffer.Format)) in a.path < b.path }
    }

    @Test("each report gives the findings an independent read of the raw file counts (scripts/count-findings.py)")
    func independentCounts() throws {
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/count-findings.py").path
        for (path, format) in try Self.reports() {
            let counted = try Shell.run(["python3", script, format.rawValue, path])
            #expect(counted.status == 0, "\(path): \(counted.stderr)")
            let expected = Int(counted.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            let store = try TestStore.make()
            _ = try Self.ingestor(store).ingest(path: path, now: 1)
            let stored = try store.findingsPage(after: nil, limit: 100_000).count
            #expect(stored == expected, "\(path) (\(format.rawValue)): mlsoc \(stored), independent count \(expected ?? -1)")
        }
    }

    @Test(
        "the JSON and the SARIF (or GitLab, Code Climate) of one run, ingested in either order: nothing new on the second",
        arguments: [
            ("bandit-overlap.json", "bandit-overlap.sarif"), ("semgrep-svc.json", "semgrep-svc.sarif"),
            ("checkov3-multi.json", "checkov3-multi.sarif"), ("checkov3-k8s.json", "checkov3-k8s.sarif"),
            ("hadolint.json", "hadolint.sarif"), ("modelaudit.json", "modelaudit.sarif"),
            ("semgrep-svc.json", "gl-sast-semgrep.json"), ("hadolint.json", "hadolint.codeclimate.json"),
            ("hadolint.sarif", "hadolint.gitlab-codeclimate.json"),
            ("../../../../sample-data/reports/garak/support-bot.report.jsonl", "garak.avid.jsonl"),
            ("../../../../sample-data/reports/semgrep/fraud-detector.json", "../../../../sample-data/reports/semgrep/fraud-detector.sarif"),
            ("../../../../sample-data/reports/bandit/fraud-detector.json", "../../../../sample-data/reports/bandit/fraud-detector.sarif"),
            ("../../../../sample-data/reports/checkov/fraud-detector.json", "../../../../sample-data/reports/checkov/fraud-detector.sarif"),
            ("../../../../sample-data/reports/hadolint/Dockerfile.json", "../../../../sample-data/reports/hadolint/Dockerfile.sarif"),
        ])
    func oneIdentityAcrossFormats(json: String, sarif: String) throws {
        for (first, second) in [(json, sarif), (sarif, json)] {
            let store = try TestStore.make()
            let ingestor = try Self.ingestor(store)
            let a = try ingestor.ingest(path: Self.fixture(first), now: 1)
            let b = try ingestor.ingest(path: Self.fixture(second), now: 2)
            #expect(a.outcome.new > 0, "\(first)")
            #expect(b.outcome.new == 0 && b.outcome.reopened == 0 && b.outcome.resolved == 0, "\(first) then \(second): \(b.outcome)")
            #expect(a.outcome.tool == b.outcome.tool, "one tool name for both formats")
        }
    }

    @Test("picklescan with -g, -l DEBUG and -l WARNING: the same findings; DEBUG's scanned files are covered, less those not fully read")
    func picklescanFlags() throws {
        let zoo = "/tmp/mlsoc-formats-fixtures/trees/zoo/"
        let found = ["evil.pkl", "model.pt:model/data.pkl", "nested/eval.pickle", "partial.pkl"].map { zoo + $0 }
        func openPaths(_ store: FindingStore) throws -> [String] {
            try store.findingsPage(after: nil, limit: 100).filter { $0.state == .new }.compactMap(\.location?.path).sorted()
        }
        for file in ["picklescan-globals.txt", "picklescan-debug.txt", "picklescan-warning.txt"] {
            let store = try TestStore.make()
            let report = try Self.ingestor(store).ingest(path: Self.fixture(file), now: 1)
            #expect(try openPaths(store) == found, "\(file)")
            #expect(report.warnings.contains { $0.contains("partial.pkl") && $0.hasPrefix("ERROR:") }, "\(file): \(report.warnings)")
            let coverage = try store.scanCoverage(scanID: try #require(report.outcome.scanID))
            if file == "picklescan-debug.txt" {
                // Scanned: eight files; partial.pkl, notpickle.pkl and broken.pt's member were not fully read.
                #expect(coverage.entries == ["clean.pkl", "evil.pkl", "model.pt", "nested/eval.pickle", "suspicious.pkl"].map { .file(zoo + $0) })
            } else {
                #expect(coverage.entries.isEmpty, "\(file): \(coverage.entries)")
            }
            if file == "picklescan-warning.txt" {
                #expect(report.outcome.resolvedNothingBecause != nil && report.warnings.contains { $0.contains("no SCAN SUMMARY") })
            } else {
                // The suspicious global is counted (and named by -g), never placed in a file.
                let suspicious = try #require(report.warnings.first { $0.contains("1 suspicious globals") }, "\(file)")
                #expect(suspicious.hasSuffix(": myteam.util.Loader") == (file == "picklescan-globals.txt"), "\(suspicious)")
            }
        }
        // A week later evil.pkl is clean and partial.pkl is no pickle: the DEBUG run resolves the
        // first; partial.pkl was not read, so its finding stays open. Files --exclude left out stay.
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        _ = try ingestor.ingest(path: Self.fixture("picklescan-debug.txt"), now: 1)
        let excluded = try ingestor.ingest(path: Self.fixture("picklescan-exclude-debug.txt"), now: 2)
        #expect(excluded.outcome.resolved == 0 && excluded.outcome.new == 0, "\(excluded.outcome)")
        let fixed = try ingestor.ingest(path: Self.fixture("picklescan-debug-fixed.txt"), now: 3)
        #expect(fixed.outcome.resolved == 1 && fixed.outcome.new == 0, "\(fixed.outcome)")
        #expect(try openPaths(store) == found.filter { !$0.hasSuffix("/evil.pkl") })
    }

    @Test("modelaudit that could not finish one pickle: that file's findings stay open, the files it finished resolve")
    func modelauditInconclusiveFile() throws {
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        #expect(try ingestor.ingest(path: Self.fixture("modelaudit-ma-v1.json"), now: 1).outcome.new == 6)
        // a.pkl rewritten clean; b.pkl cut inside its second REDUCE: modelaudit calls it inconclusive.
        let second = try ingestor.ingest(path: Self.fixture("modelaudit-ma-v2.json"), now: 2)
        #expect(second.outcome.resolved == 2 && second.outcome.resolvedNothingBecause == nil, "\(second.outcome)")
        #expect(second.warnings.contains { $0.contains("1 files inconclusive") }, "\(second.warnings)")
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(rows.filter { $0.state == .resolved }.allSatisfy { $0.location?.path.hasSuffix("/ma/a.pkl") == true })
        #expect(rows.filter { $0.state == .new && $0.location?.path.hasSuffix("/ma/b.pkl") == true && $0.ruleID == "S201" }.count == 2)
    }

    @Test("modelaudit run at a tree's top on one folder covers that folder, not the tree it ran in; its SARIF keeps the JSON's severities")
    func modelauditFolders() throws {
        var seen: [[String]] = []
        for format in ["json", "sarif"] {
            let store = try TestStore.make()
            let ingestor = try Self.ingestor(store)
            let a = try ingestor.ingest(path: Self.fixture("modelaudit-split-a.\(format)"), now: 1)
            #expect(a.outcome.new == 2, "\(format): \(a.outcome)")
            // Folder b, scanned from the same working directory, says nothing about folder a.
            let b = try ingestor.ingest(path: Self.fixture("modelaudit-split-b.\(format)"), now: 2)
            #expect(b.outcome.new == 1 && b.outcome.resolved == 0, "\(format): \(b.outcome)")
            // Folder a again once evil.pkl was rewritten clean: its finding is resolved.
            let fixed = try ingestor.ingest(path: Self.fixture("modelaudit-split-a-fixed.\(format)"), now: 3)
            #expect(fixed.outcome.resolved == 1, "\(format): \(fixed.outcome)")
            let rows = try store.findingsPage(after: nil, limit: 100)
            let resolved = rows.filter { $0.state == .resolved }.compactMap(\.location?.path)
            #expect(resolved == ["/tmp/mlsoc-formats-fixtures/trees/split/a/evil.pkl"], "\(format)")
            seen.append(rows.map { "\($0.ruleID) \($0.severity) \($0.state) \($0.location?.path ?? "")" }.sorted())
        }
        #expect(seen[0] == seen[1], "JSON and SARIF of the same runs: \(seen)")
        #expect(seen[0].contains { $0.hasPrefix("S201 critical resolved") }, "\(seen[0])")
    }

    @Test("an audited detect-secrets baseline: 'fine to commit' is a false positive, 'a real secret' is confirmed, unlabelled stays new")
    func auditedSecretsBaseline() throws {
        let store = try TestStore.make()
        let report = try Self.ingestor(store).ingest(path: Self.fixture("detect-secrets-audited.json"), now: 1)
        #expect(report.outcome.new == 4)
        let rows = try store.findingsPage(after: nil, limit: 100)
        let states = Dictionary(uniqueKeysWithValues: rows.map { ($0.ruleID, $0.state) })
        #expect(
            states == [
                "AWS Access Key": .falsePositive, "Secret Keyword": .exploitable, "Base64 High Entropy String": .falsePositive,
                "GitHub Token": .new,
            ])
        for row in rows where row.state != .new {
            let event = try #require(try store.events(findingID: row.id).last)
            #expect(event.kind == "imported-from-detect-secrets" && event.reason?.contains("detect-secrets audit") == true, "\(event)")
        }
        // Accounts offered for @ are people, not the import.
        let accounts = try store.knownAccounts()
        #expect(accounts.isEmpty, "\(accounts)")
    }

    @Test("bandit against a baseline (-b) or above a severity: what it filtered out is not fixed, and stays open")
    func banditFiltered() throws {
        for filtered in ["bandit-svc-baseline.json", "bandit-svc-medium.json", "bandit-svc-medium.sarif"] {
            let store = try TestStore.make()
            let ingestor = try Self.ingestor(store)
            let full = try ingestor.ingest(path: Self.fixture("bandit-svc.json"), now: 1)
            #expect(full.outcome.new == 18)
            let report = try ingestor.ingest(path: Self.fixture(filtered), now: 2)
            #expect(report.outcome.resolved == 0 && report.outcome.new == 0, "\(filtered): \(report.outcome)")
            #expect(report.warnings.contains { $0.hasPrefix("bandit counted") && $0.contains("in 2 files") }, "\(filtered): \(report.warnings)")
            #expect(try store.count(FindingQuery(filter: try FindingFilter.parse("state:open")), now: 3) == 18, "\(filtered)")
        }
        // The unfiltered run again resolves nothing either, and a rescan with every count reported covers its files.
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        _ = try ingestor.ingest(path: Self.fixture("bandit-svc.json"), now: 1)
        let again = try ingestor.ingest(path: Self.fixture("bandit-svc-abs.json"), now: 2)
        #expect(again.warnings.isEmpty && again.outcome.coverage == "2 files", "\(again.outcome)")
    }

    @Test("bandit that cannot parse a file: that file's findings stay open, the files it read resolve (JSON and SARIF)")
    func banditParseErrors() throws {
        for format in ["json", "sarif"] {
            let store = try TestStore.make()
            let ingestor = try Self.ingestor(store)
            #expect(try ingestor.ingest(path: Self.fixture("bandit-syntax-v1.\(format)"), now: 1).outcome.new == 5)
            let second = try ingestor.ingest(path: Self.fixture("bandit-syntax-v2.\(format)"), now: 2)
            #expect(second.outcome.resolved == 2 && second.warnings.contains { $0.contains("app/old.py") }, "\(format): \(second.outcome)")
            let rows = try store.findingsPage(after: nil, limit: 100)
            #expect(rows.filter { $0.state == .resolved }.allSatisfy { $0.location?.path == "app/a.py" })
            #expect(rows.filter { $0.state == .new }.count == 3 && rows.filter { $0.state == .new }.allSatisfy { $0.location?.path == "app/old.py" })
        }
    }

    @Test("bandit given an absolute path: its SARIF's file:/// URIs name the files as its JSON does, so one run is one set of findings")
    func banditAbsolutePaths() throws {
        for (first, second) in [("bandit-svc-abs.json", "bandit-svc-abs.sarif"), ("bandit-svc-abs.sarif", "bandit-svc-abs.json")] {
            let store = try TestStore.make()
            let ingestor = try Self.ingestor(store)
            let a = try ingestor.ingest(path: Self.fixture(first), now: 1)
            let b = try ingestor.ingest(path: Self.fixture(second), now: 2)
            #expect(a.outcome.new == 18 && b.outcome.new == 0 && b.outcome.resolved == 0, "\(first) then \(second): \(b.outcome)")
            let paths = Set(try store.findingsPage(after: nil, limit: 100).compactMap(\.location?.path))
            #expect(paths == ["/tmp/mlsoc-formats-fixtures/trees/svc/train.py", "/tmp/mlsoc-formats-fixtures/trees/svc/train_copy.py"])
        }
    }

    @Test("two semgrep configurations on one tree: a report that lists its rules resolves only those rules' findings; --scope parts the rest")
    func semgrepRuleSets() throws {
        func open(_ store: FindingStore) throws -> Int {
            try store.count(FindingQuery(filter: try FindingFilter.parse("state:open")), now: 10)
        }
        let pairs = [
            ("semgrep-svc.sarif", "semgrep-svc-more.sarif"), ("semgrep-svc-time.json", "semgrep-svc-more-time.json"),
            ("semgrep-svc.json", "semgrep-svc-more-time.json"), ("semgrep-svc.json", "semgrep-svc-more.sarif"),
        ]
        for (first, second) in pairs {
            let store = try TestStore.make()
            let ingestor = try Self.ingestor(store)
            let a = try ingestor.ingest(path: Self.fixture(first), now: 1)
            let b = try ingestor.ingest(path: Self.fixture(second), now: 2)
            #expect(a.outcome.new == 10 && b.outcome.new == 6 && b.outcome.resolved == 0, "\(first) then \(second): \(b.outcome)")
            #expect(try open(store) == 16)
        }
        // The JSON without --time does not say which rules ran: a scope of its own keeps it apart.
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        _ = try ingestor.ingest(path: Self.fixture("semgrep-svc.json"), now: 1)
        let other = try ingestor.ingest(path: Self.fixture("semgrep-svc-more.json"), now: 2, request: IngestRequest(category: "more-rules"))
        let stillOpen = try open(store)
        #expect(other.outcome.resolved == 0 && stillOpen == 16)
        // The same rules again after a fix: what they no longer find is resolved.
        let fixedStore = try TestStore.make()
        let fixedIngestor = try Self.ingestor(fixedStore)
        _ = try fixedIngestor.ingest(path: Self.fixture("semgrep-svc2.sarif"), now: 1)
        let fixed = try fixedIngestor.ingest(path: Self.fixture("semgrep-svc2-fixed.sarif"), now: 2)
        #expect(fixed.outcome.resolved == 3 && fixed.outcome.new == 0, "\(fixed.outcome)")
    }

    @Test("checkov with --skip-check or --check resolves only the checks it ran; a fixed check that now passes is resolved")
    func checkovCheckSubsets() throws {
        for subset in ["checkov3-pod-skip.json", "checkov3-pod-check.json"] {
            let store = try TestStore.make()
            let ingestor = try Self.ingestor(store)
            #expect(try ingestor.ingest(path: Self.fixture("checkov3-pod.json"), now: 1).outcome.new == 20)
            let report = try ingestor.ingest(path: Self.fixture(subset), now: 2)
            #expect(report.outcome.resolved == 0 && report.outcome.new == 0, "\(subset): \(report.outcome)")
        }
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        _ = try ingestor.ingest(path: Self.fixture("checkov3-pod.json"), now: 1)
        let fixed = try ingestor.ingest(path: Self.fixture("checkov3-pod-fixed.json"), now: 2)
        #expect(fixed.outcome.resolved == 1, "\(fixed.outcome)")
        let resolved = try store.findingsPage(after: nil, limit: 100).filter { $0.state == .resolved }.map(\.ruleID)
        #expect(resolved == ["CKV_K8S_16"])
    }

    @Test("modelscan -r json without -o, redirected: the console's log lines and wrapping come off, and it is the -o report of the run")
    func modelscanConsole() throws {
        let console = try String(contentsOfFile: Self.fixture("modelscan-console.txt"), encoding: .utf8)
        #expect(console.hasPrefix("No settings file detected") && console.contains("at \nposition 22"), "a real wrapped console")
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        let fromConsole = try ingestor.ingest(path: Self.fixture("modelscan-console.txt"), now: 1)
        let fromFile = try ingestor.ingest(path: Self.fixture("modelscan-zoo.json"), now: 2)
        #expect(fromConsole.outcome.new == 3 && fromFile.outcome.new == 0 && fromFile.outcome.unchanged == 3, "\(fromFile.outcome)")
        #expect(fromFile.outcome.resolved == 0 && fromConsole.outcome.coverage == fromFile.outcome.coverage)
        #expect(fromConsole.warnings == fromFile.warnings && fromConsole.warnings.contains { $0.contains("at position 22") })
        // Cut before its report, it is quarantined with its reason, not read as clean.
        let cut = try TestPaths.write(String(console.prefix { $0 != "{" }), name: "modelscan-cut.txt")
        #expect(try FormatSniffer.detect(path: cut) == nil)
    }

    @Test("red-team runs of other probes or plugins against the same target leave the first run's findings open; a rerun that passes resolves")
    func redTeamProbeSets() throws {
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        let a = try ingestor.ingest(path: Self.fixture("garak-probes-a.report.jsonl"), now: 1)
        #expect(a.outcome.new == 1)
        let b = try ingestor.ingest(path: Self.fixture("garak-probes-b.report.jsonl"), now: 2)
        #expect(b.outcome.resolved == 0, "lmrc.Profanity says nothing about dan.Dan_11_0: \(b.outcome)")
        // dan.Dan_11_0 again, against a target that answers nothing: dan.DAN passes, so it is resolved.
        let fixed = try ingestor.ingest(path: Self.fixture("garak-probes-a-fixed.report.jsonl"), now: 3)
        #expect(fixed.outcome.resolved == 1, "\(fixed.outcome)")
        let resolved = try store.findingsPage(after: nil, limit: 100).filter { $0.state == .resolved }.map(\.ruleID)
        #expect(resolved == ["dan.Dan_11_0/dan.DAN"])

        // promptfoo: an eval of one plugin (the real results, cut to pii:direct) leaves the others.
        let sample = TestPaths.sample("reports/promptfoo/support-bot.results.json")
        var results = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sample))) as? [String: Any])
        var inner = try #require(results["results"] as? [String: Any])
        let all = try #require(inner["results"] as? [[String: Any]])
        inner["results"] = all.filter { (($0["testCase"] as? [String: Any])?["metadata"] as? [String: Any])?["pluginId"] as? String == "pii:direct" }
        results["results"] = inner
        let subset = try TestPaths.write(try JSONSerialization.data(withJSONObject: results), name: "promptfoo-pii-only.json")
        let store2 = try TestStore.make()
        let ingestor2 = try Self.ingestor(store2)
        let full = try ingestor2.ingest(path: sample, now: 1)
        #expect(full.outcome.new == 3)
        let piiOnly = try ingestor2.ingest(path: subset, now: 2)
        #expect(piiOnly.outcome.resolved == 0 && piiOnly.outcome.unchanged == 1, "\(piiOnly.outcome)")
    }

    @Test("a tool's other output handed in by mistake is refused with what it is and the flag that writes a report")
    func hintsForOtherOutputs() throws {
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        let cases = [
            ("cyclonedx-requirements.cdx.xml", "CycloneDX XML"), ("detect-secrets-audit-report.json", "detect-secrets audit --report"),
        ]
        for (file, says) in cases {
            let error = try #require(throws: IngestError.self) { try ingestor.ingest(path: Self.fixture(file), now: 1) }
            #expect(error.code == .unrecognisedFormat && "\(error)".contains(says), "\(file): \(error)")
            #expect(!"\(error)".contains("AKIA"), "the message quotes no secret")
        }
        let console = try String(contentsOfFile: Self.fixture("modelscan-console.txt"), encoding: .utf8)
        let cut = try TestPaths.write(String(console.prefix { $0 != "{" }), name: "modelscan-log-only.txt")
        let error = try #require(throws: IngestError.self) { try ingestor.ingest(path: cut, now: 1) }
        #expect("\(error)".contains("modelscan console output without its JSON report"), "\(error)")
    }

    @Test("a Dockerfile hadolint cannot parse (DL1000) is a scan warning in JSON and in SARIF, never a finding")
    func dl1000() throws {
        for file in ["hadolint-broken.json", "hadolint-broken.sarif"] {
            let store = try TestStore.make()
            let report = try Self.ingestor(store).ingest(path: Self.fixture(file), now: 1)
            #expect(report.outcome.total == 0, "\(file)")
            #expect(report.warnings.contains { $0.contains("Dockerfile.broken") && $0.contains("could not") }, "\(file): \(report.warnings)")
        }
    }

    @Test("clean and empty outputs: `[]` is a report of no tool that resolves nothing; checkov's summary alone is clean")
    func cleanOutputs() throws {
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        let empty = try ingestor.ingest(path: Self.fixture("hadolint-clean.json"), now: 1)
        #expect(empty.format == "empty-list" && empty.outcome.total == 0 && empty.outcome.resolvedNothingBecause != nil)
        for file in ["checkov3-empty.json", "checkov2-empty.json"] {
            let report = try ingestor.ingest(path: Self.fixture(file), now: 2)
            #expect(report.format == "checkov-json" && report.outcome.total == 0 && report.outcome.tool == "checkov", "\(file)")
        }
        // pip-audit 2.x that audited nothing: a partial report, not an unknown one.
        let nothing = try ingestor.ingest(path: Self.fixture("pip-audit-2-nothing.json"), now: 3)
        #expect(nothing.format == "pip-audit" && nothing.outcome.resolvedNothingBecause != nil)
    }

    @Test("older versions: pip-audit 1.x's bare list, trufflehog3 2.x's legacy hits (one secret in two commits is one finding), checkov 2.x")
    func olderVersions() throws {
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        let pip = try ingestor.ingest(path: Self.fixture("pip-audit-1.x.json"), now: 1)
        #expect(pip.outcome.new == 3 && pip.warnings.contains { $0.contains("torch") })
        let legacy = try ingestor.ingest(path: Self.fixture("trufflehog3-2.x.json"), now: 2)
        // Six hits: three secrets, each in the history and in the working tree.
        #expect(legacy.outcome.total == 6 && legacy.outcome.new == 3 && legacy.outcome.duplicates == 3)
        let rows = try store.findingsPage(after: nil, limit: 100).filter { $0.tool == "trufflehog3" }
        #expect(Set(rows.map(\.ruleID)) == ["amazon-aws-access-key-id", "high-entropy"])
        // The secret is never stored: only its first characters and its length.
        for row in rows {
            let detail = try #require(try store.findingDetail(id: row.id))
            #expect(!(detail.evidence ?? "").contains("AKIAIOSFODNN7EXAMPLE") && !(detail.evidence ?? "").contains("ghp_abcdefghij"))
        }
        let checkov2 = try ingestor.ingest(path: Self.fixture("checkov2-multi.json"), now: 3)
        #expect(checkov2.outcome.new > 30)
    }

    @Test("locations are cleaned: %-decoded, positions split off, doubled prefixes collapsed; models attributed from the clean path")
    func cleanLocations() throws {
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        _ = try ingestor.ingest(path: Self.fixture("modelaudit.sarif"), now: 1)
        _ = try ingestor.ingest(path: Self.fixture("checkov3-multi.sarif"), now: 2)
        _ = try ingestor.ingest(path: Self.fixture("modelscan-single.json"), now: 3)
        let rows = try store.findingsPage(after: nil, limit: 1000)
        let paths = Set(rows.compactMap { $0.location?.path })
        #expect(!paths.contains { $0.contains("%") || $0.contains(" (pos") }, "\(paths)")
        let reduce = try #require(
            rows.first { $0.tool == "modelaudit" && $0.location?.path.hasSuffix("fraud-detector-v2.pkl") == true && $0.ruleID == "S201" })
        #expect(reduce.model == "fraud-detector-v2")
        // modelaudit's SARIF `MA` prefix is its JSON's issue type.
        #expect(rows.contains { $0.tool == "modelaudit" && $0.ruleID == "pickle_check" })
        #expect(!rows.contains { $0.ruleID.hasPrefix("MA") })
        // checkov's Kubernetes runner writes `-d` twice; ModelScan's single-file run names the file twice.
        #expect(paths.contains("infra/k8s/deploy.yaml") && !paths.contains { $0.contains("infra/infra") })
        #expect(paths.contains("models/sentiment-bert.pt:sentiment-bert/data.pkl"))
        #expect(!paths.contains { $0.contains("sentiment-bert.pt/sentiment-bert.pt") })
    }

    @Test("new formats: Trivy's PASS checks and clean targets are coverage; OSV groups aliases; secrets are never stored")
    func newFormats() throws {
        let store = try TestStore.make()
        let ingestor = try Self.ingestor(store)
        let trivy = try ingestor.ingest(path: Self.fixture("trivy-fs.json"), now: 1)
        // 2 vulnerabilities, 2 failed checks (one passed), 1 secret, 1 licence; a clean target covered.
        #expect(trivy.outcome.new == 6 && trivy.outcome.coverage.contains("7 files"))
        let osv = try ingestor.ingest(path: Self.fixture("osv-scanner.json"), now: 2)
        #expect(osv.outcome.new == 2, "GHSA-53q9 and PYSEC-2025-41 are one finding under CVE-2025-32434")
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(rows.contains { $0.tool == "osv-scanner" && $0.ruleID == "CVE-2025-32434" })
        for file in ["gitleaks.json", "trufflehog-v3.jsonl", "gitleaks-v7.json"] {
            _ = try ingestor.ingest(path: Self.fixture(file), now: 3)
        }
        for row in try store.findingsPage(after: nil, limit: 1000) where ["gitleaks", "trufflehog"].contains(row.tool) {
            let evidence = try #require(try store.findingDetail(id: row.id)).evidence ?? ""
            for secret in ["hf_aZ9xQ2wE4rT6yU8iO0pL3kJ5hG7fD1sAbC", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAIOSFODNN7EXAMPLEwJalr"] {
                #expect(!evidence.contains(secret) && !row.title.contains(secret), "\(row.tool) \(row.ruleID)")
            }
        }
        // The Hub's per-file scans: a dangerous and a suspicious pickle import, malware, two partner verdicts.
        let hub = try ingestor.ingest(path: Self.fixture("hf-hub-tree.json"), now: 4)
        #expect(hub.outcome.new == 5 && hub.outcome.coverage.contains("5 files"))
        let hubRows = try store.findingsPage(after: nil, limit: 100).filter { $0.tool == "huggingface-hub" }
        #expect(hubRows.allSatisfy { $0.threat == .malwareDistribution })
        #expect(hubRows.first { $0.ruleID == "builtins.exec" }?.severity == .critical)
        // Azure AI red team: 3 of 4 risk categories had an attack through; the fourth is coverage.
        let red = try ingestor.ingest(path: Self.fixture("azure-red-team.json"), now: 4)
        #expect(red.outcome.new == 3 && red.outcome.coverage.contains("4 targets"))
        let violence = try #require(try store.findingsPage(after: nil, limit: 200).first { $0.ruleID == "risk:violence" })
        #expect(violence.threat == .modelBiasAttack && abs((violence.attackSuccessRate ?? 0) - 0.2) < 0.001)
        // MCP scans: risk scores above zero (a zero score is no finding), issue codes; X002 (whitelisted) is none.
        let snyk = try ingestor.ingest(path: Self.fixture("snyk-agent-scan.json"), now: 5)
        #expect(snyk.outcome.new == 3)
        let legacy = try ingestor.ingest(path: Self.fixture("mcp-scan-0.3.json"), now: 5)
        #expect(legacy.outcome.new == 2)
        let poisoned = try #require(try store.findingsPage(after: nil, limit: 300).first { $0.ruleID == "E001" })
        #expect(poisoned.threat == .unintendedSystemInteraction)
        #expect(try store.findingDetail(id: poisoned.id)?.evidence?.contains("~/.ssh/id_rsa") == true)
        // Giskard: one finding per issue; detectors that found nothing are coverage.
        let giskard = try ingestor.ingest(path: Self.fixture("giskard-scan.json"), now: 6)
        #expect(giskard.outcome.new == 5 && giskard.outcome.coverage.contains("6 targets"))
        // HiddenLayer: two detections on the model's pickle; a file it could not scan is a warning and
        // makes the run partial.
        let hidden = try ingestor.ingest(path: Self.fixture("hiddenlayer-scan.json"), now: 7)
        #expect(hidden.outcome.new == 2 && hidden.outcome.resolvedNothingBecause != nil)
        #expect(hidden.warnings.contains { $0.contains("weights.h5") })
        let detection = try #require(try store.findingsPage(after: nil, limit: 400).first { $0.ruleID == "PICKLE_0055_202408" })
        #expect(detection.model == "fraud-detector" && detection.severity == .critical && detection.threat == .malwareDistribution)
        let sonar = try ingestor.ingest(path: Self.fixture("sonar-generic.json"), now: 4)
        #expect(sonar.outcome.tool == "ml-lint" && sonar.outcome.new == 2)
    }

    @Test("CodeQL SARIF: rules in tool.extensions, found through result.rule.toolComponent, one run per language")
    func codeQL() throws {
        let store = try TestStore.make()
        let report = try Self.ingestor(store).ingest(path: Self.fixture("codeql.sarif"), now: 1)
        #expect(report.outcome.new == 3 && report.outcome.tool == "codeql")
        let rows = try store.findingsPage(after: nil, limit: 100)
        let pickle = try #require(rows.first { $0.ruleID == "py/unsafe-deserialization" })
        // Title, severity (security-severity 9.8) and CWE come from the query pack's rule.
        #expect(pickle.title.hasPrefix("Deserializing user-controlled data") && pickle.severity == .critical)
        #expect(pickle.threat == .malwareDistribution)
        let js = try #require(rows.first { $0.ruleID == "js/code-injection" })
        #expect(js.title.hasPrefix("Interpreting unsanitized user input") && js.location?.path == "dashboard/src/render.js")
    }

    @Test("aisbom's LOW rating of a clean file is inventory, not a finding")
    func aisbomLow() throws {
        let store = try TestStore.make()
        _ = try Self.ingestor(store).ingest(path: Self.fixture("aisbom.cdx.json"), now: 1)
        #expect(try store.models().contains { $0.name == "clean" })
        #expect(try !store.findingsPage(after: nil, limit: 100).contains { $0.model == "clean" || $0.location?.path == "clean.safetensors" })
    }

    @Test("Markdown, README and log files that quote a report are not reports")
    func quotedReports() throws {
        let dir = try TestPaths.temporaryDirectory("mlsoc-quoted")
        for (path, _) in try Self.reports() {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
            let name = URL(fileURLWithPath: path).lastPathComponent
            let markdown = "# What the scanner said\n\nWe ran it on the tree; its output:\n\n```\n\(text)\n```\n\nTriage notes follow.\n"
            let readme = "The report below is an example.\n\n    " + text.replacingOccurrences(of: "\n", with: "\n    ") + "\n"
            let log = text.split(separator: "\n").map { "2026-12-01T10:00:00Z INFO scanner: \($0)" }.joined(separator: "\n") + "\n"
            for (suffix, content) in [("md", markdown), ("README", readme), ("log", log)] {
                let file = dir.appendingPathComponent("\(name).\(suffix)")
                try Data(content.utf8).write(to: file)
                #expect(try FormatSniffer.detect(path: file.path) == nil, "\(file.lastPathComponent)")
            }
        }
    }

    @Test("checkov with several frameworks whose first failed check comes after 600 KB of passed checks is read whole")
    func longCheckov() throws {
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.fixture("checkov3-multi.json"))))
        var reports = try #require(original as? [[String: Any]])
        // The first framework's results: real passed checks repeated past 600 KB, failed checks after.
        var results = try #require(reports[0]["results"] as? [String: Any])
        let passed = try #require(results["passed_checks"] as? [[String: Any]])
        var padded: [[String: Any]] = []
        while try JSONSerialization.data(withJSONObject: padded).count < 600_000 { padded += passed }
        let failed = results.removeValue(forKey: "failed_checks")
        var ordered = try String(decoding: JSONSerialization.data(withJSONObject: ["passed_checks": padded]), as: UTF8.self)
        ordered.removeLast()
        ordered += ",\"failed_checks\":" + String(decoding: try JSONSerialization.data(withJSONObject: failed ?? []), as: UTF8.self) + "}"
        reports[0]["results"] = "RESULTS"
        var text = String(decoding: try JSONSerialization.data(withJSONObject: reports), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"RESULTS\"", with: ordered)
        let file = try TestPaths.temporaryDirectory("mlsoc-long").appendingPathComponent("checkov.json")
        try Data(text.utf8).write(to: file)
        #expect(text.utf8.count > 600_000)
        #expect(try FormatSniffer.detect(path: file.path) == .checkovJSON)
        let store = try TestStore.make()
        let report = try Self.ingestor(store).ingest(path: file.path, now: 1)
        #expect(report.outcome.new == 35)
    }

    @Test("SARIF kind: pass, notApplicable and informational are coverage, not findings; review and open start in triage")
    func sarifKind() throws {
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.fixture("semgrep-svc.sarif"))))
        var log = try #require(original as? [String: Any])
        var runs = try #require(log["runs"] as? [[String: Any]])
        var results = try #require(runs[0]["results"] as? [[String: Any]])
        let kinds = ["fail", "pass", "notApplicable", "informational", "pass", "review", "open", "pass", "pass", "pass"]
        #expect(results.count == kinds.count)
        for index in results.indices { results[index]["kind"] = kinds[index] }
        // The last file only has passes: it is in the coverage without a finding.
        runs[0]["results"] = results
        log["runs"] = runs
        let file = try TestPaths.temporaryDirectory("mlsoc-kind").appendingPathComponent("kinds.sarif")
        try JSONSerialization.data(withJSONObject: log).write(to: file)
        let store = try TestStore.make()
        let report = try Self.ingestor(store).ingest(path: file.path, now: 1)
        #expect(report.outcome.new == 3)
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(rows.filter { $0.state == .inTriage }.count == 2)
        #expect(rows.filter { $0.state == .new }.count == 1)
        #expect(report.outcome.coverage.contains("2 files"))

        // The acceptance case: passes plus one fail give one finding; the passes are coverage.
        for index in results.indices { results[index]["kind"] = index == 0 ? "fail" : "pass" }
        runs[0]["results"] = results
        log["runs"] = runs
        let passes = file.deletingLastPathComponent().appendingPathComponent("passes.sarif")
        try JSONSerialization.data(withJSONObject: log).write(to: passes)
        let other = try TestStore.make()
        let onePass = try Self.ingestor(other).ingest(path: passes.path, now: 1)
        #expect(onePass.outcome.new == 1 && onePass.outcome.total == 1)
        // train_copy.py has only passes: covered, without a finding.
        #expect(onePass.outcome.coverage.contains("2 files"))
        #expect(try other.findingsPage(after: nil, limit: 10).allSatisfy { $0.location?.path == "svc/train.py" })
    }
}
