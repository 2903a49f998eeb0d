import Foundation
import TestSupport
import Testing

/// `mlsoc watch` as a daemon: a report copied into the inbox is in the store within 2 s.
@Suite(.serialized) struct WatchEndToEndTests {
    @Test("a report dropped into a watched directory is in the store within 2 s")
    func dropIn() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let root = try TestPaths.temporaryDirectory("mlsoc-watch")
        let db = try TestStore.location("mlsoc-watch-store")
        let inbox = root.appendingPathComponent("inbox").path
        let tmux = try Tmux(command: "\(binary) watch --db \(db) \(inbox)", width: 120, height: 20)
        try tmux.waitFor { $0.contains("watching") }
        let start = Date()
        try FileManager.default.copyItem(atPath: TestPaths.sample("reports/modelscan/models.json"), toPath: inbox + "/m.json")
        let screen = try tmux.waitFor(timeout: 5) { $0.contains("ingested m.json") }
        let elapsed = Date().timeIntervalSince(start)
        #expect(screen.contains("ingested m.json: modelscan: 3 findings"))
        #expect(elapsed < 2.0, "took \(elapsed) s")
        let render = try Shell.run([binary, "render", "--db", db, "--size", "100x30"])
        #expect(render.stdout.contains("open 3"))
        #expect(FileManager.default.fileExists(atPath: inbox + "/done/m.json"))
    }

    @Test("watch --once files good and bad reports and exits non-zero when one failed")
    func once() throws {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let root = try TestPaths.temporaryDirectory("mlsoc-watch")
        let inbox = root.appendingPathComponent("inbox").path
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestPaths.sample("reports/picklescan/models.txt"), toPath: inbox + "/p.txt")
        try Data([0xFF, 0xFE, 0x00, 0x1B]).write(to: URL(fileURLWithPath: inbox + "/bin.dat"))
        let result = try Shell.run([binary, "watch", "--once", "--db", try TestStore.location("mlsoc-watch-store"), inbox])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ingested p.txt"))
        #expect(result.stderr.contains("bin.dat") && result.stderr.contains("unrecognised format"))
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B })
    }
}

/// `mlsoc ingest` on the whole sample-data tree, as a user would run it.
@Suite struct IngestCommandEndToEndTests {
    @Test("mlsoc ingest sample-data ingests every report, skips what is not one, and a second run changes nothing")
    func wholeTree() throws {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-ingest")
        let first = try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        #expect(first.stdout.contains("README.md: skipped: not a report"))
        let reports = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.sample("reports"))
            .filter { $0.contains(".") && !$0.hasPrefix(".") }
        #expect(reports.count >= 20)
        for report in reports {
            let line = first.stdout.split(separator: "\n").first { $0.hasPrefix(TestPaths.sample("reports/" + report) + ": ") }
            #expect(line != nil && line?.contains("skipped") == false, "\(report) was not ingested")
        }
        let before = try Shell.run([binary, "render", "--db", db, "--size", "100x30"]).stdout
        let second = try Shell.run([binary, "ingest", "--db", db, "--json", TestPaths.sample("")])
        #expect(second.status == 0)
        let statuses = second.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["status"] as? String
        }
        #expect(!statuses.isEmpty && statuses.allSatisfy { $0 == "already ingested" || $0 == "skipped" })
        #expect(try Shell.run([binary, "render", "--db", db, "--size", "100x30"]).stdout == before)
    }
}
