import ArgumentParser
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
                The export streams: memory stays flat however large the store.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case cyclonedx
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

        func run() throws {
            let parsed: FindingFilter
            do {
                parsed = try FindingFilter.parse(filter ?? "")
            } catch {
                throw ValidationError("bad --filter: \(error.message) at column \(error.column)")
            }
            let store = try options.openStore(mode: .readOnly)
            let handle: FileHandle
            var temporary: String?
            if let output {
                // Write beside the target and rename at the end: a failed export leaves no half file.
                let partial = output + ".partial"
                guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let file = FileHandle(forWritingAtPath: partial) else {
                    throw CLIError("\(output): cannot create the file")
                }
                handle = file
                temporary = partial
            } else {
                handle = FileHandle.standardOutput
            }
            let out = JSONOutput(handle: handle)
            let counts = try CycloneDXExport.write(store: store, to: out, options: .init(
                includeUnattributed: !attributedOnly, filter: parsed, now: Int64(Date().timeIntervalSince1970),
                weights: try options.config().weights))
            try out.flush()
            if let temporary, let output {
                try handle.close()
                _ = try? FileManager.default.removeItem(atPath: output)
                try FileManager.default.moveItem(atPath: temporary, toPath: output)
                FileHandle.standardError.write(Data("\(output): \(counts.components) components, \(counts.vulnerabilities) vulnerabilities\n".utf8))
            }
        }
    }
}
