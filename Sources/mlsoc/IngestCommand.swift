import ArgumentParser
import FindingStore
import Foundation
import Ingest

extension Mlsoc {
    /// Ingests report files into the store.
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest scanner reports (files, or directories walked recursively).",
            discussion: """
                Each report is written in one transaction: a bad report changes nothing and is \
                reported with its file and place; the others still land. The same file twice is a no-op. \
                Exits 1 if any file failed.
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Report files or directories.", valueName: "path"))
        var paths: [String]

        @Option(help: ArgumentHelp(
            "Reimport category: a newer report of the same tool and category resolves what it no longer reports. Default: the report's own (SARIF automationDetails.id), else none.",
            valueName: "name"))
        var scope = ""

        func run() throws {
            let store = try options.openStore(mode: .readWrite)
            let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(),
                                          actor: Actor.current(environment: options.environment))
            var failed = 0
            for file in try expand(paths) {
                do {
                    let report = try ingestor.ingest(path: file, now: Int64(Date().timeIntervalSince1970), category: scope)
                    print(summary(report))
                    for warning in report.warnings { print("  warning: \(warning)") }
                } catch let error as IngestError {
                    failed += 1
                    FileHandle.standardError.write(Data((error.description + "\n").utf8))
                }
            }
            if failed > 0 { throw ExitCode(1) }
        }

        private func summary(_ report: ReportIngestor.Report) -> String {
            let outcome = report.outcome
            if outcome.alreadyIngested { return "\(report.file): already ingested, nothing changed" }
            var parts = ["\(outcome.total) findings", "\(outcome.new) new", "\(outcome.unchanged) unchanged"]
            if outcome.reopened > 0 { parts.append("\(outcome.reopened) reopened") }
            if outcome.resolved > 0 { parts.append("\(outcome.resolved) resolved") }
            if outcome.repeated > 0 { parts.append("\(outcome.repeated) repeated") }
            let what = report.format == outcome.tool || outcome.tool.isEmpty ? report.format : "\(report.format) \(outcome.tool)"
            return "\(report.file): \(what): " + parts.joined(separator: ", ")
        }

        /// Files as given, directories walked in name order; hidden files are skipped.
        private func expand(_ paths: [String]) throws -> [String] {
            var files: [String] = []
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
                    }
                }
            }
            return files
        }
    }
}
