import ArgumentParser
import Config
import Export
import FindingStore
import Findings
import Foundation

extension Mlsoc {
    /// Compliance evidence per model and control, from the store and a framework pack.
    struct Compliance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Which controls of a framework each model has evidence for, and which it lacks.",
            discussion: """
                A pack lists a framework's controls, the findings that violate each and the tools whose scans test it. \
                Built-in packs: owasp-llm-2025, mitre-atlas, nist-ai-rmf, eu-ai-act, iso-42001; your own go in \
                $XDG_CONFIG_HOME/mlsoc/packs/*.yaml (the same name overrides a built-in; `mlsoc compliance packs`).

                Statuses: violated (open findings mapped to the control), accepted (all under a risk acceptance in \
                force), evidenced (a test scan in the window and nothing open), stale (the newest test scan is older \
                than the window), no evidence (no test scan ever ran), not applicable (the pack excludes the model). \
                mlsoc never says "compliant": it says what evidence exists.

                Examples:
                  mlsoc compliance --pack owasp-llm-2025
                  mlsoc compliance --pack eu-ai-act --model support-bot --format markdown > evidence.md
                  mlsoc compliance gaps --pack owasp-llm-2025
                  mlsoc compliance --pack nist-ai-rmf --format json --at 2026-12-31
                """,
            subcommands: [Report.self, Gaps.self, Packs.self],
            defaultSubcommand: Report.self
        )

        struct Report: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "report", abstract: "The evidence report (the default).")

            @OptionGroup var selection: ComplianceSelection

            @Option(help: ArgumentHelp("text, markdown or json (`mlsoc.compliance/1`, docs/FORMAT.md).", valueName: "format"))
            var format = "text"

            @Option(help: ArgumentHelp("Evaluate as of this time: YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or +Nd (default: now).", valueName: "date"))
            var at: String?

            func validate() throws {
                guard ComplianceReport.Format(rawValue: format) != nil else {
                    throw ValidationError(
                        "unknown --format '\(format)': one of \(ComplianceReport.Format.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }

            func run() throws {
                var now = Int64(Date().timeIntervalSince1970)
                if let at {
                    guard let parsed = TriageDate.parse(at, now: now) else {
                        throw ValidationError("bad --at '\(at)': write YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or +Nd")
                    }
                    now = parsed
                }
                let result = try selection.evaluate(now: now)
                let output = JSONOutput(handle: FileHandle.standardOutput)
                try output.raw(try ComplianceReport.render(result, format: ComplianceReport.Format(rawValue: format) ?? .text))
                try output.flush()
            }
        }

        /// The missing scans per model, as commands to run.
        struct Gaps: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The controls each model has no current test for, with the scans to run (then mlsoc ingest).")

            @OptionGroup var selection: ComplianceSelection

            @Flag(help: "JSON (`mlsoc.compliance-gaps/1`) instead of text.")
            var json = false

            func run() throws {
                let result = try selection.evaluate(now: Int64(Date().timeIntervalSince1970))
                let output = JSONOutput(handle: FileHandle.standardOutput)
                try output.raw(json ? try ComplianceGaps.json(result) : ComplianceGaps.text(result))
                try output.flush()
            }
        }

        struct Packs: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the framework packs (built-in and yours), each checked as it is read.")

            func run() throws {
                let environment = ProcessInfo.processInfo.environment
                let packs = try CompliancePacks.all(environment: environment)
                var table = [["PACK", "VERSION", "CONTROLS", "WINDOW", "TITLE"]]
                for pack in packs {
                    table.append([
                        TextForTerminal.safe(pack.name), TextForTerminal.safe(pack.version), String(pack.controls.count), "\(pack.windowDays)d",
                        TextForTerminal.safe(pack.title),
                    ])
                }
                print(TextTable.render(table, rightAligned: [2, 3]))
                print("your packs: \(CompliancePacks.directory(environment: environment))/*.yaml")
            }
        }
    }
}

/// What `compliance report` and `compliance gaps` evaluate: a pack over the store, a project's
/// models or one model.
struct ComplianceSelection: ParsableArguments {
    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("The framework pack (`mlsoc compliance packs` lists them).", valueName: "name"))
    var pack: String

    @Option(help: ArgumentHelp("Only this model (its name).", valueName: "name"))
    var model: String?

    @OptionGroup var scope: ProjectOption

    /// The pack evaluated as of `now`. Every model is evaluated (which scans name which models
    /// depends on all of them); then `--model` keeps one.
    func evaluate(now: Int64) throws -> ComplianceResult {
        let pack = try CompliancePacks.named(pack, environment: ProcessInfo.processInfo.environment)
        let store = try options.openStore(mode: .readOnly)
        var result = ComplianceEvaluator.evaluate(
            pack, facts: try store.complianceFacts(now: now, projectID: try scope.projectID(in: store)), now: now)
        if let model {
            result.rows = result.rows.filter { $0.model.name == model }
            if result.rows.isEmpty {
                throw CLIError("no model '\(TextForTerminal.safe(model))' in \(TextForTerminal.safe(store.path)) (mlsoc models lists them)")
            }
        }
        return result
    }
}
