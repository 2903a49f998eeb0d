import FindingStore
import Foundation
import GRDB
import TestSupport
import Testing

/// kill -9 at random moments of an ingest: the store stays sound, holds whole reports only, and a
/// re-run ends with exactly the expected findings. `RELIABILITY_LONG=1` (make reliability) runs the
/// long version: 50 kills on bigger reports. On PostgreSQL the server rolls the killed session's
/// transaction back and frees its write lock; SQLite's file also passes `quick_check`.
@Suite(.serialized) struct CrashTests {
    static let long = ProcessInfo.processInfo.environment["RELIABILITY_LONG"] == "1"

    /// Reports of distinct sizes, so every subset of them adds up to a distinct count.
    static func reports(sizes: [Int]) throws -> (directory: String, sizes: [Int]) {
        let directory = try TestPaths.temporaryDirectory("mlsoc-crash-reports")
        for (index, size) in sizes.enumerated() {
            var lines = [#"{"schema": "mlsoc.report/1", "tool": "crash-test", "category": "c\#(index)"}"#]
            for finding in 0..<size {
                lines.append(
                    #"{"schema": "mlsoc.finding/1", "rule": "R\#(finding % 50)", "severity": "high", "message": "report \#(index) finding \#(finding)", "location": {"path": "src/f\#(finding).py", "line": 1}}"#
                )
            }
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: directory.appendingPathComponent("r\(index).jsonl").path, atomically: true,
                encoding: .utf8)
        }
        return (directory.path, sizes)
    }

    /// Every count a store can hold when some subset of the reports landed whole.
    static func wholeReportCounts(_ sizes: [Int]) -> Set<Int> {
        var sums: Set<Int> = [0]
        for size in sizes { sums.formUnion(sums.map { $0 + size }) }
        return sums
    }

    /// The environment of an ingest that commits each report alone.
    static let perReport = ProcessInfo.processInfo.environment.merging(["MLSOC_INGEST_GROUP_FINDINGS": "1"]) { $1 }

    static func check(_ db: String) throws -> (quickCheck: String, rows: Int, summary: Int, events: Int) {
        guard TestStore.onSQLite else {
            // A server store: opening it finishes a migration a kill cut short (each commits alone),
            // as the next ingest would; a store that holds no report yet counts zero.
            return try TestStore.sql(try TestStore.open(db)).read { db in
                (
                    "ok (server)",
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM finding") ?? -1,
                    try Int.fetchOne(db, sql: "SELECT coalesce(sum(count), 0) FROM summaryCell") ?? -1,
                    try Int.fetchOne(db, sql: "SELECT coalesce(sum(newCount), 0) FROM scan") ?? -1
                )
            }
        }
        let queue = try DatabaseQueue(path: db)
        return try queue.read { db in
            // Killed while the new store was being migrated (each migration commits alone): a sound
            // store that can hold no report yet, since the ingest starts after the last migration.
            guard try db.tableExists("summaryCell"), try db.tableExists("scan") else {
                let rows = try db.tableExists("finding") ? try Int.fetchOne(db, sql: "SELECT count(*) FROM finding") ?? -1 : 0
                return (try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "", rows, 0, 0)
            }
            return (
                try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "",
                try Int.fetchOne(db, sql: "SELECT count(*) FROM finding") ?? -1,
                try Int.fetchOne(db, sql: "SELECT coalesce(sum(count), 0) FROM summaryCell") ?? -1,
                // Each finding's creation is recorded by the scan that brought it: the scans' new counts add up to the rows.
                try Int.fetchOne(db, sql: "SELECT coalesce(sum(newCount), 0) FROM scan") ?? -1
            )
        }
    }

    @Test("kill -9 during mlsoc ingest: quick_check ok, whole reports only, re-run exact")
    func killIngest() throws {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let kills = Self.long ? 50 : 8
        let sizes = Self.long ? [3_000, 3_100, 3_200, 3_300, 3_400, 3_500] : [400, 410, 420, 430, 440, 450]
        let (directory, _) = try Self.reports(sizes: sizes)
        let valid = Self.wholeReportCounts(sizes)
        let total = sizes.reduce(0, +)
        // How long a whole run takes, to spread the kills over it.
        let probe = try TestStore.location("mlsoc-crash")
        let started = Date()
        #expect(try Shell.run([binary, "ingest", "--db", probe, directory], environment: Self.perReport).status == 0)
        let duration = Date().timeIntervalSince(started)
        var seen: [Int: Int] = [:]
        for kill in 0..<kills {
            let db = try TestStore.location("mlsoc-crash")
            // One transaction per report (the default groups them), so kills land between reports too.
            let child = try Shell.start([binary, "ingest", "--db", db, directory], environment: Self.perReport)
            usleep(UInt32(Double.random(in: 0.02...1.0) * duration * 1_000_000))
            child.kill(SIGKILL)
            _ = child.wait()
            guard !TestStore.onSQLite || FileManager.default.fileExists(atPath: db) else { continue }
            let after = try Self.check(db)
            #expect(after.quickCheck.hasPrefix("ok"), "kill \(kill): quick_check \(after.quickCheck)")
            #expect(valid.contains(after.rows), "kill \(kill): \(after.rows) findings is not a whole number of reports")
            #expect(after.summary == after.rows && after.events == after.rows, "kill \(kill): summary or audit out of step")
            seen[after.rows, default: 0] += 1
            let rerun = try Shell.run([binary, "ingest", "--db", db, directory])
            #expect(rerun.status == 0, "kill \(kill): re-run failed: \(rerun.stderr)")
            #expect(try Self.check(db).rows == total, "kill \(kill): re-run did not end with \(total)")
        }
        print("crash: \(kills) kills of mlsoc ingest; counts seen when killed: \(seen.sorted { $0.key < $1.key })")
        #expect(seen.keys.count >= 2, "the kills all landed at the same point: \(seen)")
    }

    @Test("kill -9 of mlsoc watch: files left in processing/ are re-queued and everything lands once")
    func killWatch() throws {
        let binary = try #require(Shell.mlsocBinary)
        let sizes = [500, 510, 520, 530]
        let (directory, _) = try Self.reports(sizes: sizes)
        let rounds = Self.long ? 10 : 3
        for round in 0..<rounds {
            let base = try TestPaths.temporaryDirectory("mlsoc-crash-watch")
            let inbox = base.appendingPathComponent("inbox").path
            let db = try TestStore.location("mlsoc-crash-watch")
            try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
            let child = try Shell.start([binary, "watch", "--db", db, "--interval", "0.2", inbox])
            usleep(300_000)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
                try FileManager.default.copyItem(atPath: directory + "/" + name, toPath: inbox + "/" + name)
            }
            usleep(UInt32.random(in: 100_000...1_500_000))
            child.kill(SIGKILL)
            _ = child.wait()
            let rerun = try Shell.run([binary, "watch", "--db", db, "--once", inbox])
            #expect(rerun.status == 0, "round \(round): \(rerun.stdout)\(rerun.stderr)")
            let processing = (try? FileManager.default.contentsOfDirectory(atPath: inbox + "/processing")) ?? []
            let quarantine = (try? FileManager.default.contentsOfDirectory(atPath: inbox + "/quarantine")) ?? []
            #expect(processing.isEmpty && quarantine.isEmpty, "round \(round): processing \(processing), quarantine \(quarantine)")
            let after = try Self.check(db)
            #expect(after.quickCheck.hasPrefix("ok") && after.rows == sizes.reduce(0, +), "round \(round): \(after)")
        }
    }
}
