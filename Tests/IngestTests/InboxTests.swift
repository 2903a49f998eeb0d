import FindingStore
import Foundation
import Ingest
import TestSupport
import Testing

@Suite struct InboxTests {
    func setup() throws -> (Inbox, ReportIngestor, FindingStore) {
        let store = try TestStore.make()
        let inbox = try Inbox(directory: try TestPaths.temporaryDirectory("mlsoc-inbox").path)
        return (inbox, ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test"), store)
    }

    func copySample(_ relative: String, to inbox: Inbox, as name: String) throws {
        try FileManager.default.copyItem(atPath: TestPaths.sample(relative), toPath: inbox.directory.appendingPathComponent(name).path)
    }

    func names(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    @Test("a good report lands and moves to done/; a bad one goes to quarantine/ with its reason")
    func goodAndBad() throws {
        let (inbox, ingestor, store) = try setup()
        try copySample("reports/modelscan/models.json", to: inbox, as: "scan.json")
        try Data("{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}}, \"results\": [".utf8)
            .write(to: inbox.directory.appendingPathComponent("cut.sarif"))
        for name in try inbox.ready(settle: false) { _ = inbox.process(name, with: ingestor, now: 1) }
        #expect(try names(inbox.done) == ["scan.json"])
        #expect(try names(inbox.quarantine) == ["cut.sarif", "cut.sarif.error"])
        let reason = try String(contentsOf: inbox.quarantine.appendingPathComponent("cut.sarif.error"), encoding: .utf8)
        #expect(reason.contains("cut.sarif") && reason.contains("truncated") && reason.contains("byte"))
        #expect(try store.counts().findings == 3)
        #expect(try names(inbox.processing).isEmpty)
    }

    @Test("files left in processing/ by a crash are re-queued and then ingested")
    func crashLeftovers() throws {
        let (inbox, ingestor, store) = try setup()
        try FileManager.default.copyItem(
            atPath: TestPaths.sample("reports/picklescan/models.txt"),
            toPath: inbox.processing.appendingPathComponent("left.txt").path)
        let reopened = try Inbox(directory: inbox.directory.path)
        let events = try reopened.requeueLeftovers()
        #expect(events.count == 1)
        #expect(try reopened.ready(settle: false) == ["left.txt"])
        _ = reopened.process("left.txt", with: ingestor, now: 1)
        #expect(try store.counts().findings == 3)
    }

    @Test("a symlink is refused, never followed")
    func symlink() throws {
        let (inbox, ingestor, store) = try setup()
        try FileManager.default.createSymbolicLink(
            atPath: inbox.directory.appendingPathComponent("evil.sarif").path,
            withDestinationPath: TestPaths.sample("reports/bandit/fraud-detector.sarif"))
        let event = inbox.process("evil.sarif", with: ingestor, now: 1)
        guard case let .quarantined(_, reason)? = event else {
            Issue.record("expected quarantine, got \(String(describing: event))")
            return
        }
        #expect(reason.contains("symbolic link"))
        #expect(try store.counts().findings == 0)
    }

    @Test("a file is taken only once its size holds still; hidden and .part files wait")
    func settling() throws {
        let (inbox, _, _) = try setup()
        try Data("partial".utf8).write(to: inbox.directory.appendingPathComponent("growing.json"))
        try Data("x".utf8).write(to: inbox.directory.appendingPathComponent(".hidden.json"))
        try Data("x".utf8).write(to: inbox.directory.appendingPathComponent("upload.part"))
        #expect(try inbox.ready().isEmpty)
        try Data("partial and more".utf8).write(to: inbox.directory.appendingPathComponent("growing.json"))
        #expect(try inbox.ready().isEmpty)
        #expect(try inbox.ready() == ["growing.json"])
    }

    @Test("the same name twice never overwrites what done/ holds")
    func noOverwrite() throws {
        let (inbox, ingestor, _) = try setup()
        try copySample("reports/modelscan/models.json", to: inbox, as: "r.json")
        _ = inbox.process("r.json", with: ingestor, now: 1)
        try copySample("reports/picklescan/models.txt", to: inbox, as: "r.json")
        _ = inbox.process("r.json", with: ingestor, now: 2)
        #expect(try names(inbox.done) == ["r.json", "r.json.1"])
    }
}

@Suite struct InboxProjectFolderTests {
    @Test("INBOX/<project>/NAME: claimed as that project's, filed under done/<project>/ or quarantine/<project>/, listed by the Ingest view")
    func projectFolders() throws {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let inbox = try Inbox(directory: try TestPaths.temporaryDirectory("mlsoc-inbox-projects").path)
        let folder = inbox.directory.appendingPathComponent("repo-a")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestPaths.sample("reports/bandit/fraud-detector.sarif"),
            toPath: folder.appendingPathComponent("bandit.sarif").path)
        try Data("not a report".utf8).write(to: folder.appendingPathComponent("bad.sarif"))
        let before = Inbox.listing(directory: inbox.directory, quarantineLimit: 10)
        #expect(before.queued == 2)
        let ready = try inbox.ready(settle: false)
        #expect(ready == ["repo-a/bad.sarif", "repo-a/bandit.sarif"])
        let events = inbox.processBatch(ready, with: ingestor, workers: 1, now: { 1 })
        var project: String?
        for case let .ingested(file, report) in events where file == "repo-a/bandit.sarif" { project = report.outcome.project }
        #expect(project == "repo-a")
        #expect(FileManager.default.fileExists(atPath: inbox.done.appendingPathComponent("repo-a/bandit.sarif").path))
        #expect(FileManager.default.fileExists(atPath: inbox.quarantine.appendingPathComponent("repo-a/bad.sarif.error").path))
        let after = Inbox.listing(directory: inbox.directory, quarantineLimit: 10)
        #expect(after.queued == 0)
        #expect(after.quarantined.map(\.name) == ["repo-a/bad.sarif"])
        #expect(try store.projectNames().contains("repo-a"))
    }
}
