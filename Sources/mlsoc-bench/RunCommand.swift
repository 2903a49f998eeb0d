import ArgumentParser
import FindingStore
import Foundation

/// `mlsoc-bench run`: every figure of DESIGN.md §9 in one run, each beside what it is compared with.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure ingest, store size, queries and the console at 1M findings, with baselines.",
        discussion: """
            Generates the reports (cached in --work), builds a store of --findings findings with `mlsoc ingest`, \
            and measures: ingest of --batch findings into an empty store and into the big one, each beside the \
            raw-SQLite baseline (the same rows, the same schema, prepared statements, one transaction per report); \
            sqlite-utils loading the same findings; peak memory; bytes per finding; open to first frame; matrix, \
            models, keyset pages and filters; the console's memory; the dashboard's terminal output idle and for \
            a counter tick. Medians of --repeat runs. Build with \
            `-c release` (make bench does): debug numbers mean nothing.
            """
    )

    @Option(help: "Working directory for reports and stores (large: ~1 GB at 1M findings).")
    var work = ".bench"

    @Option(help: "Findings in the big store.")
    var findings = 1_000_000

    @Option(help: "Findings per ingest measurement.")
    var batch = 100_000

    @Option(name: .customLong("per-report"), help: "Findings per report file (the transaction size).")
    var perReport = 5_000

    @Option(name: .customLong("repeat"), help: "Runs of each ingest measurement (the median is reported).")
    var repetitions = 3

    @Option(help: "The mlsoc binary (default: beside this one).")
    var mlsoc: String?

    @Option(name: .customLong("sqlite-utils"), help: "The sqlite-utils command (default: .venv-bench/bin/sqlite-utils, else PATH).")
    var sqliteUtils: String?

    @Flag(name: .customLong("no-console"), help: "Skip the console memory and dashboard output measurements (they need tmux).")
    var noConsole = false

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    func validate() throws {
        guard findings >= 1_000, batch >= 100, perReport >= 10, repetitions >= 1 else {
            throw ValidationError("--findings ≥ 1000, --batch ≥ 100, --per-report ≥ 10 and --repeat ≥ 1")
        }
    }

    func run() throws {
        let started = Measure.now()
        let mlsocPath = mlsoc ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mlsoc").path
        guard FileManager.default.isExecutableFile(atPath: mlsocPath) else {
            throw ValidationError("no mlsoc binary at \(mlsocPath): build it (make bench builds both) or pass --mlsoc PATH")
        }
        let root = URL(fileURLWithPath: work, isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var figures = Figures()
        figures.machine = Run.machine()
        figures.settings = ["findings": findings, "batch": batch, "perReport": perReport, "repeat": repetitions]
        let ingest = IngestBench(mlsoc: mlsocPath, root: root, perReport: perReport, repetitions: repetitions)

        progress("generating reports in \(root.path)")
        let base = try ingest.dataset(.sarif, findings: findings, seed: 1)
        let batchSARIF = try ingest.dataset(.sarif, findings: batch, seed: 2)
        let batchJSONL = try ingest.dataset(.jsonl, findings: batch, seed: 3)

        progress("ingest \(batch) SARIF findings into an empty store, and the raw-SQLite baseline")
        try ingest.measure(batchSARIF, into: nil, label: "into an empty store, SARIF", figures: &figures, target: false)

        progress("ingest \(findings) SARIF findings into an empty store (the big store)")
        let bigStore = root.appendingPathComponent("big.db").path
        let built = try ingest.build(base, store: bigStore)
        figures.add(
            .plain(
                "Ingest", "\(findings.formatted()) SARIF findings into an empty store", Double(findings) / built.seconds, "findings/s",
                note: String(format: "%.1f s", built.seconds)))
        figures.add(.atMost("Ingest", "peak RSS, \(findings.formatted())-finding ingest", Double(built.peakKiB) / 1024, "MiB", 256))

        progress("ingest \(batch) findings into the \(findings)-finding store, and the raw-SQLite baseline")
        try ingest.measure(
            batchSARIF, into: bigStore, label: "into the \(findings.formatted())-finding store, SARIF", figures: &figures, target: true)
        try ingest.measure(
            batchJSONL, into: bigStore, label: "into the \(findings.formatted())-finding store, JSONL", figures: &figures, target: false)

        progress("sqlite-utils loading the same findings")
        try ingest.compareSQLiteUtils(batchJSONL, command: sqliteUtilsCommand(), figures: &figures)

        progress("store size")
        try StoreBench.size(store: bigStore, figures: &figures)

        progress("queries on the \(findings)-finding store")
        // Let the kernel finish writing back the copies and stores made above: the queries are
        // timed, not the benchmark's own leftovers.
        sync()
        try QueryBench(store: bigStore, findings: findings).measure(figures: &figures)

        if noConsole {
            progress("console memory skipped (--no-console)")
        } else {
            progress("console memory at \(findings) findings (tmux)")
            try ConsoleBench(mlsoc: mlsocPath, store: bigStore).measure(figures: &figures)
            progress("the dashboard's terminal output, idle and for a counter tick (tmux)")
            try DashboardBench(mlsoc: mlsocPath, store: bigStore, work: root).measure(figures: &figures)
        }

        figures.seconds = Measure.now() - started
        try figures.print(json: json)
    }

    private func sqliteUtilsCommand() -> String? {
        if let sqliteUtils { return sqliteUtils }
        let local = ".venv-bench/bin/sqlite-utils"
        if FileManager.default.isExecutableFile(atPath: local) { return local }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/sqlite-utils"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// What the numbers were measured on.
    static func machine() -> [String: String] {
        var info: [String: String] = [:]
        info["cores"] = String(ProcessInfo.processInfo.activeProcessorCount)
        info["memory GiB"] = String(ProcessInfo.processInfo.physicalMemory >> 30)
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
            .split(separator: "\n").first(where: { $0.hasPrefix("model name") })?.split(separator: ":").last
        {
            info["cpu"] = cpu.trimmingCharacters(in: .whitespaces)
        }
        info["sqlite"] = (try? RawDatabase(path: ":memory:", readOnly: false)).flatMap { try? $0.rows("SELECT sqlite_version()").first?.first?.text }
        info["date"] = ISO8601DateFormatter().string(from: Date())
        return info
    }
}

/// The time of the first progress line (a global is set on first use), which each line counts from.
private let processStarted = Measure.now()

/// A progress line on standard error, with the seconds since the first ("mlsoc-bench [12 s]: ...").
func progress(_ message: String) {
    let elapsed = Int(Measure.now() - processStarted)
    FileHandle.standardError.write(Data("mlsoc-bench [\(elapsed) s]: \(message)\n".utf8))
}
