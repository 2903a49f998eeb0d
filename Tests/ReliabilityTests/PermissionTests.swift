import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct PermissionTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1) & 0o777
    }

    @Test(
        "new store files are 0600, or the group mode the config sets; a bad mode is refused with its key",
        .enabled(if: TestStore.onSQLite, "a SQLite file's mode"))
    func storeModes() throws {
        let binary = try #require(Shell.mlsocBinary)
        let base = try TestPaths.temporaryDirectory("mlsoc-perm")
        let report = TestPaths.sample("reports/bandit")
        let ownerOnly = base.appendingPathComponent("a.db").path
        #expect(try Shell.run([binary, "ingest", "--db", ownerOnly, report]).status == 0)
        #expect(Self.mode(ownerOnly) == 0o600)
        let config = base.appendingPathComponent("config.yaml").path
        try "store:\n  mode: \"0640\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["MLSOC_CONFIG"] = config
        let shared = base.appendingPathComponent("b.db").path
        #expect(try Shell.run([binary, "ingest", "--db", shared, report], environment: env).status == 0)
        #expect(Self.mode(shared) == 0o640)
        try "store:\n  mode: \"0666\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let refused = try Shell.run([binary, "ingest", "--db", base.appendingPathComponent("c.db").path, report], environment: env)
        #expect(refused.status != 0 && refused.stderr.contains("store.mode"))
    }

    @Test("no path from a report touches the filesystem: a report naming a FIFO and system files ingests without opening them")
    func reportPathsAreData() throws {
        let binary = try #require(Shell.mlsocBinary)
        let base = try TestPaths.temporaryDirectory("mlsoc-paths")
        let fifo = base.appendingPathComponent("trap.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening the FIFO for reading would block for ever; a writer-less FIFO is the tripwire.
        var lines = [#"{"schema": "mlsoc.report/1", "tool": "paths"}"#]
        for (index, path) in [fifo, "/etc/shadow", "../../../../etc/passwd", "/dev/zero", "file:///etc/hosts"].enumerated() {
            lines.append(
                #"{"schema": "mlsoc.finding/1", "rule": "P\#(index)", "severity": "low", "artifact": "\#(path)", "location": {"path": "\#(path)", "line": 1}, "evidence": "see \#(path)"}"#
            )
        }
        let report = base.appendingPathComponent("paths.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: report, atomically: true, encoding: .utf8)
        let child = try Shell.start([binary, "ingest", "--db", try TestStore.location("mlsoc-paths"), report])
        var finished = false
        for _ in 0..<100 {
            if kill(child.pid, 0) != 0 {
                finished = true
                break
            }
            var status: Int32 = 0
            if waitpid(child.pid, &status, WNOHANG) == child.pid {
                finished = true
                break
            }
            usleep(100_000)
        }
        if !finished { child.kill() }
        #expect(finished, "mlsoc ingest blocked: it opened a path taken from the report")
    }
}
