import ArgumentParser
import FindingStore
import Findings
import Foundation

extension Mlsoc {
    /// A one-shot summary for motd, cron or mail.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a summary: totals, the threat matrix, the top models, overdue SLAs.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, markdown, json
        }

        @OptionGroup var options: GlobalOptions

        @Option(help: ArgumentHelp("text, markdown or json.", valueName: "format"))
        var format: Format = .text

        @Option(help: ArgumentHelp("How many models and overdue findings to list.", valueName: "n"))
        var top = 5

        @OptionGroup var scope: ProjectOption

        @Flag(
            help: "Metrics over time instead: opened vs closed per week, time to fix per severity, SLA compliance per month, backlog age.")
        var metrics = false

        @Option(help: ArgumentHelp("With --metrics: how many weeks back (default 12).", valueName: "n"))
        var weeks = 12

        @Option(help: ArgumentHelp("With --metrics: one model's findings only (`none`: findings of no model).", valueName: "name"))
        var model: String?

        func validate() throws {
            guard (1...520).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 520") }
            if model != nil, !metrics { throw ValidationError("--model goes with --metrics") }
        }

        func run() throws {
            if metrics { return try runMetrics() }
            let store = try options.openStore(mode: .readOnly)
            let weights = try options.config().weights
            let now = Int64(Date().timeIntervalSince1970)
            let projectID = try scope.projectID(in: store)
            let matrix = try store.matrixSummary(projectID: projectID)
            let models = try store.modelRisks(now: now, projectID: projectID).filter { $0.id != 0 }
                .sorted { ($0.score(weights: weights), $1.name) > ($1.score(weights: weights), $0.name) }
            var overdueQuery = FindingQuery(filter: scope.scoped(FindingFilter(clauses: [.init(.sla(.overdue))])), sort: .due)
            overdueQuery.modelID = nil
            let overdue = try store.findingsPage(overdueQuery, after: nil, limit: top, now: now)
            let overdueCount = try countOverdue(store, now: now)
            let safe = TextSanitizer.sanitize
            switch format {
            case .json:
                var object: [String: Any] = [
                    "store": store.path, "generatedAt": now, "project": scope.project ?? "all", "open": matrix.totalOpen,
                    "closed": matrix.totalClosed,
                    "openBySeverity": Dictionary(uniqueKeysWithValues: Severity.descending.map { ($0.name, matrix.openCount(severity: $0)) }),
                    "overdue": overdueCount,
                ]
                object["matrix"] = Threat.matrixOrder.map { threat -> [String: Any] in
                    [
                        "target": threat.target.key, "threat": threat.key, "open": matrix.openCount(threat),
                        "bySeverity": Dictionary(uniqueKeysWithValues: Severity.descending.map { ($0.name, matrix.openCount(threat, $0)) }),
                    ]
                }
                object["topModels"] = models.prefix(top).map {
                    [
                        "name": $0.name, "version": $0.version, "score": $0.score(weights: weights),
                        "open": $0.openCount, "slaBreaches": $0.slaBreaches,
                    ]
                }
                object["overdueFindings"] = overdue.map {
                    [
                        "id": $0.id, "severity": $0.severity.name, "tool": $0.tool, "rule": $0.ruleID,
                        "title": $0.title, "model": $0.model ?? "", "due": $0.slaDue ?? 0,
                    ]
                }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
                print(TextSanitizer.escapingUnsafeForJSON(String(decoding: data, as: UTF8.self)))
            case .markdown, .text:
                let md = format == .markdown
                var lines: [String] = []
                let title =
                    "mlsoc report, \(CivilDate.format(now)) UTC" + (scope.project.map { ", project \(md ? Report.markdown($0) : safe($0))" } ?? "")
                lines.append(md ? "# \(title)" : title)
                lines.append("")
                let totals = Severity.descending.filter { $0 != .info }.map { "\($0.name) \(matrix.openCount(severity: $0))" }.joined(separator: ", ")
                lines.append(
                    "\(md ? "**" : "")\(matrix.totalOpen) open findings\(md ? "**" : "") (\(totals)); \(matrix.totalClosed) closed; "
                        + "\(overdueCount) past their SLA. Store: \(md ? Report.markdown(store.path) : safe(store.path))")
                lines.append("")
                lines.append(md ? "## Threat matrix (open)" : "Threat matrix (open findings)")
                lines.append("")
                var table = [["target", "threat", "crit", "high", "med", "low", "info", "open"]]
                for threat in Threat.matrixOrder where matrix.openCount(threat) > 0 {
                    table.append(
                        [threat.target.name, threat.name] + Severity.descending.map { String(matrix.openCount(threat, $0)) }
                            + [String(matrix.openCount(threat))])
                }
                lines += md ? markdownTable(table) : [TextTable.render(table, rightAligned: [2, 3, 4, 5, 6, 7])]
                lines.append("")
                lines.append(md ? "## Top models by risk" : "Top models by risk")
                lines.append("")
                var modelTable = [["model", "score", "open", "SLA breaches", "stage", "owner"]]
                for model in models.prefix(top) {
                    modelTable.append([
                        model.version.isEmpty ? model.name : "\(model.name) \(model.version)",
                        ModelRisk.number(model.score(weights: weights)), String(model.openCount), String(model.slaBreaches),
                        model.stage ?? "", model.owner ?? "",
                    ])
                }
                lines += md ? markdownTable(modelTable) : [TextTable.render(modelTable, rightAligned: [1, 2, 3])]
                lines.append("")
                lines.append(md ? "## Overdue (oldest due first)" : "Overdue (oldest due first)")
                lines.append("")
                if overdue.isEmpty {
                    lines.append("None.")
                } else {
                    var overdueTable = [["id", "severity", "due", "tool", "rule", "model", "title"]]
                    for row in overdue {
                        overdueTable.append([
                            "\(row.id)", row.severity.name, row.slaDue.map { String(CivilDate.format($0).prefix(10)) } ?? "",
                            row.tool, row.ruleID, row.model ?? "", String(row.title.prefix(60)),
                        ])
                    }
                    lines += md ? markdownTable(overdueTable) : [TextTable.render(overdueTable, rightAligned: [0])]
                }
                print(lines.joined(separator: "\n"))
            }
        }

        func countOverdue(_ store: FindingStore, now: Int64) throws -> Int {
            try store.count(FindingQuery(filter: scope.scoped(FindingFilter(clauses: [.init(.sla(.overdue))]))), now: now)
        }

        /// A Markdown table; every cell is sanitised and made inert (`Report.markdown`).
        func markdownTable(_ rows: [[String]]) -> [String] {
            guard let header = rows.first else { return [] }
            func line(_ cells: [String]) -> String {
                "| " + cells.map(Report.markdown).joined(separator: " | ") + " |"
            }
            return [line(header), "|" + header.map { _ in " --- |" }.joined()] + rows.dropFirst().map(line)
        }
    }
}

extension Mlsoc.Report {
    /// Report text made inert for Markdown: sanitised, HTML's `<`, `>` and `&` as entities, and
    /// every character that starts a link, an image, emphasis, code or a table cell escaped, so a
    /// model named `![x](http://evil/t.png)` or `<img src=x onerror=…>` is shown, never rendered or
    /// fetched, where the report is read (mail, a wiki, an issue). `://` is broken up so that no
    /// renderer turns a URL into a link.
    static func markdown(_ text: String) -> String {
        var out = ""
        for ch in TextSanitizer.sanitize(text) {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "(", ")", "!", "|", "#", "~", "{", "}": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out.replacingOccurrences(of: "://", with: "\\://").replacingOccurrences(of: "www.", with: "www\\.")
    }
}
