import ArgumentParser
import FindingStore
import Foundation
import PostgresStore

/// `mlsoc-bench server`: the same measurements on a SQLite store and on a PostgreSQL store, side by
/// side, each from the real `mlsoc` process: ingest into an empty store and into a big one, the
/// console's reads from the CLI (open, query, print), and conflicting triage writers.
struct ServerRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "SQLite and PostgreSQL side by side: ingest, reads and conflicting triage.",
        discussion: """
            Generates the reports (cached in --work), then on each backend: ingests --findings findings into \
            an empty store, --batch more into that store, times the CLI's reads (open, query, print: the \
            findings view's first page, a filtered page, the matrix, metrics; medians of --repeat runs), and \
            runs --writers processes making --changes conflicting triage changes each (optimistic locking: \
            no update may be lost). The PostgreSQL store is a new database `mlsoc_bench` on the server \
            --server names (its role needs CREATEDB; a password comes from PGPASSWORD, a CA from \
            PGSSLROOTCERT). Build with `-c release`.
            """
    )

    @Option(help: "A database on the PostgreSQL server to measure on (postgres://USER@HOST:PORT/postgres).")
    var server: String

    @Option(help: "Working directory for reports and the SQLite store.")
    var work = ".bench"

    @Option(help: "Findings in the big store.")
    var findings = 100_000

    @Option(help: "Findings ingested into the big store.")
    var batch = 10_000

    @Option(name: .customLong("per-report"), help: "Findings per report file (the transaction size).")
    var perReport = 5_000

    @Option(name: .customLong("repeat"), help: "Runs of each read (the median is reported).")
    var repetitions = 3

    @OptionGroup var writing: WriterOptions
    var writers: Int { writing.writers }
    var changes: Int { writing.changes }

    @Option(help: "The mlsoc binary (default: beside this one).")
    var mlsoc: String?

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    func validate() throws {
        guard findings >= 1_000, batch >= 100, perReport >= 10, repetitions >= 1, writers >= 1, changes >= 1 else {
            throw ValidationError("--findings ≥ 1000, --batch ≥ 100, --per-report ≥ 10, --repeat, --writers and --changes ≥ 1")
        }
        guard PostgresLocation.isURL(server) else { throw ValidationError("--server: a postgres:// URL") }
    }

    func run() throws {
        let started = Measure.now()
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let mlsoc = self.mlsoc ?? me.deletingLastPathComponent().appendingPathComponent("mlsoc").path
        let root = URL(fileURLWithPath: work)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let ingest = IngestBench(mlsoc: mlsoc, root: root, perReport: perReport, repetitions: 1)
        progress("reports")
        let big = try ingest.dataset(.sarif, findings: findings, seed: 21)
        let more = try ingest.dataset(.sarif, findings: batch, seed: 22)
        let environment = ProcessInfo.processInfo.environment
        let admin = try PostgresLocation.parse(server, environment: environment)
        let sqlite = root.appendingPathComponent("server-bench.db").path
        Measure.removeStore(sqlite)
        let postgres = try PostgresSession.recreateDatabase(admin, name: "mlsoc_bench").description
        var figures = Figures()
        figures.settings = ["findings": findings, "batch": batch, "perReport": perReport, "writers": writers, "changes": changes]
        var rates: [String: Double] = [:]
        for (backend, store) in [("SQLite", sqlite), ("PostgreSQL", postgres)] {
            progress("\(backend): ingest")
            let group = "\(backend) store"
            let empty = try ingested(big, into: store, mlsoc: mlsoc)
            figures.add(.plain(group, "ingest \(findings.formatted()) into an empty store", empty, "findings/s"))
            let into = try ingested(more, into: store, mlsoc: mlsoc)
            figures.add(.plain(group, "ingest \(batch.formatted()) into \(findings.formatted())", into, "findings/s"))
            rates[backend] = into
            progress("\(backend): reads")
            let reads: [(String, [String])] = [
                ("findings view, first page (open to print)", ["render", "--view", "findings", "--size", "160x50"]),
                ("filtered page: sev>=high state:open", ["findings", "--limit", "50", "sev>=high state:open"]),
                ("deep keyset page: oldest first", ["findings", "--limit", "50", "--sort", "oldest", "tool:semgrep"]),
                ("matrix view", ["render", "--view", "matrix", "--size", "160x50"]),
                ("metrics", ["metrics"]),
            ]
            for (name, arguments) in reads {
                let milliseconds = try Measure.milliseconds(runs: repetitions) {
                    let child = try Measure.run(mlsoc, arguments + ["--db", store])
                    guard child.status == 0 else { throw BenchError("mlsoc \(arguments.joined(separator: " ")) failed: \(child.stderr.prefix(500))") }
                }
                figures.add(.plain(group, name, milliseconds, "ms"))
            }
            progress("\(backend): \(writers) triage writers × \(changes)")
            let contention = try Measure.run(
                me.path, ["contention", "--db", store, "--existing", "--writers", "\(writers)", "--changes", "\(changes)", "--json"])
            guard let line = contention.stdout.split(separator: "\n").last,
                let report = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            else { throw BenchError("contention on \(backend) said nothing: \(contention.stderr.prefix(500))") }
            let number = { (key: String) in (report[key] as? NSNumber)?.doubleValue ?? .nan }
            figures.add(.plain(group, "conflicting triage changes", number("changesPerSecond"), "changes/s"))
            figures.add(.atMost(group, "lost updates", number("lostUpdates"), "", 0))
            figures.add(.atMost(group, "writer errors", number("busyErrors"), "", 0))
        }
        if let server = rates["PostgreSQL"], let local = rates["SQLite"] {
            figures.add(.plain("Side by side", "PostgreSQL / SQLite ingest into the big store", server / local, "×"))
        }
        figures.seconds = Measure.now() - started
        try figures.print(json: json)
    }

    /// Findings per second of `mlsoc ingest` of a dataset into `store`, every finding checked in.
    private func ingested(_ dataset: IngestBench.Dataset, into store: String, mlsoc: String) throws -> Double {
        let child = try Measure.run(mlsoc, ["ingest", "--json", "--db", store, dataset.directory])
        guard child.status == 0 else { throw BenchError("mlsoc ingest into \(store) failed: \(child.stderr.suffix(1000))") }
        var read = 0
        for line in child.stdout.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            read += (object["findings"] as? NSNumber)?.intValue ?? 0
        }
        guard read == dataset.findings else { throw BenchError("mlsoc ingest read \(read) findings into \(store), expected \(dataset.findings)") }
        return Double(dataset.findings) / child.seconds
    }
}

/// A bench store by its location: a SQLite file, or a postgres:// URL.
enum BenchStore {
    static func open(_ location: String, mode: FindingStore.Mode = .readWrite) throws -> FindingStore {
        guard PostgresLocation.isURL(location) else { return try FindingStore(path: location, mode: mode) }
        let parsed = try PostgresLocation.parse(location, environment: ProcessInfo.processInfo.environment)
        return try FindingStore(server: try PostgresBackend.open(parsed, readOnly: mode == .readOnly), mode: mode)
    }
}
