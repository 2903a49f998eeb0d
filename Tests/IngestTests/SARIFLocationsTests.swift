import FindingStore
import Findings
import Foundation
import TestSupport
import Testing

@testable import Ingest

/// SARIF results with several `locations` (issue 26): one finding, every place kept, queried,
/// shown and written back. Built from a real semgrep SARIF (Fixtures/formats/semgrep-svc.sarif).
@Suite struct SARIFLocationsTests {
    static let places = [
        "svc/train.py", "svc/train_copy.py", "svc/loader.py", "models/fraud-detector-v2.pkl",
        "svc/a.py", "svc/b.py", "svc/c.py", "svc/d.py",
    ]

    /// The real log with its first result listing `count` places and the others dropped.
    static func log(count: Int) throws -> String {
        let path = FormatsFixtureTests.fixture("semgrep-svc.sarif")
        var log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var runs = try #require(log["runs"] as? [[String: Any]])
        var results = try #require(runs[0]["results"] as? [[String: Any]])
        var first = results[0]
        let template = try #require((first["locations"] as? [[String: Any]])?.first)
        first["locations"] = places.prefix(count).enumerated().map { index, place -> [String: Any] in
            var location = template
            var physical = try! #require(location["physicalLocation"] as? [String: Any])
            physical["artifactLocation"] = ["uri": place, "uriBaseId": "%SRCROOT%"]
            physical["region"] = ["startLine": 5 + index]
            location["physicalLocation"] = physical
            return location
        }
        results = [first]
        runs[0]["results"] = results
        log["runs"] = runs
        let file = try TestPaths.temporaryDirectory("mlsoc-locations").appendingPathComponent("eight.sarif")
        try JSONSerialization.data(withJSONObject: log).write(to: file)
        return file.path
    }

    @Test("a result with 8 locations in 8 files is one finding at all 8: detail, path:, model:, export, reimport")
    func eightLocations() throws {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let report = try ingestor.ingest(path: try Self.log(count: 8), now: 1)
        #expect(report.outcome.new == 1)
        let row = try #require(try store.findingsPage(after: nil, limit: 10).first)
        #expect(row.location?.path == "svc/train.py")
        // The first location names no model; the model file among the others does.
        #expect(row.model == "fraud-detector-v2")
        let detail = try #require(try store.findingDetail(id: row.id))
        #expect(detail.otherLocations.count == 7)
        #expect(detail.otherLocations.map(\.display).contains("models/fraud-detector-v2.pkl:8 (model fraud-detector-v2)"))
        // path: and model: match any of the places.
        for (filter, expected) in [
            ("path:svc/d.py", 1), ("path:svc/*", 1), ("path:nowhere/*", 0), ("-path:svc/c.py", 0),
            ("model:fraud-detector-v2", 1),
        ] {
            let rows = try store.findingsPage(FindingQuery(filter: try FindingFilter.parse(filter)), after: nil, limit: 10)
            #expect(rows.count == expected, "\(filter)")
        }
        // The export writes every place back, the finding's own first.
        let exported = try SARIFExportTests.exported(store).log
        let result = try #require(((exported["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let uris = (result["locations"] as? [[String: Any]] ?? []).compactMap { ($0["physicalLocation"] as? [String: Any])?["artifactLocation"] }
            .compactMap { ($0 as? [String: Any])?["uri"] as? String }
        #expect(uris == Self.places)
        // A later run lists fewer places: the same finding, its places replaced.
        let later = try ingestor.ingest(path: try Self.log(count: 3), now: 2)
        #expect(later.outcome.new == 0 && later.outcome.unchanged == 1)
        #expect(try store.findingDetail(id: row.id)?.otherLocations.count == 2)
        #expect(try store.findingsPage(FindingQuery(filter: try FindingFilter.parse("path:svc/d.py")), after: nil, limit: 10).isEmpty)
    }
}
