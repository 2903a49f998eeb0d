import Config
import Export
import FindingStore
import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ingest

@Suite(.serialized) struct ExportTests {
    /// The sample reports ingested with the demo config (owners, stages, criticality, path rules).
    static func sampleStore() throws -> FindingStore {
        let store = try TestStore.make()
        let config = try MlsocConfig.parse(yaml: String(contentsOfFile: TestPaths.sample("config.yaml"), encoding: .utf8), source: "config.yaml")
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "tester", config: config)
        let reports = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.sample("reports")).sorted()
            .map { TestPaths.sample("reports/" + $0) }.filter { !FileManager.default.isDirectory($0) }
        for path in reports { _ = try? ingestor.ingest(path: path, now: 1_790_000_000) }
        return store
    }

    static func export(_ store: FindingStore, now: Int64 = 1_790_000_100) throws -> String {
        let path = try TestPaths.temporaryDirectory("mlsoc-export").appendingPathComponent("bom.cdx.json").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let out = JSONOutput(handle: handle)
        _ = try CycloneDXExport.write(
            store: store, to: out, options: .init(now: now, serial: UUID(uuidString: "8d0a9f0e-1c1b-4c8e-9f7e-2b0f5a1c3d4e")!))
        try out.flush()
        try handle.close()
        return path
    }

    @Test("the ML-BOM export validates against the published CycloneDX 1.6 schema")
    func schema() throws {
        let path = try Self.export(try Self.sampleStore())
        let (valid, output) = try SchemaValidator.validate(schema: "bom-1.6.SNAPSHOT.schema.json", files: [path])
        #expect(valid, "\(output)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let components = document?["components"] as? [[String: Any]] ?? []
        #expect(components.contains { $0["type"] as? String == "data" })
        #expect(components.contains { ($0["modelCard"] as? [String: Any]) != nil })
        #expect((document?["vulnerabilities"] as? [Any])?.count == (try Self.sampleStore().counts().findings))
    }

    @Test("a model name in two projects: every bom-ref is unique, and each finding affects its own project's model")
    func refsUniqueAcrossProjects() throws {
        // Without a registry (no config), a model named by findings is its project's: two teams'
        // red-team notes on "support-bot" make two models of that name.
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "tester", config: MlsocConfig())
        for project in ["default", "team-b", "team-c"] {
            let notes = try TestPaths.write(
                #"{"schema": "mlsoc.finding/1", "tool": "redteam", "rule": "leak", "severity": "high", "threat": "ip-theft", "model": "support-bot"}"#
                    + "\n" + #"{"schema": "mlsoc.finding/1", "tool": "redteam", "rule": "\#(project)", "severity": "low", "threat": "ip-theft"}"#
                    + "\n", name: "\(project).jsonl")
            _ = try ingestor.ingest(path: notes, now: 1_790_000_050, request: IngestRequest(project: project))
        }
        let names = try store.inventory().map(\.record.name)
        try #require(Set(names).count < names.count, "the sample data has a model name in two projects: \(names)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: try Self.export(store)))) as? [String: Any])
        let components = try #require(document["components"] as? [[String: Any]])
        let refs = components.compactMap { $0["bom-ref"] as? String }
        #expect(refs.count == components.count && Set(refs).count == refs.count, "\(refs)")
        func property(_ object: [String: Any], _ name: String) -> String? {
            (object["properties"] as? [[String: String]])?.first { $0["name"] == name }?["value"]
        }
        let projectOf = Dictionary(uniqueKeysWithValues: components.map { ($0["bom-ref"] as? String ?? "", property($0, "mlsoc:project")) })
        var affected = 0
        for vulnerability in try #require(document["vulnerabilities"] as? [[String: Any]]) {
            guard let ref = (vulnerability["affects"] as? [[String: String]])?.first?["ref"] else { continue }
            let owner = try #require(projectOf[ref], "\(ref) is a component")
            #expect(owner == nil || owner == property(vulnerability, "mlsoc:project"), "\(ref) of project \(owner ?? "-")")
            affected += 1
        }
        #expect(affected > 0)
    }

    @Test("the validator is not a rubber stamp: a broken document fails with its path")
    func validatorFails() throws {
        let path = try TestPaths.write(
            #"{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "robot", "name": "x"}]}"#,
            name: "bad.cdx.json")
        let (valid, output) = try SchemaValidator.validate(schema: "bom-1.6.SNAPSHOT.schema.json", files: [path])
        #expect(!valid)
        #expect(output.contains("components/0/type"))
    }

    @Test("ML-BOM round trip: export, import into an empty store, the same inventory, findings, states and scores")
    func roundTrip() throws {
        let source = try Self.sampleStore()
        // Give some findings triage states the export must carry (VEX) and restore.
        let queue = TestStore.sql(source)
        try queue.write { db in
            try db.execute(sql: "UPDATE finding SET state = 3 WHERE id % 7 = 1")
            try db.execute(sql: "UPDATE finding SET state = 4, justification = 'code_not_reachable' WHERE id % 11 = 2")
            try db.execute(sql: "UPDATE finding SET state = 1, justification = NULL WHERE id % 13 = 3")
            try db.execute(
                sql:
                    "UPDATE finding SET state = 6, justification = NULL, acceptedUntil = 1790500000, acceptedBy = 'carol', acceptReason = 'vendor fix' WHERE id % 17 = 4"
            )
        }
        let path = try Self.export(source)
        let target = try TestStore.make()
        let ingestor = ReportIngestor(store: target, mapping: try MappingRules.bundled(), actor: "tester", config: MlsocConfig())
        let report = try ingestor.ingest(path: path, now: 1_790_000_200)
        #expect(report.outcome.new == (try source.counts().findings))

        func models(_ store: FindingStore) throws -> [String] {
            try store.inventory().map {
                "\($0.record.name)|\($0.record.version)|\($0.record.kind)|\($0.record.sha256 ?? "")|\($0.record.stage ?? "")|\($0.record.owner ?? "")|\($0.record.modelCard != nil)"
            }.sorted()
        }
        #expect(try models(target) == models(source))
        func findings(_ store: FindingStore) throws -> [String] {
            var out: [String] = []
            try store.forEachExportRow { row in
                out.append(
                    "\(row.fingerprint.hex)|\(row.tool)|\(row.ruleID)|\(row.severity)|\(row.threat.key)|\(row.state.key)|\(row.model ?? "-")|\(row.justification ?? "")|\(row.acceptedUntil ?? 0)|\(row.acceptedBy ?? "")|\(row.acceptReason ?? "")"
                )
            }
            return out.sorted()
        }
        let before = try findings(source)
        let after = try findings(target)
        #expect(before.count == after.count)
        for (a, b) in zip(before, after) where a != b { Issue.record("differs:\n  \(a)\n  \(b)") }
        let scores = { (store: FindingStore) in try store.modelRisks().map { "\($0.name) \(ModelRisk.number($0.score()))" }.sorted() }
        #expect(try scores(target) == scores(source))
    }

    @Test("VEX round trip onto a store with the same findings restores the states, and moves no scope")
    func vexOntoSameFindings() throws {
        let source = try Self.sampleStore()
        let queue = TestStore.sql(source)
        try queue.write { db in try db.execute(sql: "UPDATE finding SET state = 3 WHERE id % 5 = 0") }
        let path = try Self.export(source)
        let target = try Self.sampleStore()
        let scopes = try TestStore.sql(target).read { db in
            try Int.fetchAll(db, sql: "SELECT coalesce(scopeId, 0) FROM finding ORDER BY id")
        }
        let ingestor = ReportIngestor(store: target, mapping: try MappingRules.bundled(), actor: "tester", config: MlsocConfig())
        let report = try ingestor.ingest(path: path, now: 1_790_000_300)
        #expect(report.outcome.new == 0)
        let states = { (store: FindingStore) in
            try TestStore.sql(store).read { db in try Int.fetchAll(db, sql: "SELECT state FROM finding ORDER BY fingerprint")
            }
        }
        #expect(try states(target) == states(source))
        let after = try TestStore.sql(target).read { db in
            try Int.fetchAll(db, sql: "SELECT coalesce(scopeId, 0) FROM finding ORDER BY id")
        }
        #expect(after == scopes)
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
