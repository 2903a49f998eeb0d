import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream
import TestSupport
import Testing

@Suite struct BadInputTests {
    func ingestor() throws -> (FindingStore, ReportIngestor) {
        let store = try TestStore.make()
        return (store, ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test"))
    }

    @Test("a truncated SARIF file fails with its place, and the store is unchanged")
    func truncated() throws {
        let (store, ingestor) = try ingestor()
        let full = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sample("reports/bandit/fraud-detector.sarif")))
        let path = try TestPaths.write(full.prefix(full.count / 2), name: "cut.sarif")
        let error = try #require(throws: IngestError.self) { try ingestor.ingest(path: path, now: 0) }
        #expect(error.code == .malformed)
        #expect(error.file == path)
        #expect(error.offset != nil && error.line != nil)
        #expect(error.description.contains("truncated"))
        #expect(try store.counts() == (findings: 0, scans: 0, models: 0))
    }

    @Test(
        "files that are not reports are refused as unrecognised, showing their first bytes safely",
        arguments: ["", "hello world\n", "{\"name\": \"not sarif\"}", "\u{1B}]0;pwned\u{7}\u{1B}[2J"])
    func unrecognised(text: String) throws {
        let (store, ingestor) = try ingestor()
        let path = try TestPaths.write(text, name: "what.json")
        let error = try #require(throws: IngestError.self) { try ingestor.ingest(path: path, now: 0) }
        #expect(error.code == .unrecognisedFormat)
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 })
        #expect(try store.counts().scans == 0)
    }

    @Test("a SARIF file with a syntax error names the line")
    func syntaxError() throws {
        let (_, ingestor) = try ingestor()
        let text = "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}},\n\"results\": [{\"ruleId\": \"A\",, }]}]}"
        let path = try TestPaths.write(text, name: "bad.sarif")
        let error = try #require(throws: IngestError.self) { try ingestor.ingest(path: path, now: 0) }
        #expect(error.line == 2)
    }

    @Test("a missing file is a clear error")
    func missing() throws {
        let (_, ingestor) = try ingestor()
        let error = try #require(throws: IngestError.self) { try ingestor.ingest(path: "/nonexistent/x.sarif", now: 0) }
        #expect(error.code == .unreadable)
    }

    @Test("in a batch, a bad file does not stop the good ones")
    func batch() throws {
        let (store, ingestor) = try ingestor()
        let bad = try TestPaths.write("{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"", name: "bad.sarif")
        var failures = 0
        for path in [bad, TestPaths.sample("reports/bandit/fraud-detector.sarif")] {
            do { _ = try ingestor.ingest(path: path, now: 0) } catch is IngestError { failures += 1 }
        }
        #expect(failures == 1)
        #expect(try store.counts().scans == 1)
    }
}
