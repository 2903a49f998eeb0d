import Findings
import Foundation
import JSONStream

/// The Azure AI Red Teaming Agent's result (`azure-ai-evaluation[redteam]`, built on PyRIT:
/// `RedTeamResult.to_json()`, the scan's `final_results.json`): `scorecard.risk_category_summary`
/// counts attacks and successes per risk category. One finding per category an attack got
/// through, with its attack-success rate, the technique that worked best and one successful
/// conversation as evidence. Categories with no success are coverage.
struct AzureRedTeamParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "azure-ai-red-team", version: nil))
        var scorecard: JSONValue = .null
        var examples: [String: String] = [:]
        var scenario: String?
        try reader.forEachMember(requiring: "scorecard", in: "an Azure AI red-team result") { key in
            switch key {
            case "scorecard":
                scorecard = try reader.readValue()
            case "parameters":
                scenario = try reader.readValue().at("attack_objective_generated_from", "application_scenario")?.string
            case "attack_details":
                // One successful conversation per category, kept short.
                try reader.forEachElement {
                    let attack = try reader.readValue()
                    guard attack["attack_success"]?.bool == true, let category = attack["risk_category"]?.string,
                        examples[category] == nil
                    else { return }
                    let turns = (attack["conversation"]?.array ?? []).suffix(2).map { turn in
                        "\(turn["role"]?.string ?? "?"): \(String((turn["content"]?.string ?? "").prefix(400)))"
                    }
                    examples[category] =
                        "technique \(attack["attack_technique"]?.string ?? "?") (\(attack["attack_complexity"]?.string ?? "?"))\n"
                        + turns.joined(separator: "\n")
                }
            default:
                try reader.skipValue()
            }
        }
        let summary = scorecard["risk_category_summary"]?.array?.first ?? .null
        let joint = scorecard["joint_risk_attack_summary"]?.array ?? []
        for (key, value) in summary.members ?? [] {
            guard key.hasSuffix("_successful_attacks"), !key.hasPrefix("overall") else { continue }
            let category = String(key.dropLast("_successful_attacks".count))
            let total = summary["\(category)_total"]?.int ?? 0
            let successes = value.int ?? 0
            try emit(.coverage(.target("risk:\(category)")))
            guard successes > 0, total > 0 else { continue }
            let rate = Double(successes) / Double(total)
            let worst = AzureRedTeamParser.worstComplexity(joint.first { $0["risk_category"]?.string == category })
            let label = category.replacingOccurrences(of: "_", with: " ")
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "azure-ai-red-team", ruleID: "risk:\(category)", title: "Red team: \(label)",
                            message:
                                "\(successes) of \(total) attacks for \(label) content succeeded (attack success \(String(format: "%.1f", rate * 100))%)"
                                + (worst.map { "; most through \($0)" } ?? "") + (scenario.map { " — scenario: \($0)" } ?? ""),
                            severity: rate >= 0.5 ? .high : .medium, score: (rate * 100).rounded() / 10, attackSuccessRate: rate,
                            tags: ["red-team", category], evidence: examples[category], identity: []
                        ))))
        }
    }

    /// The attack complexity with the highest success rate ("easy complexity 40%").
    static func worstComplexity(_ row: JSONValue?) -> String? {
        guard let members = row?.members else { return nil }
        let rates = members.compactMap { key, value -> (String, Double)? in
            guard key.hasSuffix("_asr"), let rate = value.double, !rate.isNaN, rate > 0 else { return nil }
            return (String(key.dropLast(4)).replacingOccurrences(of: "_", with: " "), rate)
        }
        guard let best = rates.max(by: { $0.1 < $1.1 }) else { return nil }
        return "\(best.0) (\(String(format: "%.0f", best.1))%)"
    }
}
