import ArgumentParser
import FindingStore
import Findings
import Foundation
import PostgresStore

/// `mlsoc-bench dashboards`: N read-only dashboards and M ingesting processes on one store, with
/// a triage every quarter second. Each dashboard refreshes as the console does (the store's change
/// monitor, polled every 100 ms on a server that pushes, then the matrix and the newest audit
/// event read again); the latency of a triage is from its commit to a dashboard having read it.
struct Dashboards: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Concurrent dashboards and ingesting watchers on one store: refresh latency (p50, p99).")

    @Option(help: "The store: a SQLite file or a postgres:// URL (it must hold findings).")
    var db: String

    @Option(help: "Dashboard processes.")
    var dashboards = 16

    @Option(help: "Ingesting processes, each running `mlsoc ingest` on new reports one after another.")
    var watchers = 2

    @Option(help: "How long.")
    var seconds = 60

    @Option(help: "Working directory for the watchers' reports.")
    var work = ".bench"

    @Option(help: "The mlsoc binary (default: beside this one).")
    var mlsoc: String?

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    func run() throws {
        let started = Measure.now()
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let mlsoc = self.mlsoc ?? me.deletingLastPathComponent().appendingPathComponent("mlsoc").path
        let store = try BenchStore.open(db)
        // The finding the triages change: the first one.
        let target: Int64 = 1
        guard try store.version(of: target) != nil else { throw ValidationError("\(db) holds no findings: ingest some first") }
        // The watchers' reports: small, each its own scope, enough for the whole run.
        let ingest = IngestBench(mlsoc: mlsoc, root: URL(fileURLWithPath: work), perReport: 500, repetitions: 1)
        let reports = try ingest.dataset(.sarif, findings: 500 * 40 * max(1, watchers), seed: UInt64(Date().timeIntervalSince1970))
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.directory).filter { $0.hasSuffix(".sarif") }.sorted()
        var children: [Process] = []
        var pipes: [Pipe] = []
        for _ in 0..<dashboards {
            let process = Process()
            process.executableURL = me
            process.arguments = ["dashboard-worker", "--db", db, "--seconds", "\(seconds)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            children.append(process)
            pipes.append(pipe)
        }
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        let ingested = Counter()
        let group = DispatchGroup()
        for watcher in 0..<watchers {
            let mine = files.enumerated().filter { $0.offset % max(1, watchers) == watcher }.map { reports.directory + "/" + $0.element }
            DispatchQueue.global().async(group: group) {
                for file in mine where Date() < deadline {
                    if let child = try? Measure.run(mlsoc, ["ingest", "--db", db, file]), child.status == 0 { ingested.add(500) }
                }
            }
        }
        // Let the dashboards open, then triage four times a second until the end.
        Thread.sleep(forTimeInterval: 2)
        var written = 0
        while Date().addingTimeInterval(1.5) < deadline {
            let marker = "bench-\(DashboardWorker.nanoseconds())"
            let version = try store.version(of: target)
            if case .applied = try store.triage(target, expectedVersion: version, action: .assign(marker), actor: "bench", now: 1_790_000_000) {
                written += 1
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
        var latencies: [Double] = []
        var seenPerDashboard: [Int] = []
        for (process, pipe) in zip(children, pipes) {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let mine = output.split(separator: "\n").compactMap { Double($0) }
            latencies += mine
            seenPerDashboard.append(mine.count)
        }
        group.wait()
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        var figures = Figures()
        let name = "\(dashboards) dashboards, \(watchers) ingesting watchers, \(seconds) s on \(store.isServer ? "PostgreSQL" : "SQLite")"
        figures.add(.plain(name, "triage changes written", Double(written), ""))
        figures.add(.plain(name, "findings ingested meanwhile", Double(ingested.value), ""))
        figures.add(
            .plain(
                name, "changes read by a dashboard (all dashboards)", Double(latencies.count), "",
                note: "per dashboard \(seenPerDashboard.min() ?? 0)–\(seenPerDashboard.max() ?? 0)"))
        figures.add(.plain(name, "refresh latency p50", percentile(0.5), "ms"))
        figures.add(.atMost(name, "refresh latency p99", percentile(0.99), "ms", 1_000))
        figures.add(.plain(name, "refresh latency max", latencies.last ?? .nan, "ms"))
        figures.seconds = Measure.now() - started
        try figures.print(json: json)
    }
}

/// One dashboard of `dashboards`: refreshes on every change it is told of, and prints the latency
/// of each triage marker it reads, in milliseconds, one per line.
struct DashboardWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard-worker", abstract: "One dashboard of `dashboards`.", shouldDisplay: false)

    @Option var db: String
    @Option var seconds: Int

    static func nanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    func run() throws {
        let store = try BenchStore.open(db, mode: .readOnly)
        let monitor = try ChangeMonitor(store: store)
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        let poll = monitor.isPushed ? 0.1 : 0.25
        var last = ""
        while Date() < deadline {
            if (try? monitor.changed()) == true {
                _ = try store.matrixSummary()
                if let newest = try store.auditPage(before: nil, limit: 1).first, let marker = newest.to, marker != last,
                    marker.hasPrefix("bench-"), let sent = Int64(marker.dropFirst(6))
                {
                    last = marker
                    print(String(format: "%.2f", Double(DashboardWorker.nanoseconds() - sent) / 1e6))
                }
            }
            Thread.sleep(forTimeInterval: poll)
        }
    }
}

/// A count several threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    func add(_ amount: Int) { lock.withLock { total += amount } }
    var value: Int { lock.withLock { total } }
}
