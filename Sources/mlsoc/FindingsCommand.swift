import ArgumentParser
import Export
import FindingStore
import Findings
import Foundation
import Ingest

extension Mlsoc {
    /// Findings matching a filter, as a table, JSON lines or CSV.
    struct FindingsList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "findings",
            abstract: "List findings matching a filter.",
            discussion: """
                The filter is the console's: sev>=high state:open model:fraud* target:data tool:garak path:app/* cwe:502 "free text".
                A term negated with a leading '-' works as an argument of its own ('-sev:high'), after '--', or written \
                'not sev:high'.
                Rows come in keyset pages, so even a million findings stream in constant memory.
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Filter terms (quote them as one argument or several).", valueName: "filter"))
        var filter: [String] = []

        @Flag(help: "A JSON array of findings, in the shape of `mlsoc export --format json` (docs/FORMAT.md).")
        var json = false

        @Flag(help: "CSV with a header row, the columns of `mlsoc export --format csv`.")
        var csv = false

        @Option(help: ArgumentHelp("Order: \(FindingSort.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "order"))
        var sort = "severity"

        @Option(help: ArgumentHelp("At most this many rows (default: all).", valueName: "n"))
        var limit: Int?

        /// Long text cut for the table (JSON and CSV keep it whole).
        static func cut(_ text: String, _ limit: Int) -> String {
            text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
        }

        @OptionGroup var scope: ProjectOption

        func validate() throws {
            if json && csv { throw ValidationError("choose one of --json and --csv") }
            if FindingSort(rawValue: sort) == nil {
                throw ValidationError("unknown --sort '\(sort)': choose one of \(FindingSort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let parsed = try FindingFilter.parseArguments(filter)
            let store = try options.openStore(mode: .readOnly)
            _ = try scope.projectID(in: store)
            let query = FindingQuery(filter: scope.scoped(parsed), sort: FindingSort(rawValue: sort) ?? .severity)
            let now = Int64(Date().timeIntervalSince1970)
            let out = OutputBuffer()
            var cursor: PageCursor?
            var written = 0
            var table: [[String]] = [["ID", "SEV", "STATE", "TOOL", "RULE", "MODEL", "CELL", "TITLE", "LOCATION"]]
            if json { out.write("[") }
            if csv { out.write(CSVText.row(FlatExport.columns)) }
            page: while true {
                // Pages of a thousand, or of what --limit leaves when that is fewer.
                let rows = try store.findingsPage(query, after: cursor, limit: min(1_000, max(1, (limit ?? 1_000) - written)), now: now)
                let wanted = limit.map { Array(rows.prefix(max(0, $0 - written))) } ?? rows
                // JSON and CSV carry the triage facts: read them for this page, in its order.
                let documents = json || csv ? try store.exportRows(ids: wanted.map(\.id), now: now) : []
                for document in documents {
                    written += 1
                    out.write(json ? (written > 1 ? ",\n" : "\n") + (try FlatExport.json(document)) : FlatExport.csv(document))
                }
                if !json && !csv {
                    for row in wanted {
                        written += 1
                        table.append([
                            String(row.id), row.severity.name, row.state.key, row.tool, Self.cut(row.ruleID, 40), row.model ?? "",
                            row.threat.key, Self.cut(row.title, 60), row.location?.display ?? "",
                        ])
                    }
                }
                if let limit, written >= limit { break page }
                guard rows.count == 1_000, let last = rows.last else { break }
                cursor = last.cursor(for: query.sort)
            }
            if json { out.write(written > 0 ? "\n]\n" : "]\n") }
            if !json && !csv {
                out.write(TextTable.render(table, rightAligned: [0]) + "\n")
                out.write("\(written) finding\(written == 1 ? "" : "s")\n")
            }
            out.flush()
        }
    }
}

/// Buffered standard output; to a terminal, sanitised (`JSONOutput`).
final class OutputBuffer {
    private let output = JSONOutput(handle: FileHandle.standardOutput)

    func write(_ text: String) {
        try? output.raw(text)
    }

    func flush() {
        try? output.flush()
    }
}

extension FindingFilter {
    /// The filter of a command's arguments (joined by spaces); a bad term is an error that points
    /// at its column.
    static func parseArguments(_ words: [String]) throws -> FindingFilter {
        let text = words.joined(separator: " ")
        do {
            return try FindingFilter.parse(text)
        } catch {
            throw CLIError("bad filter: \(TextForTerminal.safe(error.message)) at column \(error.column)\n" + error.pointing(at: text))
        }
    }
}
