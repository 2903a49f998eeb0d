import FindingStore
import Foundation

/// Ingest measurements: the real `mlsoc ingest` command on generated reports, timed from process
/// start to exit, beside the raw-SQLite baseline of the same rows and beside sqlite-utils.
struct IngestBench {
    let mlsoc: String
    let root: URL
    let perReport: Int
    let repetitions: Int

    struct Dataset {
        var directory: String
        var format: Generator.Format
        var findings: Int
    }

    /// Generated reports, reused from an earlier run when the same settings wrote them.
    func dataset(_ format: Generator.Format, findings: Int, seed: UInt64) throws -> Dataset {
        let name = "\(format.rawValue)-\(findings)-per\(perReport)-seed\(seed)-v4"
        let directory = root.appendingPathComponent("data").appendingPathComponent(name)
        let marker = directory.appendingPathComponent(".complete")
        if !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(at: directory)
            let (_, seconds) = try Measure.time {
                try Generator(format: format, findings: findings, perReport: perReport, seed: seed).write(to: directory)
            }
            progress(String(format: "  wrote %@ (%.1f s)", name, seconds))
            _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
        }
        return Dataset(directory: directory.path, format: format, findings: findings)
    }

    /// What one `mlsoc ingest` did.
    struct Ingested {
        var child: Measure.Child
        /// The transaction that wrote each scan (from `--json`): the baseline commits the same way.
        var transactions: [Int64: Int]
        var seconds: Double { child.seconds }
        var peakKiB: Int { child.peakKiB }
    }

    /// Runs `mlsoc ingest` on a dataset into `store`; checks that every finding landed.
    private func ingest(_ dataset: Dataset, store: String) throws -> Ingested {
        let before =
            FileManager.default.fileExists(atPath: store) ? try RawDatabase(path: store, readOnly: true).scalar("SELECT count(*) FROM finding") : 0
        let child = try Measure.run(mlsoc, ["ingest", "--json", "--db", store, dataset.directory])
        guard child.status == 0 else {
            throw BenchError("mlsoc ingest \(dataset.directory) failed (exit \(child.status)): \(child.stderr.suffix(2000))")
        }
        let after = try RawDatabase(path: store, readOnly: true).scalar("SELECT count(*) FROM finding")
        guard after - before == dataset.findings else {
            throw BenchError("mlsoc ingest wrote \(after - before) findings from \(dataset.directory), expected \(dataset.findings)")
        }
        var transactions: [Int64: Int] = [:]
        for line in child.stdout.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let scan = (object["scan"] as? NSNumber)?.int64Value, let transaction = (object["transaction"] as? NSNumber)?.intValue
            else { continue }
            transactions[scan] = transaction
        }
        return Ingested(child: child, transactions: transactions)
    }

    /// Builds the big store; checkpointed, so a copy of the file is the whole store.
    func build(_ dataset: Dataset, store: String) throws -> Ingested {
        Measure.removeStore(store)
        let child = try ingest(dataset, store: store)
        try RawDatabase(path: store, readOnly: false).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sync()
        return child
    }

    /// mlsoc and the raw baseline, `repetitions` times each, into a fresh copy of `into` (or an
    /// empty store): rates, their ratio and mlsoc's peak memory.
    func measure(_ dataset: Dataset, into: String?, label: String, figures: inout Figures, target: Bool) throws {
        let store = root.appendingPathComponent("ingest.db").path
        let afterScan = try into.map { try RawDatabase(path: $0, readOnly: true).scalar("SELECT coalesce(max(id), 0) FROM scan") } ?? 0
        let afterPath = try into.map { try RawDatabase(path: $0, readOnly: true).scalar("SELECT coalesce(max(id), 0) FROM path") } ?? 0
        var rates: [Double] = []
        var peak = 0
        var baseline: RawBaseline?
        var transactions: [Int64: Int] = [:]
        for run in 0..<repetitions {
            if let into {
                try Measure.copyStore(into, to: store)
            } else {
                Measure.removeStore(store)
                sync()
            }
            let ingested = try ingest(dataset, store: store)
            rates.append(Double(dataset.findings) / ingested.seconds)
            peak = max(peak, ingested.peakKiB)
            if run == 0 {
                baseline = try RawBaseline.capture(from: store, afterScan: afterScan, afterPath: afterPath)
                transactions = ingested.transactions
            }
        }
        guard let baseline, baseline.findingCount == dataset.findings else {
            throw BenchError("the baseline captured \(baseline?.findingCount ?? 0) findings, expected \(dataset.findings)")
        }
        var rawRates: [Double] = []
        let rawStore = root.appendingPathComponent("raw.db").path
        for _ in 0..<repetitions {
            if let into {
                try Measure.copyStore(into, to: rawStore)
            } else {
                Measure.removeStore(rawStore)
                _ = try FindingStore(path: rawStore)
                sync()
            }
            let seconds = try baseline.insert(into: rawStore) { transactions[$0] ?? -Int($0) }
            let count = try RawDatabase(path: rawStore, readOnly: true).scalar("SELECT count(*) FROM finding")
            let expected =
                (try into.map { try RawDatabase(path: $0, readOnly: true).scalar("SELECT count(*) FROM finding") } ?? 0) + Int64(dataset.findings)
            guard count == expected else { throw BenchError("the baseline left \(count) findings, expected \(expected)") }
            rawRates.append(Double(dataset.findings) / seconds)
        }
        Measure.removeStore(store)
        Measure.removeStore(rawStore)
        let rate = Measure.median(rates)
        let raw = Measure.median(rawRates)
        let group = "Ingest \(dataset.findings.formatted()) findings \(label)"
        let commits = Set(transactions.values).count
        let spread = "runs: " + rates.map { Figures.format($0) }.joined(separator: ", ")
        figures.add(
            target
                ? .atLeast(group, "mlsoc ingest", rate, "findings/s", 25_000, note: spread)
                : .plain(group, "mlsoc ingest", rate, "findings/s", note: spread))
        figures.add(
            .plain(
                group, "raw SQLite, same rows and schema", raw, "findings/s",
                note: "runs: " + rawRates.map { Figures.format($0) }.joined(separator: ", ")
                    + "; \(baseline.reports.count) reports in \(commits) transactions, as mlsoc committed them"))
        figures.add(target ? .atLeast(group, "mlsoc / raw SQLite", rate / raw, "×", 0.6) : .plain(group, "mlsoc / raw SQLite", rate / raw, "×"))
        figures.add(.atMost(group, "peak RSS of the ingest", Double(peak) / 1024, "MiB", 256))
    }

    /// sqlite-utils (`insert --nl`) loading the same findings as JSON lines into a new database,
    /// beside `mlsoc ingest` of the same findings into a new store.
    func compareSQLiteUtils(_ dataset: Dataset, command: String?, figures: inout Figures) throws {
        let group = "Side by side: \(dataset.findings.formatted()) JSONL findings into a new database"
        var mlsocRates: [Double] = []
        let store = root.appendingPathComponent("side.db").path
        for _ in 0..<repetitions {
            Measure.removeStore(store)
            sync()
            let ingested = try ingest(dataset, store: store)
            mlsocRates.append(Double(dataset.findings) / ingested.seconds)
        }
        Measure.removeStore(store)
        let rate = Measure.median(mlsocRates)
        figures.add(.plain(group, "mlsoc ingest", rate, "findings/s"))
        guard let command else {
            figures.add(
                .plain(
                    group, "sqlite-utils insert --nl", .nan, "findings/s",
                    note: "sqlite-utils not found: make bench installs it into .venv-bench"))
            return
        }
        // The same findings, one JSON object per line, without mlsoc's report header lines.
        let input = root.appendingPathComponent("sqlite-utils-input.jsonl")
        guard FileManager.default.createFile(atPath: input.path, contents: nil) else { throw BenchError("cannot write \(input.path)") }
        let handle = try FileHandle(forWritingTo: input)
        for file in try FileManager.default.contentsOfDirectory(atPath: dataset.directory).sorted() where file.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: dataset.directory + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.contains("\"mlsoc.report/1\"") {
                handle.write(Data(line.utf8))
                handle.write(Data("\n".utf8))
            }
        }
        try handle.close()
        var rates: [Double] = []
        let database = root.appendingPathComponent("sqlite-utils.db").path
        for _ in 0..<repetitions {
            Measure.removeStore(database)
            sync()
            let child = try Measure.run(command, ["insert", database, "findings", input.path, "--nl"])
            guard child.status == 0 else { throw BenchError("sqlite-utils failed (exit \(child.status)): \(child.stderr.suffix(2000))") }
            let count = try RawDatabase(path: database, readOnly: true).scalar("SELECT count(*) FROM findings")
            guard count == dataset.findings else { throw BenchError("sqlite-utils loaded \(count) rows, expected \(dataset.findings)") }
            rates.append(Double(dataset.findings) / child.seconds)
        }
        Measure.removeStore(database)
        try? FileManager.default.removeItem(at: input)
        let theirs = Measure.median(rates)
        figures.add(
            .plain(
                group, "sqlite-utils insert --nl", theirs, "findings/s",
                note: "one table, no indexes, no parsing or mapping"))
        figures.add(.plain(group, "mlsoc / sqlite-utils", rate / theirs, "×"))
    }
}

/// Store size: bytes per finding and where they go.
enum StoreBench {
    static func size(store: String, figures: inout Figures) throws {
        let db = try RawDatabase(path: store, readOnly: false)
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let count = Double(try db.scalar("SELECT count(*) FROM finding"))
        let bytes = Double(Measure.fileSize(store) + Measure.fileSize(store + "-wal"))
        figures.add(
            .atMost(
                "Store", "bytes per finding, indexes included", bytes / count, "bytes", 300,
                note: String(format: "%.0f MiB for %@ findings", bytes / 1_048_576, Int(count).formatted())))
        // Where the bytes go (dbstat is in Debian's SQLite build; skipped where it is not).
        if let rows = try? db.rows("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8") {
            for row in rows {
                guard case let .integer(size) = row[1] else { continue }
                figures.add(.plain("Store", "  of which \(row[0].text)", Double(size) / count, "bytes"))
            }
        }
    }
}
