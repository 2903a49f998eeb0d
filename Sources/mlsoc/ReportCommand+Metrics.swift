import ArgumentParser
import FindingStore
import Findings
import Foundation

extension Mlsoc.Report {
    /// `mlsoc report --metrics`: triage over time, from the audit trail.
    func runMetrics() throws {
        let store = try options.openStore(mode: .readOnly)
        let now = Int64(Date().timeIntervalSince1970)
        let projectID = try scope.projectID(in: store)
        var modelID: Int64?
        if let model {
            if model == "none" {
                modelID = 0
            } else {
                let risks = try store.modelRisks(now: now, projectID: projectID).filter { $0.id != 0 && $0.name == model }
                guard let found = risks.first else {
                    throw CLIError("no model '\(TextForTerminal.safe(model))' in \(TextForTerminal.safe(store.path))")
                }
                modelID = found.id
            }
        }
        let since = now - Int64(weeks - 1) * 604_800
        let result = try store.triageMetrics(since: since, now: now, projectID: projectID, modelID: modelID)
        let scopeText = [scope.project.map { "project \($0)" }, model.map { "model \($0)" }].compactMap { $0 }.joined(separator: ", ")
        switch format {
        case .json: try printJSON(result, now: now, scope: scopeText)
        case .text, .markdown: printText(result, now: now, scope: scopeText, markdown: format == .markdown)
        }
    }

    private static func days(_ seconds: Double) -> String {
        seconds < 86_400 ? String(format: "%.1fh", seconds / 3_600) : String(format: "%.1fd", seconds / 86_400)
    }

    private func printText(_ result: TriageMetrics, now: Int64, scope scopeText: String, markdown md: Bool) {
        var lines: [String] = []
        let title = "mlsoc triage metrics, \(weeks) weeks to \(CivilDate.format(now)) UTC" + (scopeText.isEmpty ? "" : ", \(scopeText)")
        lines.append(md ? "# \(Mlsoc.Report.markdown(title))" : TextSanitizer.sanitize(title))
        func section(_ name: String, _ table: [[String]], right: Set<Int>) {
            lines.append("")
            lines.append(md ? "## \(name)" : name)
            lines.append("")
            lines += md ? markdownTable(table) : [TextTable.render(table, rightAligned: right)]
        }
        section(
            "Opened vs closed per week (a finding counts in the week it closed)",
            [["week of", "opened", "closed"]]
                + result.weeks.map { [String(CivilDate.format($0.start).prefix(10)), String($0.opened), String($0.closed)] }, right: [1, 2])
        section(
            "Time to fix (first seen to resolved), per severity",
            [["severity", "resolved", "mean", "p90"]]
                + Severity.descending.compactMap { severity in
                    result.timeToFix[severity].map { [severity.name, String($0.count), Self.days($0.mean), Self.days($0.p90)] }
                }, right: [1, 2, 3])
        section(
            "SLA compliance per month (closed on or before the due date)",
            [["month", "closed", "on time", "%"]]
                + result.months.map { [$0.month, String($0.closed), String($0.onTime), $0.percent.map { String(format: "%.0f%%", $0) } ?? "-"] },
            right: [1, 2, 3])
        section(
            "Open backlog by age",
            [["severity"] + TriageMetrics.AgeBucket.allCases.map(\.rawValue)]
                + Severity.descending.map { severity in
                    [severity.name] + TriageMetrics.AgeBucket.allCases.map { String(result.backlog[$0]?[severity] ?? 0) }
                }, right: [1, 2, 3, 4])
        print(lines.joined(separator: "\n"))
    }

    private func printJSON(_ result: TriageMetrics, now: Int64, scope scopeText: String) throws {
        let object: [String: Any] = [
            "generatedAt": now, "weeks": weeks, "scope": scopeText.isEmpty ? "all" : scopeText,
            "perWeek": result.weeks.map { ["weekStart": $0.start, "opened": $0.opened, "closed": $0.closed] },
            "timeToFix": Dictionary(
                uniqueKeysWithValues: result.timeToFix.map {
                    ($0.key.name, ["resolved": $0.value.count, "meanSeconds": $0.value.mean, "p90Seconds": $0.value.p90])
                }),
            "slaCompliance": result.months.map { month -> [String: Any] in
                var entry: [String: Any] = ["month": month.month, "closed": month.closed, "onTime": month.onTime]
                if let percent = month.percent { entry["percent"] = percent }
                return entry
            },
            "backlogAge": Dictionary(
                uniqueKeysWithValues: TriageMetrics.AgeBucket.allCases.map { bucket in
                    (bucket.rawValue, Dictionary(uniqueKeysWithValues: Severity.descending.map { ($0.name, result.backlog[bucket]?[$0] ?? 0) }))
                }),
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        print(TextSanitizer.escapingUnsafeForJSON(String(decoding: data, as: UTF8.self)))
    }
}
