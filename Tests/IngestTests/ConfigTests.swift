import Config
import FindingStore
import Findings
import Foundation
import GRDB
import Ingest
import JSONStream
import TestSupport
import Testing

@Suite struct ConfigTests {
    static let yaml = """
        models:
          - name: fraud-detector
            version: "2.3.0"
            owner: risk-ml
            criticality: 2
            stage: deploy
            paths: ["app/*", "fraud-detector-v*.pkl"]
        """

    @Test("config path rules attribute findings to a model and register it with owner, stage and criticality")
    func attribution() throws {
        let config = try MlsocConfig.parse(yaml: Self.yaml, source: "config.yaml")
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test", config: config)
        _ = try ingestor.ingest(path: TestPaths.sample("reports/bandit/fraud-detector.sarif"), now: 1)
        _ = try ingestor.ingest(path: TestPaths.sample("reports/modelscan/models.json"), now: 2)
        let rows = try store.findingsPage(after: nil, limit: 1000)
        #expect(rows.filter { $0.location?.path.hasPrefix("app/") == true }.allSatisfy { $0.model == "fraud-detector" })
        // The config's rule wins over the file name; other model files keep their own names.
        let v2 = rows.filter { $0.location?.path == "fraud-detector-v2.pkl" }
        #expect(!v2.isEmpty && v2.allSatisfy { $0.model == "fraud-detector" })
        #expect(rows.contains { $0.model == "sentiment-bert" })
        let model = try #require(try store.models().first { $0.name == "fraud-detector" && $0.version == "2.3.0" })
        #expect(model.owner == "risk-ml" && model.stage == "deploy" && model.criticality == 2 && model.source == "config")
    }

    @Test(
        "a broken config names the file and the key",
        arguments: [
            ("models:\n  - name: x\n    stage: production\n", "models.0.stage"),
            ("models:\n  - name: x\n    criticality: -3\n", "models.0.criticality"),
            ("models:\n  - version: 1\n", "models.0"),
            ("models: [\n", "YAML"),
            ("views:\n  - name: hot\n    sort: loudest\n", "views[0] (hot).sort"),
            ("views:\n  - name: hot\n    group: team\n", "views[0] (hot).group"),
            ("views:\n  - name: hot\n    filter: \"sev>=hgih\"\n", "views[0] (hot).filter"),
            ("triage:\n  acceptance_approval: sometimes\n", "triage.acceptance_approval"),
        ])
    func broken(yaml: String, place: String) throws {
        let error = try #require(throws: IngestError.self) { try MlsocConfig.parse(yaml: yaml, source: "/etc/mlsoc.yaml") }
        #expect(error.description.contains("/etc/mlsoc.yaml"))
        #expect(error.description.contains(place))
    }

    @Test("registry entries take merge keys; text stays text; the small sections take merge keys too")
    func mergeKeysAndText() throws {
        let config = try MlsocConfig.parse(
            yaml: """
                sla:
                  days:
                    <<: {critical: 2, high: 10}
                    high: 9
                models:
                  - &base
                    name: base
                    owner: ml-platform
                    stage: deploy
                    criticality: 2
                  - <<: *base
                    name: fraud-detector
                    version: 1.10
                  - name: yes
                    <<: [*base]
                    owner: null
                    aliases: [no, "null"]
                """, source: "config.yaml")
        #expect(config.sla.days[.critical] == 2 && config.sla.days[.high] == 9)
        let fraud = try #require(config.models.first { $0.name == "fraud-detector" })
        #expect(fraud.version == "1.10" && fraud.owner == "ml-platform" && fraud.stage == "deploy" && fraud.criticality == 2)
        let yes = try #require(config.models.last)
        #expect(yes.name == "yes" && yes.owner == nil && yes.stage == "deploy" && yes.aliases == ["no", "null"])
    }

    @Test("the registry is written when it changes, not on every report")
    func registryOnce() throws {
        let store = try TestStore.make()
        func ingest(_ yaml: String, _ report: String, now: Int64) throws {
            let config = try MlsocConfig.parse(yaml: yaml, source: "config.yaml")
            let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test", config: config)
            _ = try ingestor.ingest(path: TestPaths.sample(report), now: now)
        }
        let database = TestStore.sql(store)
        func lastSeen() throws -> Int64? {
            try database.read { try Int64.fetchOne($0, sql: "SELECT lastSeen FROM model WHERE name = 'fraud-detector' AND version = '2.3.0'") }
        }
        try ingest(Self.yaml, "reports/bandit/fraud-detector.sarif", now: 100)
        #expect(try lastSeen() == 100)
        try ingest(Self.yaml, "reports/modelscan/models.json", now: 200)
        #expect(try lastSeen() == 100, "an unchanged registry is not rewritten")
        try ingest(Self.yaml.replacingOccurrences(of: "risk-ml", with: "fraud-team"), "reports/picklescan/models.txt", now: 300)
        #expect(try lastSeen() == 300)
        let model = try #require(try store.models().first { $0.name == "fraud-detector" && $0.version == "2.3.0" })
        #expect(model.owner == "fraud-team")
    }

    @Test("a large config is read from its parsed copy while the file is unchanged, and from the file once it changes")
    func parsedCopy() throws {
        let home = try TestPaths.temporaryDirectory("mlsoc-config-cache")
        let config = home.appendingPathComponent("config.yaml")
        var text = "sla:\n  days: {critical: 3}\nmodels:\n"
        for index in 0..<12_000 {
            text += "  - name: model-\(index)\n    owner: team-\(index % 7)\n    stage: deploy\n    paths: [\"svc-\(index)/*\", \"m\(index).pkl\"]\n"
        }
        try Data(text.utf8).write(to: config)
        #expect(text.utf8.count > 1 << 20)
        let environment = ["MLSOC_CONFIG": config.path, "XDG_CACHE_HOME": home.appendingPathComponent("cache").path]
        let first = try MlsocConfig.load(environment: environment)
        #expect(first.models.count == 12_000 && first.sla.days[.critical] == 3)
        let cacheDir = home.appendingPathComponent("cache/mlsoc")
        let copy = try #require(try FileManager.default.contentsOfDirectory(atPath: cacheDir.path).first { $0.hasSuffix(".json") })
        let copyPath = cacheDir.appendingPathComponent(copy).path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: copyPath)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0, "the parsed copy is owner-only")
        // The copy is what the next command reads: a change made only to it shows.
        let cached = try String(contentsOfFile: copyPath, encoding: .utf8)
        try cached.replacingOccurrences(of: "\"team-3\"", with: "\"from-the-copy\"").write(toFile: copyPath, atomically: true, encoding: .utf8)
        let second = try MlsocConfig.load(environment: environment)
        #expect(second.models.contains { $0.owner == "from-the-copy" })
        #expect(second.models.count == first.models.count && second.sla == first.sla && second.models.first == first.models.first)
        // Its values are checked like the file's.
        try cached.replacingOccurrences(of: "\"stage\":\"deploy\"", with: "\"stage\":\"production\"").write(
            toFile: copyPath, atomically: true, encoding: .utf8)
        #expect(throws: IngestError.self) { try MlsocConfig.load(environment: environment) }
        // The file changes: the copy is not used, and is written again.
        try Data((text + "  - name: late-model\n").utf8).write(to: config)
        let third = try MlsocConfig.load(environment: environment)
        #expect(third.models.count == 12_001 && !third.models.contains { $0.owner == "from-the-copy" })
    }

    @Test("store.location names the store when --db and MLSOC_DB do not, and never holds a password")
    func storeLocation() throws {
        let directory = try TestPaths.temporaryDirectory("config-store")
        let config = directory.appendingPathComponent("config.yaml")
        let url = "postgres://mlsoc@db.example/mlsoc?sslmode=verify-full"
        try "store:\n  location: \(url)\n".write(to: config, atomically: true, encoding: .utf8)
        let environment = ["MLSOC_CONFIG": config.path, "HOME": directory.path]
        let loaded = try MlsocConfig.load(environment: environment)
        #expect(loaded.storeLocation == url)
        #expect(StorePath.resolve(explicit: nil, environment: environment, configured: loaded.storeLocation) == url)
        #expect(StorePath.resolve(explicit: nil, environment: environment.merging(["MLSOC_DB": "/x.db"]) { $1 }, configured: url) == "/x.db")
        #expect(StorePath.resolve(explicit: "/y.db", environment: environment, configured: url) == "/y.db")
        try "store:\n  location: postgres://mlsoc:hunter2@db.example/mlsoc\n".write(to: config, atomically: true, encoding: .utf8)
        #expect {
            _ = try MlsocConfig.load(environment: environment)
        } throws: { error in
            let text = "\(error)"
            return text.contains("PGPASSWORD") && text.contains("store.location") && !text.contains("hunter2")
        }
    }

    @Test("no config file is an empty config")
    func missing() throws {
        let environment = ["XDG_CONFIG_HOME": try TestPaths.temporaryDirectory().path]
        #expect(try MlsocConfig.load(environment: environment) == MlsocConfig())
    }

    @Test("views: and triage.acceptance_approval read from config.yaml")
    func viewsAndApproval() throws {
        let config = try MlsocConfig.parse(
            yaml: """
                triage:
                  acceptance_approval: required
                views:
                  - name: crit-open
                    filter: "sev>=high state:open"
                    sort: due
                    group: rule
                    columns: [id, sev, project, title]
                  - name: all
                """, source: "config.yaml")
        #expect(config.triage.acceptanceApproval)
        #expect(
            config.views == [
                .init(name: "crit-open", filter: "sev>=high state:open", sort: "due", group: "rule", columns: ["id", "sev", "project", "title"]),
                .init(name: "all"),
            ])
        #expect(try MlsocConfig.parse(yaml: "theme: dark\n", source: "c").triage.acceptanceApproval == false)
    }
}
