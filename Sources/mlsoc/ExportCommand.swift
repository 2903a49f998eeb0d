import ArgumentParser
import Export
import FindingStore
import Findings
import Foundation
import Ingest

extension Mlsoc {
    /// Writes the store out in a standard format.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export findings and the model inventory.",
            discussion: """
                cyclonedx: a CycloneDX 1.6 ML-BOM: models and datasets (model cards, hashes, owner, stage,
                risk score) and the findings about them as vulnerabilities with their VEX analysis. Importing
                it again (mlsoc ingest) restores the same findings and triage states.
                vex: the same CycloneDX 1.6 document without model cards and risk facts: the triage as VEX
                (analysis state, justification, response, detail).
                sarif: SARIF 2.1.0, one run per tool; false positives, accepted and not-affected findings carry
                suppressions, resolved ones baselineState "absent".
                json, csv: every finding with its triage facts.
                The export streams: memory stays flat however large the store.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case cyclonedx
            case vex
            case sarif
            case json
            case csv
        }

        @OptionGroup var options: GlobalOptions

        @Option(help: ArgumentHelp("Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
        var format: Format

        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Only findings matching this filter, e.g. 'state:open model:fraud*'.", valueName: "filter"))
        var filter: String?

        @Flag(help: "Leave out findings no model claims.")
        var attributedOnly = false

        @OptionGroup var scope: ProjectOption

        func run() throws {
            var parsed: FindingFilter
            do {
                parsed = try FindingFilter.parse(filter ?? "")
            } catch {
                throw ValidationError(
                    "bad --filter: \(TextForTerminal.safe(error.message)) at column \(error.column)\n" + error.pointing(at: filter ?? ""))
            }
            let store = try options.openStore(mode: .readOnly)
            _ = try scope.projectID(in: store)
            parsed = scope.scoped(parsed)
            let handle: FileHandle
            var temporary: String?
            if let output {
                // Write beside the target and rename at the end: a failed export leaves no half file.
                let partial = output + ".partial"
                guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]),
                    let file = FileHandle(forWritingAtPath: partial)
                else {
                    throw CLIError("\(output): cannot create the file")
                }
                handle = file
                temporary = partial
            } else {
                handle = FileHandle.standardOutput
            }
            let out = JSONOutput(handle: handle)
            let now = Int64(Date().timeIntervalSince1970)
            let summary: String
            switch format {
            case .cyclonedx, .vex:
                let counts = try CycloneDXExport.write(
                    store: store, to: out,
                    options: .init(
                        includeUnattributed: !attributedOnly, filter: parsed, now: now, weights: try options.config().weights, vex: format == .vex))
                summary = "\(counts.components) components, \(counts.vulnerabilities) vulnerabilities"
            case .sarif:
                summary = "\(try SARIFExport.write(store: store, to: out, filter: parsed, now: now)) results"
            case .json:
                summary = "\(try FlatExport.writeJSON(store: store, to: out, filter: parsed, now: now)) findings"
            case .csv:
                summary = "\(try FlatExport.writeCSV(store: store, to: out, filter: parsed, now: now)) findings"
            }
            try out.flush()
            if let temporary, let output {
                try handle.close()
                _ = try? FileManager.default.removeItem(atPath: output)
                try FileManager.default.moveItem(atPath: temporary, toPath: output)
                FileHandle.standardError.write(Data("\(output): \(summary)\n".utf8))
            }
        }
    }
}
