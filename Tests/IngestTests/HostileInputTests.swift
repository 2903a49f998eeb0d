import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream
import TestSupport
import Testing

/// Hostile reports through the whole ingest path: each fails cleanly with its reason and place, the
/// store stays unchanged, and nothing crashes.
@Suite struct HostileInputTests {
    static let head = #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": ["#

    static var cases: [(String, Data)] {
        [
            ("deep nesting", Data((head + String(repeating: "[", count: 100_000)).utf8)),
            (
                "huge number",
                Data((head + #"{"ruleId": "R", "message": {"text": "m"}, "rank": "# + String(repeating: "7", count: 100_000) + "}]}]}").utf8)
            ),
            ("NUL in a string", Data((head + "{\"ruleId\": \"R\u{0}\"}]}]}").utf8)),
            ("truncated escape", Data((head + #"{"ruleId": "\u12"#).utf8)),
            ("garbage after", Data((head + "]}]} trailing").utf8)),
            ("binary", Data([0x7B, 0x22, 0x72, 0x75, 0x6E, 0x73, 0x22, 0x3A, 0xFF, 0x00, 0x80] + Array("\"driver\"".utf8))),
        ]
    }

    @Test("each hostile report is refused with a reason and a place; the store is unchanged")
    func refused() throws {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        for (name, data) in Self.cases {
            let path = try TestPaths.write(data, name: "hostile.sarif")
            let error = try #require(throws: IngestError.self, "\(name)") { try ingestor.ingest(path: path, now: 1) }
            #expect(error.offset != nil || error.code == .unrecognisedFormat, "\(name): \(error)")
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "\(name): raw control in the message")
        }
        #expect(try store.counts() == (findings: 0, scans: 0, models: 0))
    }

    @Test("invalid UTF-8 inside one message does not lose the report")
    func invalidUTF8Kept() throws {
        var bytes = Array((Self.head + #"{"ruleId": "R", "message": {"text": "bad "#).utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array(#" end"}}, {"ruleId": "S", "message": {"text": "fine"}}]}]}"#.utf8)
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let report = try ingestor.ingest(path: try TestPaths.write(Data(bytes), name: "utf8.sarif"), now: 1)
        #expect(report.outcome.total == 2)
        #expect(try store.findingsPage(after: nil, limit: 10).contains { $0.message.contains("\u{FFFD}") })
    }
}
