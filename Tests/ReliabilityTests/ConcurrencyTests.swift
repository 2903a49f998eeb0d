import Foundation
import TestSupport
import Testing

/// An ingest daemon fed without pause, 8 triage writers and 2 dashboards on one store at once.
@Suite(.serialized) struct ConcurrencyTests {
    @Test("ingest daemon + 8 triage writers + 2 dashboards: no lost update, no SQLITE_BUSY, audit = changes")
    func everythingAtOnce() throws {
        try #require(Tmux.available, "tmux is needed")
        let binary = try #require(Shell.mlsocBinary)
        let bench = try #require(Shell.benchBinary)
        let seconds = CrashTests.long ? 60 : 10
        let base = try TestPaths.temporaryDirectory("mlsoc-concurrency")
        let db = try TestStore.location("mlsoc-concurrency")
        let inbox = base.appendingPathComponent("inbox").path
        #expect(try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")]).status == 0)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let watch = try Shell.start([binary, "watch", "--db", db, "--interval", "0.2", inbox])
        let dashboards = try (0..<2).map { _ in
            try Tmux(command: "\(binary) dashboard --db \(db)", width: 120, height: 40, environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        }
        let writers = try Shell.start([bench, "contention", "--db", db, "--existing", "--writers", "8", "--seconds", String(seconds), "--json"])
        // Feed the daemon for as long as the writers run.
        let start = Date()
        var fed = 0
        while Date().timeIntervalSince(start) < Double(seconds) {
            var lines = [#"{"schema": "mlsoc.report/1", "tool": "feeder", "category": "f\#(fed)"}"#]
            for index in 0..<300 {
                lines.append(#"{"schema": "mlsoc.finding/1", "rule": "F\#(index % 9)", "severity": "low", "message": "feed \#(fed) \#(index)"}"#)
            }
            let staged = base.appendingPathComponent("f\(fed).tmp").path
            try (lines.joined(separator: "\n") + "\n").write(toFile: staged, atomically: true, encoding: .utf8)
            try FileManager.default.moveItem(atPath: staged, toPath: inbox + "/f\(fed).jsonl")
            fed += 1
            usleep(250_000)
        }
        let result = writers.wait()
        usleep(1_500_000)
        watch.kill(SIGTERM)
        let watched = watch.wait()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["lostUpdates"] as? Int == 0 && report["busyErrors"] as? Int == 0)
        #expect((report["applied"] as? Int ?? 0) > 100)
        let quarantine = (try? FileManager.default.contentsOfDirectory(atPath: inbox + "/quarantine")) ?? []
        #expect(quarantine.isEmpty, "the daemon quarantined \(quarantine): \(watched.stdout.suffix(500))")
        #expect(!watched.stdout.contains("busy") && !watched.stderr.contains("busy"))
        for dashboard in dashboards { #expect(try dashboard.capture().contains("RO")) }
        print(
            "concurrency: \(seconds) s, \(fed) reports fed, \(report["applied"] ?? 0) triage changes, \(report["conflictsRetried"] ?? 0) conflicts retried, lost \(report["lostUpdates"] ?? "?"), busy \(report["busyErrors"] ?? "?")"
        )
    }
}
