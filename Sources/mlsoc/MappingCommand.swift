import ArgumentParser
import FindingStore
import Findings
import Foundation
import Ingest

extension Mlsoc {
    /// Mapping rules: list them, say why a finding sits in its cell, lint what is unmapped.
    struct Mapping: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the mapping rules, explain the cell of a finding, or list what is unmapped.",
            discussion: """
                A finding's cell comes from the first of these inputs with an answer: 1 the user's rules \
                ($XDG_CONFIG_HOME/mlsoc/mapping.json), 2 the tool's threat metadata (a cell, ATLAS technique or OWASP \
                LLM/ML id the rule names), 3 built-in rules per tool and rule id, 4 CWE, 5 OWASP/ATLAS tags, 6 the tool's \
                default cell, 7 the words of the rule's name (yaml-load-unsafe, hub-model-unpinned), 8 unclassified. Then the config's data_stores may move a storage misconfiguration to the \
                Data row (or to model theft for model weights).
                """,
            subcommands: [Explain.self, Unmapped.self, List.self],
            defaultSubcommand: List.self
        )

        /// `mlsoc mapping explain ID`
        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Say which mapping input put a finding in its cell, and what the others would have said.")

            @OptionGroup var options: GlobalOptions

            @Argument(help: "The finding's id (as `mlsoc findings` and the console show it).")
            var id: Int64

            func run() throws {
                let store = try options.openStore(mode: .readOnly)
                guard let record = try store.mappingRecord(findingID: id) else {
                    throw CLIError("no finding \(id) in \(TextForTerminal.safe(store.path))")
                }
                let f = record.finding
                let rules = try options.mappingRules().with(dataStores: try options.config().dataStores)
                let inputs = MappingInputs(text: record.inputs)
                let subject =
                    inputs?.subject(tool: f.tool, ruleID: f.ruleID)
                    ?? MappingSubject(tool: f.tool, ruleID: f.ruleID, cwe: f.taxonomy.cwe)
                let resource = record.evidence.flatMap { $0.hasPrefix("resource: ") ? String($0.dropFirst("resource: ".count)) : nil }
                let context = MappingContext(
                    resource: resource, path: f.location?.path, title: f.title, message: f.message,
                    code: record.evidence)
                let now = rules.map(subject, context: context)
                let safe = TextForTerminal.safe
                print("finding \(f.id): \(safe(f.tool)) \(safe(f.ruleID)) — \(safe(f.title))")
                print("cell:      \(f.threat.target.name) / \(f.threat.name)")
                print("recorded:  \(safe(record.recorded ?? "(not recorded)"))")
                print("tool said: \(safe(inputs?.summary ?? MappingInputs(subject).summary))")
                print("inputs, in the order they are tried (▸ decided today):")
                for (input, answer) in rules.answers(subject) {
                    let mark = input == now.input ? "▸" : " "
                    let said = answer.map { "\($0.threat.name) — \($0.why)" } ?? "—"
                    print("  \(mark) \(input.rawValue) \(input.name.padding(toLength: 27, withPad: " ", startingAt: 0)) \(safe(said))")
                }
                if now.input == .none {
                    print("  ▸ \(MappingInput.none.rawValue) unclassified: no input has an answer (mlsoc mapping unmapped suggests a rule)")
                }
                if let moved = now.context { print("resource context: \(safe(moved))") }
                if now.threat != f.threat {
                    print("today:     the current rules say \(now.threat.target.name) / \(now.threat.name); reingest the report to apply")
                }
                if !f.taxonomy.isEmpty { print("ids:       \(safe(f.taxonomy.packed))") }
            }
        }

        /// `mlsoc mapping unmapped`
        struct Unmapped: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the rules of unclassified findings, with what their tool said and a user rule to paste.",
                discussion: """
                    A lint for the mapping: every rule whose findings sit in the unclassified row, most findings first, \
                    with the metadata the tool gave (CWE, tags, threat keys) and a ready-to-paste rule for \
                    $XDG_CONFIG_HOME/mlsoc/mapping.json whose cell is guessed from the rule's words: check it, then \
                    reingest. --rules prints the whole file. The console's Unclassified row opens the same list.
                    """
            )

            @OptionGroup var options: GlobalOptions

            @Argument(help: ArgumentHelp("Filter terms, as in `mlsoc findings` (e.g. tool:semgrep state:open).", valueName: "filter"))
            var filter: [String] = []

            @Flag(help: "Print only a mapping file with the suggested rules (to save as the user's mapping.json).")
            var rules = false

            @Flag(help: "A JSON array of the unmapped rules.")
            var json = false

            @OptionGroup var scope: ProjectOption

            func validate() throws {
                if json && rules { throw ValidationError("choose one of --json and --rules") }
            }

            func run() throws {
                let parsed = try FindingFilter.parseArguments(filter)
                let store = try options.openStore(mode: .readOnly)
                _ = try scope.projectID(in: store)
                let filter = scope.scoped(parsed)
                let now = Int64(Date().timeIntervalSince1970)
                let unmapped = try store.unmappedRules(filter, now: now)
                let suggestions = unmapped.map { UnmappedSuggestion($0) }
                let out = OutputBuffer()
                if rules {
                    out.write(UnmappedSuggestion.mappingFile(suggestions.map(\.rule)))
                } else if json {
                    out.write(UnmappedSuggestion.json(suggestions))
                } else {
                    let total = try store.count(FindingQuery(filter: filter, sort: .severity), now: now)
                    let findings = unmapped.reduce(0) { $0 + $1.findings }
                    let share = total == 0 ? 0 : Double(findings) * 100 / Double(total)
                    out.write(
                        unmapped.isEmpty
                            ? "Nothing unclassified: every one of \(total) finding\(total == 1 ? "" : "s") has a cell.\n"
                            : "\(findings) unclassified finding\(findings == 1 ? "" : "s") of \(total) (\(String(format: "%.1f", share))%) in \(unmapped.count) rule\(unmapped.count == 1 ? "" : "s"):\n"
                    )
                    for suggestion in suggestions {
                        out.write(suggestion.text)
                    }
                    if !unmapped.isEmpty {
                        out.write(
                            "\nPaste the rules into \(TextForTerminal.safe(MappingRules.userFile(environment: options.environment))) "
                                + "(`mlsoc mapping unmapped --rules` prints the whole file), check each cell, then reingest.\n")
                    }
                }
                out.flush()
            }
        }

        /// `mlsoc mapping list`
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the mapping rules in the order they are tried.")

            @OptionGroup var options: GlobalOptions

            func run() throws {
                let mapping = try options.mappingRules()
                let sections: [(MappingInput, [MappingRule])] = [
                    (.user, mapping.user), (.builtin, mapping.builtin), (.cwe, mapping.cweTable), (.tags, mapping.tagTable),
                    (.toolDefault, mapping.defaults),
                ]
                for (input, rules) in sections {
                    print("# \(input.rawValue) \(input.name) (\(rules.count))")
                    if input == .user && rules.isEmpty {
                        print("  none: \(TextForTerminal.safe(MappingRules.userFile(environment: options.environment))) holds them")
                    }
                    for rule in rules {
                        var match: [String] = []
                        if let tool = rule.tool { match.append("tool \(tool)") }
                        if let rules = rule.rules { match.append("rules \(rules.joined(separator: ","))") }
                        if let cwe = rule.cwe { match.append("cwe \(cwe.joined(separator: ","))") }
                        if let tags = rule.tags { match.append("tags \(tags.joined(separator: ","))") }
                        print(
                            TextForTerminal.safe(
                                "\(rule.id) → \(rule.threat)\(rule.severity.map { " (\($0))" } ?? ""): \(match.joined(separator: "; "))"))
                    }
                    if input == .user { print("# 2 \(MappingInput.stated.name): read from each rule's metadata") }
                }
            }
        }
    }
}
