import ArgumentParser
import Findings
import Foundation

/// The `mlsoc` command: a terminal-native MLSecOps security operations console.
@main
struct Mlsoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlsoc",
        abstract: "A terminal-native MLSecOps security operations console.",
        discussion: """
            Ingests the reports of ML-security scanners into a findings store and shows them on the \
            threat matrix. The store is a local SQLite file, or a shared PostgreSQL database given \
            as postgres://USER@HOST/DB?sslmode=verify-full. It is --db, else $MLSOC_DB, else the \
            config's `store: location:`, else $XDG_DATA_HOME/mlsoc/findings.db \
            (~/.local/share/mlsoc/findings.db).
            """,
        version: "0.1.0",
        subcommands: [
            Console.self, Ingest.self, Watch.self, Dashboard.self, Report.self, FindingsList.self, Triage.self, History.self, Render.self,
            Models.self, Export.self, Mapping.self, Formats.self, Compliance.self, Metrics.self, Gate.self, Hooks.self, Store.self,
        ],
        defaultSubcommand: Console.self
    )

    static func main() {
        let arguments = NegatedFilterTerms.movedPastOptions(Array(CommandLine.arguments.dropFirst()))
        // `mlsoc gate` documents 0 pass, 1 policy failed, 2 usage or input error: a usage error the
        // argument parser finds (its own code is 64) exits 2 there.
        if arguments.first == "gate" {
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
            } catch {
                let code = exitCode(for: error)
                if code == .success || code.rawValue == 1 || code.rawValue == 2 { exit(withError: error) }
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            return
        }
        main(arguments)
    }
}

/// `mlsoc findings '-sev:high'`: a negated filter term starts with '-', which the argument parser
/// would read as an unknown option (and print the help). Such terms — a filter key and its
/// comparison, or a quote, after the '-' — are moved after a `--`, where they are filter terms.
enum NegatedFilterTerms {
    static func movedPastOptions(_ arguments: [String]) -> [String] {
        guard arguments.first == "findings", !arguments.isEmpty else { return arguments }
        let end = arguments.firstIndex(of: "--") ?? arguments.count
        var kept: [String] = []
        var moved: [String] = []
        for (index, argument) in arguments.enumerated() {
            if index > 0, index < end, isNegatedTerm(argument) { moved.append(argument) } else { kept.append(argument) }
        }
        guard !moved.isEmpty else { return arguments }
        if let separator = kept.firstIndex(of: "--") {
            kept.insert(contentsOf: moved, at: separator + 1)
            return kept
        }
        return kept + ["--"] + moved
    }

    static func isNegatedTerm(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.count > 2 else { return false }
        let body = argument.dropFirst()
        if body.first == "\"" { return true }
        let key = body.prefix { $0.isLetter || $0 == "_" }.lowercased()
        guard let next = body.dropFirst(key.count).first else { return false }
        return FindingFilter.keys.contains(key) && [":", "=", "<", ">"].contains(next)
    }
}
