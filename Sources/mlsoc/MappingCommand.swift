import ArgumentParser
import FindingStore
import Findings
import Foundation
import Ingest

extension Mlsoc {
    /// Mapping rules: list them, or say why a finding sits in its cell.
    struct Mapping: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the mapping rules, or explain the cell of a finding.",
            subcommands: [Explain.self, List.self],
            defaultSubcommand: List.self
        )

        /// `mlsoc mapping explain ID`
        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Say which mapping rule put a finding in its cell, and why.")

            @OptionGroup var options: GlobalOptions

            @Argument(help: "The finding's id (as `mlsoc render` and the console show it).")
            var id: Int64

            func run() throws {
                let store = try options.openStore(mode: .readOnly)
                guard let record = try store.mappingRecord(findingID: id) else {
                    throw CLIError("no finding \(id) in \(store.path)")
                }
                let f = record.finding
                let rules = try options.mappingRules()
                let now = rules.map(MappingSubject(tool: f.tool, ruleID: f.ruleID, cwe: f.taxonomy.cwe.map { String($0.dropFirst(4)) }))
                let safe = TextSanitizer.sanitize
                print("finding \(f.id): \(safe(f.tool)) \(safe(f.ruleID)) — \(safe(f.title))")
                print("cell:     \(f.threat.target.name) / \(f.threat.name)")
                print("mapped:   \(safe(record.recorded ?? "(not recorded)"))")
                if now.threat != f.threat {
                    print("today:    the current rules would say \(now.threat.target.name) / \(now.threat.name): \(safe(now.why)); reingest to apply")
                }
                if !f.taxonomy.isEmpty { print("ids:      \(safe(f.taxonomy.packed))") }
            }
        }

        /// `mlsoc mapping list`
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the mapping rules in the order they are tried.")

            @OptionGroup var options: GlobalOptions

            func run() throws {
                for rule in try options.mappingRules().rules {
                    var match: [String] = []
                    if let tool = rule.tool { match.append("tool \(tool)") }
                    if let rules = rule.rules { match.append("rules \(rules.joined(separator: ","))") }
                    if let cwe = rule.cwe { match.append("cwe \(cwe.joined(separator: ","))") }
                    if let tags = rule.tags { match.append("tags \(tags.joined(separator: ","))") }
                    print("\(rule.id) → \(rule.threat)\(rule.severity.map { " (\($0))" } ?? ""): \(match.joined(separator: "; "))")
                }
            }
        }
    }
}
