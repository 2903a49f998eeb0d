import ArgumentParser
import FindingStore
import Findings
import Foundation

extension Mlsoc {
    /// The model inventory ranked by risk, and where each identity comes from.
    struct Models: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List models and datasets ranked by risk, or explain one.",
            discussion: """
                score = Σ weight(severity) × open findings × criticality. Red-team findings (garak,
                promptfoo) count by their attack-success rate. Weights come from config.yaml `risk.weights`
                (default critical 10, high 5, medium 3, low 1, info 0).
                """,
            subcommands: [List.self, Explain.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "Models ranked by risk (the default).")

            @OptionGroup var options: GlobalOptions

            @Flag(help: "JSON instead of a table.")
            var json = false

            @OptionGroup var scope: ProjectOption

            func run() throws {
                let store = try options.openStore(mode: .readOnly)
                let weights = try options.config().weights
                let aliases = try store.modelAliases()
                let risks = try store.modelRisks(projectID: try scope.projectID(in: store)).sorted {
                    ($0.id != 0 ? 1 : 0, $0.score(weights: weights), $1.name) > ($1.id != 0 ? 1 : 0, $1.score(weights: weights), $0.name)
                }
                if json {
                    let rows = risks.map { ModelJSON($0, weights: weights, aliases: aliases[$0.id] ?? []) }
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    print(TextSanitizer.escapingUnsafeForJSON(String(decoding: try encoder.encode(rows), as: UTF8.self)))
                    return
                }
                let header = ["RANK", "MODEL", "PROJECT", "KIND", "STAGE", "OWNER", "SCORE", "CRIT", "HIGH", "MED", "LOW", "INFO", "SLA", "ALIASES"]
                var table = [header]
                for (index, risk) in risks.enumerated() {
                    let name = risk.version.isEmpty ? risk.name : "\(risk.name) \(risk.version)"
                    table.append(
                        [
                            risk.id == 0 ? "-" : String(index + 1), TextForTerminal.safe(name),
                            risk.id == 0 ? "" : TextForTerminal.safe(risk.project.isEmpty ? "(registry)" : risk.project),
                            risk.id == 0 ? "" : risk.kind, TextForTerminal.safe(risk.stage ?? ""), TextForTerminal.safe(risk.owner ?? ""),
                            ModelRisk.number(risk.score(weights: weights)),
                        ]
                            + Severity.descending.map { String(risk.open[$0] ?? 0) }
                            + [String(risk.slaBreaches), (aliases[risk.id] ?? []).map(\.name).joined(separator: ",")])
                }
                print(TextTable.render(table, rightAligned: [0, 6, 7, 8, 9, 10, 11, 12]))
                print("score = Σ weight × open findings (red-team findings × attack-success rate) × criticality; weights: \(weights.summary)")
            }
        }

        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Where a model's identity and score come from: its aliases and why, its formula and breakdown.")

            @OptionGroup var options: GlobalOptions

            @Argument(help: "A model name, or any of its aliases.")
            var name: String

            @OptionGroup var scope: ProjectOption

            func run() throws {
                let store = try options.openStore(mode: .readOnly)
                let weights = try options.config().weights
                guard let (model, alias) = try store.resolveModel(name) else {
                    throw CLIError("no model named '\(TextSanitizer.sanitize(name))': see `mlsoc models`")
                }
                let safe = TextSanitizer.sanitize
                let label = model.version.isEmpty ? model.name : "\(model.name) \(model.version)"
                if let alias {
                    print("\(safe(alias.name)) is \(safe(label)): \(safe(alias.reason))")
                }
                let projectID = try scope.projectID(in: store)
                guard let risk = try store.modelRisks(projectID: projectID).first(where: { $0.name == model.name && $0.version == model.version })
                else { return }
                print(
                    "\(safe(label)) (\(model.kind), from \(model.source))  stage \(safe(model.stage ?? "none"))  owner \(safe(model.owner ?? "none"))"
                )
                if let sha = model.sha256 { print("  sha256 \(safe(sha))") }
                for other in try store.modelAliases()[risk.id] ?? [] {
                    print("  also seen as \(safe(other.name)): \(safe(other.reason))")
                }
                print("score \(risk.formula(weights: weights))")
                let breakdown = try store.modelBreakdown(modelID: risk.id, projectID: projectID)
                for (title, groups) in [("by target", breakdown.byTarget), ("by tool", breakdown.byTool)] {
                    print(title + ":")
                    for group in groups {
                        let counts = Severity.descending.compactMap { s in group.open[s].map { "\($0) \(s.name)" } }.joined(separator: ", ")
                        print("  \(safe(group.key)): \(ModelRisk.number(group.score(weights: weights) * risk.criticality)) (\(counts))")
                    }
                }
                print("SLA breaches: \(risk.slaBreaches)")
            }
        }
    }
}

/// One model as `mlsoc models --json` writes it.
struct ModelJSON: Encodable {
    var name: String
    var version: String
    var kind: String
    var source: String
    var stage: String?
    var owner: String?
    var criticality: Double
    var score: Double
    var open: [String: Int]
    var weightedOpen: [String: Double]
    var slaBreaches: Int
    var aliases: [ModelAlias]
    var trend: [Double]
    /// The model's project; nil for the registry's models, which serve every project.
    var project: String?

    init(_ risk: ModelRisk, weights: RiskWeights, aliases: [ModelAlias]) {
        name = risk.name
        version = risk.version
        kind = risk.id == 0 ? "none" : risk.kind
        source = risk.source
        stage = risk.stage
        owner = risk.owner
        criticality = risk.criticality
        score = (risk.score(weights: weights) * 1000).rounded() / 1000
        open = Dictionary(uniqueKeysWithValues: risk.open.map { ($0.key.name, $0.value) })
        weightedOpen = Dictionary(uniqueKeysWithValues: risk.weighted.map { ($0.key.name, ($0.value * 1000).rounded() / 1000) })
        slaBreaches = risk.slaBreaches
        self.aliases = aliases
        trend = risk.trend
        project = risk.project.isEmpty ? nil : risk.project
    }
}
