import Foundation
import TestSupport
import Testing

/// Issue 23, case 13: a SARIF log that declares a very large rule table (a full rule registry) is
/// read with memory bounded: ≤ 256 MB peak RSS for a million rules (RELIABILITY_LONG=1; `make
/// test` runs 200k). The rules are streamed and packed, never held as a JSON tree.
@Suite(.serialized) struct ManyRulesTests {
    static func write(rules: Int, results: Int, to path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var buffer = Data(#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "registry", "rules": ["#.utf8)
        for index in 0..<rules {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(
                contentsOf:
                    #"{"id": "RULE-\#(index)", "name": "rule_number_\#(index)", "shortDescription": {"text": "A rule of the registry, number \#(index)"}, "properties": {"tags": ["security", "external/cwe/cwe-\#(index % 900)"]}}"#
                    .utf8)
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.append(contentsOf: #"]}}, "results": ["#.utf8)
        for index in 0..<results {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(
                contentsOf:
                    #"{"ruleId": "RULE-\#(index * 997 % rules)", "message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/f\#(index).py"}, "region": {"startLine": 1}}}]}"#
                    .utf8)
        }
        buffer.append(contentsOf: "]}]}".utf8)
        try handle.write(contentsOf: buffer)
        try handle.close()
    }

    @Test("a SARIF with a huge rule table: every result resolves its rule (title, CWE), peak RSS ≤ 256 MB")
    func manyRules() throws {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let dir = try TestPaths.temporaryDirectory("mlsoc-many-rules")
        let rules = CrashTests.long ? 1_000_000 : 200_000
        let path = dir.appendingPathComponent("registry.sarif").path
        try Self.write(rules: rules, results: 500, to: path)
        let db = try TestStore.location("mlsoc-many-rules")
        let run = try Shell.run([binary, "ingest", "--db", db, path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("500 findings, 500 new"))
        #expect(run.peakKiB < 256 * 1024, "peak RSS \(run.peakKiB / 1024) MiB for \(rules) rules")
        print("many rules: \(rules) rules, peak RSS \(run.peakKiB / 1024) MiB")
        // The rules were resolved, not just counted: the titles and CWE of the rule table.
        let findings = try Shell.run([binary, "findings", "--db", db, "rule:RULE-997", "--json"])
        #expect(findings.stdout.contains("A rule of the registry, number 997") && findings.stdout.contains("CWE-97"))
    }
}
