import Foundation
import TestSupport
import Testing

/// Issue 23, cases 5, 10 and 11: only regular files are reports (a FIFO blocked a worker in
/// `open()` forever, /dev/zero spun at 100% CPU), a config that was asked for and cannot be read is
/// an error, and a UTF-8 byte-order mark is accepted. Every command runs under `timeout`: a hang
/// fails the test instead of stopping the suite.
@Suite(.serialized, .timeLimit(.minutes(2))) struct SpecialFileTests {
    func binary() throws -> String { try #require(Shell.mlsocBinary, "build first: swift build (make test does)") }

    @Test("ingest DIR with a FIFO and a symlink to /dev/zero: both refused with a reason, the report beside them lands, nothing hangs")
    func directoryWithSpecialFiles() throws {
        let mlsoc = try binary()
        let dir = try TestPaths.temporaryDirectory("mlsoc-special")
        #expect(mkfifo(dir.appendingPathComponent("pipe.json").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("zero.json").path, withDestinationPath: "/dev/zero")
        try FileManager.default.copyItem(
            atPath: TestPaths.sample("reports/bandit/fraud-detector.sarif"),
            toPath: dir.appendingPathComponent("bandit.sarif").path)
        let db = try TestStore.location("mlsoc-special")
        let started = Date()
        let run = try Shell.run(["timeout", "60", mlsoc, "ingest", "--db", db, dir.path])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(run.status == 1, "the refused files count as failed: \(run.stdout)")
        #expect(run.stderr.contains("pipe.json: unreadable: refused: a FIFO"))
        #expect(run.stderr.contains("zero.json: unreadable: refused: a character device"))
        #expect(run.stdout.contains("bandit.sarif: sarif bandit: 23 findings"))
        let zero = try Shell.run(["timeout", "20", mlsoc, "ingest", "--db", db, "/dev/zero"])
        #expect(zero.status == 1 && zero.stderr.contains("refused: a character device"))
    }

    @Test("watch --once with a FIFO in the inbox quarantines it with its reason and files the other report; a second run does not hang on it")
    func inboxWithFIFO() throws {
        let mlsoc = try binary()
        let dir = try TestPaths.temporaryDirectory("mlsoc-special-inbox")
        let inbox = dir.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        #expect(mkfifo(inbox.appendingPathComponent("stuck.sarif").path, 0o600) == 0)
        try FileManager.default.copyItem(
            atPath: TestPaths.sample("reports/modelscan/models.json"),
            toPath: inbox.appendingPathComponent("models.json").path)
        let db = try TestStore.location("mlsoc-special")
        let run = try Shell.run(["timeout", "60", mlsoc, "watch", "--once", "--db", db, inbox.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("stuck.sarif: unreadable: refused: a FIFO"))
        #expect(run.stdout.contains("ingested models.json"))
        let reason = try String(contentsOf: inbox.appendingPathComponent("quarantine/stuck.sarif.error"), encoding: .utf8)
        #expect(reason.contains("not a regular file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent("processing").path).isEmpty)
        let again = try Shell.run(["timeout", "60", mlsoc, "watch", "--once", "--db", db, inbox.path])
        #expect(again.status == 0)
    }

    @Test("a config that was asked for and cannot be read is an error naming it: a typo, a directory, /dev/zero, a FIFO")
    func badConfig() throws {
        let mlsoc = try binary()
        let dir = try TestPaths.temporaryDirectory("mlsoc-special-config")
        let fifo = dir.appendingPathComponent("config.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let db = try TestStore.location("mlsoc-special")
        _ = try Shell.run([mlsoc, "ingest", "--db", db, TestPaths.sample("reports/bandit/fraud-detector.sarif")])
        for (config, words) in [
            (dir.appendingPathComponent("typo.yml").path, "No such file"), (dir.path, "a directory"),
            ("/dev/zero", "a character device"), (fifo, "a FIFO"),
        ] {
            let run = try Shell.run(["timeout", "20", mlsoc, "models", "--db", db], environment: ["MLSOC_CONFIG": config])
            #expect(run.status == 1, "\(config)")
            #expect(run.stderr.contains(config) && run.stderr.contains("MLSOC_CONFIG") && run.stderr.contains(words), "\(run.stderr)")
        }
        // The default place, absent: an empty config, as before.
        let home = try TestPaths.temporaryDirectory("mlsoc-home")
        let fine = try Shell.run([mlsoc, "models", "--db", db], environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path + "/none"])
        #expect(fine.status == 0)
    }

    @Test("a report that starts with a UTF-8 byte-order mark is read like the same report without it")
    func byteOrderMark() throws {
        let mlsoc = try binary()
        let dir = try TestPaths.temporaryDirectory("mlsoc-bom")
        for sample in ["reports/bandit/fraud-detector.sarif", "reports/native/redteam-notes.jsonl", "reports/picklescan/models.txt"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sample(sample)))
            let path = dir.appendingPathComponent("bom-" + (sample as NSString).lastPathComponent).path
            try (Data([0xEF, 0xBB, 0xBF]) + data).write(to: URL(fileURLWithPath: path))
            let with = try Shell.run([mlsoc, "ingest", "--db", try TestStore.location("mlsoc-bom-a"), path])
            let without = try Shell.run([mlsoc, "ingest", "--db", try TestStore.location("mlsoc-bom-b"), TestPaths.sample(sample)])
            #expect(with.status == 0, "\(sample): \(with.stderr)")
            let count = { (output: String) in output.split(separator: ":").dropFirst(2).first.map(String.init) }
            #expect(count(with.stdout) == count(without.stdout), "\(sample)")
        }
    }
}
