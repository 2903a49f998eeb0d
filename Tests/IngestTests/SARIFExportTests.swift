import Config
import Export
import FindingStore
import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ingest

/// The SARIF export, checked against SARIF 2.1.0's required properties and enumerations (the OASIS
/// schema is not available from Debian or PyPI: see Tests/Schemas/README.md) and read back.
@Suite(.serialized) struct SARIFExportTests {
    static func exported(_ store: FindingStore, filter: FindingFilter = .empty) throws -> (path: String, log: [String: Any]) {
        let path = try TestPaths.temporaryDirectory("mlsoc-sarif").appendingPathComponent("export.sarif").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let out = JSONOutput(handle: handle)
        _ = try SARIFExport.write(store: store, to: out, filter: filter, now: 1_790_000_500)
        try out.flush()
        try handle.close()
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return (path, log)
    }

    /// Violations of the SARIF 2.1.0 rules the export relies on, with their JSON paths.
    static func violations(_ log: [String: Any]) -> [String] {
        var problems: [String] = []
        if log["version"] as? String != "2.1.0" { problems.append("version") }
        let allowedTop: Set<String> = ["$schema", "version", "runs", "inlineExternalProperties", "properties"]
        for key in log.keys where !allowedTop.contains(key) { problems.append("unknown top-level \(key)") }
        guard let runs = log["runs"] as? [[String: Any]] else { return problems + ["runs"] }
        for (r, run) in runs.enumerated() {
            let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
            if driver?["name"] as? String == nil { problems.append("runs/\(r)/tool/driver/name") }
            let rules = driver?["rules"] as? [[String: Any]] ?? []
            for (i, rule) in rules.enumerated() where rule["id"] as? String == nil { problems.append("runs/\(r)/rules/\(i)/id") }
            for (i, result) in (run["results"] as? [[String: Any]] ?? []).enumerated() {
                let at = "runs/\(r)/results/\(i)"
                if (result["message"] as? [String: Any])?["text"] as? String == nil { problems.append("\(at)/message/text") }
                if let level = result["level"] as? String, !["none", "note", "warning", "error"].contains(level) { problems.append("\(at)/level") }
                if let state = result["baselineState"] as? String, !["new", "unchanged", "updated", "absent"].contains(state) {
                    problems.append("\(at)/baselineState")
                }
                if let index = result["ruleIndex"] as? Int {
                    if !rules.indices.contains(index) || rules[index]["id"] as? String != result["ruleId"] as? String {
                        problems.append("\(at)/ruleIndex")
                    }
                }
                for (s, suppression) in (result["suppressions"] as? [[String: Any]] ?? []).enumerated() {
                    if !["inSource", "external"].contains(suppression["kind"] as? String ?? "") { problems.append("\(at)/suppressions/\(s)/kind") }
                    if let status = suppression["status"] as? String, !["accepted", "underReview", "rejected"].contains(status) {
                        problems.append("\(at)/suppressions/\(s)/status")
                    }
                }
                for (l, location) in (result["locations"] as? [[String: Any]] ?? []).enumerated() {
                    let physical = location["physicalLocation"] as? [String: Any]
                    guard let uri = (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String, URL(string: uri) != nil else {
                        problems.append("\(at)/locations/\(l)/uri")
                        continue
                    }
                    if let start = (physical?["region"] as? [String: Any])?["startLine"] as? Int, start < 1 {
                        problems.append("\(at)/locations/\(l)/region/startLine")
                    }
                }
                if let fingerprints = result["partialFingerprints"] as? [String: Any], !fingerprints.values.allSatisfy({ $0 is String }) {
                    problems.append("\(at)/partialFingerprints")
                }
            }
        }
        return problems
    }

    @Test("the SARIF export follows SARIF 2.1.0, carries triage as suppressions and baselineState, and reads back")
    func sarif() throws {
        let store = try ExportTests.sampleStore()
        let queue = TestStore.sql(store)
        try queue.write { db in
            try db.execute(sql: "UPDATE finding SET state = 3 WHERE id = 1")
            try db.execute(
                sql: "UPDATE finding SET state = 6, acceptedUntil = 1790500000, acceptedBy = 'carol', acceptReason = 'vendor fix' WHERE id = 2")
            try db.execute(sql: "UPDATE finding SET state = 5 WHERE id = 3")
        }
        let (path, log) = try Self.exported(store)
        #expect(Self.violations(log) == [])
        let results = (log["runs"] as? [[String: Any]] ?? []).flatMap { $0["results"] as? [[String: Any]] ?? [] }
        #expect(results.count == (try store.counts().findings))
        func result(_ id: Int64) throws -> [String: Any]? {
            let hex = try #require(try store.findingDetail(id: id)).fingerprint.hex
            return results.first { ($0["partialFingerprints"] as? [String: String])?["mlsoc/v1"] == hex }
        }
        let fp = try #require(try result(1))
        #expect((fp["suppressions"] as? [[String: Any]])?.first?["kind"] as? String == "external")
        let accepted = try #require(try result(2))
        #expect(((accepted["suppressions"] as? [[String: Any]])?.first?["justification"] as? String)?.contains("risk accepted by carol") == true)
        #expect(try result(3)?["baselineState"] as? String == "absent")
        #expect(try result(4)?["suppressions"] == nil)
        // mlsoc reads it back: every result but the absent (resolved) ones, which SARIF readers skip.
        let target = try TestStore.make()
        let ingestor = ReportIngestor(store: target, mapping: try MappingRules.bundled(), actor: "t", config: MlsocConfig())
        let report = try ingestor.ingest(path: path, now: 1_790_000_600)
        #expect(report.outcome.total == results.filter { $0["baselineState"] as? String != "absent" }.count)
    }

    @Test("the checker is not a rubber stamp")
    func checkerFails() {
        let bad: [String: Any] = [
            "version": "2.1.0",
            "runs": [
                [
                    "tool": ["driver": ["name": "x", "rules": [["id": "A"]]]],
                    "results": [
                        [
                            "message": ["text": "m"], "level": "fatal", "ruleId": "B", "ruleIndex": 0,
                            "suppressions": [["kind": "ignored"]],
                        ]
                    ],
                ]
            ],
        ]
        #expect(Self.violations(bad) == ["runs/0/results/0/level", "runs/0/results/0/ruleIndex", "runs/0/results/0/suppressions/0/kind"])
    }
}
