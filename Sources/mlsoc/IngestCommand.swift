import ArgumentParser
import Config
import FindingStore
import Foundation
import Ingest
import JSONStream

extension Mlsoc {
    /// Ingests report files into the store.
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest scanner reports (files, or directories walked recursively).",
            discussion: """
                Formats are recognised by content. Each report is written in one transaction: a bad \
                report changes nothing and is reported with its file and place; the others still land. \
                The same file twice is a no-op. Exits 1 if any file failed. Inside a directory, files \
                that are not reports of any known format (READMEs, scripts, the scanned code itself) \
                are listed as skipped, not failed; a file named on the command line must be a report.

                Every scan belongs to one project: --project, else what the report names (SARIF \
                repositoryUri, a CycloneDX metadata component, a red-team target), else the config's \
                `projects:` path rules, else `default`. A newer report resolves a finding only in the \
                same project, tool and category, and only where it looked: the roots, files or targets \
                the report says it covered, plus the files its findings name. A report that cannot say \
                what it covered resolves nothing; --covers says it for the tool.
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Report files or directories.", valueName: "path"))
        var paths: [String]

        @Option(
            help: ArgumentHelp(
                "Reimport category: a newer report of the same tool and category resolves what it no longer reports. Default: the report's own (SARIF automationDetails.id), else none.",
                valueName: "name"))
        var scope = ""

        @Option(
            help: ArgumentHelp(
                "The project these reports belong to (default: what each report names, the config's path rules, else 'default').",
                valueName: "name"))
        var project: String?

        @Option(
            help: ArgumentHelp(
                "What the scans looked at, instead of what the reports say: directories (a trailing / or an existing one), files, or target:NAME for a model or endpoint (repeatable).",
                valueName: "path"))
        var covers: [String] = []

        @Flag(help: "Print one JSON object per file instead of text (for machines).")
        var json = false

        @Option(help: ArgumentHelp("Files parsed in parallel while one writer commits them (default: the number of cores).", valueName: "n"))
        var workers = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64") }
            if let project, let problem = MlsocConfig.projectNameProblem(project) {
                throw ValidationError("--project: \(problem)")
            }
        }

        func run() throws {
            let store = try options.openStore(mode: .readWrite)
            let ingestor = try options.ingestor(store: store)
            try store.lapseAcceptances(
                now: Int64(Date().timeIntervalSince1970), weights: try options.config().weights, hookEvents: try options.config().hookEvents)
            let (files, walked) = try Self.expand(paths)
            var rows: [IngestRow] = []
            let record = { (given: IngestRow) in
                var row = given
                // Found by walking a directory and of no known format: not a report, not a failure.
                if let error = row.error, error.code == .unrecognisedFormat, walked.contains(row.file) { row.skipped = true }
                rows.append(row)
                guard !json else { return }
                if row.skipped {
                    print("\(TextForTerminal.safe(row.file)): skipped: not a report of a known format")
                } else if let error = row.error {
                    FileHandle.standardError.write(Data((TextForTerminal.safe(error.description) + "\n").utf8))
                } else {
                    print(row.line)
                    for warning in row.warnings { print("  warning: \(TextForTerminal.safe(warning))") }
                }
            }
            let now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
            let request = IngestRequest(category: scope, project: project, covers: covers.isEmpty ? nil : covers)
            if files.count == 1, let file = files.first {
                // One file: a progress bar of bytes and findings while it streams.
                let bar = ProgressLine(enabled: !json && isatty(2) == 1)
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? 0
                do {
                    let report = try ingestor.ingest(path: file, now: now(), request: request) { bytes, findings in
                        bar.show(file, bytes: bytes, total: size, findings: findings)
                    }
                    bar.clear()
                    record(IngestRow(report: report))
                } catch let error as IngestError {
                    bar.clear()
                    record(IngestRow(file: file, error: error))
                }
            } else {
                // Several files: a bar of files done and findings written, above the per-file lines.
                let bar = ProgressLine(enabled: !json && isatty(2) == 1)
                var done = 0
                var findings = 0
                ingestor.ingest(paths: files, now: now, workers: workers, request: { _ in request }) { path, result in
                    done += 1
                    if case let .success(report) = result { findings += report.outcome.total }
                    bar.clear()
                    defer {
                        bar.show("\(done)/\(files.count) files", bytes: Int64(done), total: Int64(files.count), findings: findings, unit: "files")
                    }
                    switch result {
                    case let .success(report): record(IngestRow(report: report))
                    case let .failure(error): record(IngestRow(file: path, error: error))
                    }
                }
                bar.clear()
            }
            if json {
                for row in rows { print(row.json) }
            } else if rows.count > 1 {
                print(IngestRow.table(rows))
            }
            try store.refreshStatistics(afterAdding: rows.reduce(0) { $0 + $1.outcome.new })
            options.deliverHooks(store)
            if rows.contains(where: { $0.error != nil && !$0.skipped }) { throw ExitCode(1) }
        }

        /// Files as given, directories walked in name order (hidden entries left out); also which
        /// files came from a walk.
        static func expand(_ paths: [String]) throws -> (files: [String], walked: Set<String>) {
            var files: [String] = []
            var walked = Set<String>()
            let fm = FileManager.default
            for path in paths {
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CLIError("\(path): no such file or directory")
                }
                guard isDirectory.boolValue else {
                    files.append(path)
                    continue
                }
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                let entries = (fm.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []).sorted()
                for entry in entries where !entry.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    var entryIsDirectory: ObjCBool = false
                    let full = base + "/" + entry
                    if fm.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue {
                        files.append(full)
                        walked.insert(full)
                    }
                }
            }
            return (files, walked)
        }
    }
}
