import Findings
import Foundation
import JSONStream

/// AVID reports (AI Vulnerability Database, `avidtools`), one JSON object per line: what garak
/// writes with `-r REPORT` and Giskard with `to_avid`. A garak AVID report carries the probe and,
/// per detector, how many outputs passed of how many: those with failures become the same
/// findings as garak's own report (tool garak, rule `probe/detector`, the model), so reading both
/// adds nothing. Other AVID reports are one finding each, with their AVID taxonomy (SEP view,
/// lifecycle) kept as ids.
struct AVIDParser: ReportParser {
    let mapping: MappingRules

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var tools: Set<String> = []
        var models: Set<String> = []
        try JSONLines.forEach(stream, file: context.file, limit: 16 << 20) { lineNumber, report in
            guard report["data_type"]?.string == "AVID" else {
                throw IngestError(.malformed, file: context.file, "not an AVID report (no \"data_type\": \"AVID\")", line: lineNumber)
            }
            let fromGarak = (report["references"]?.array ?? []).contains { ($0["label"]?.string ?? "").lowercased().contains("garak") }
            let tool = fromGarak ? "garak" : "avid"
            if tools.insert(tool).inserted { try emit(.tool(name: tool, version: nil)) }
            let model = report.at("affects", "artifacts")?.array?.first?["name"]?.string
            if let model, models.insert(model).inserted {
                try emit(.coverage(.target(model)))
                // As garak's own report: the target is the project, unless the caller names one.
                if fromGarak { try emit(.project(name: model, repository: nil)) }
            }
            let description = report.at("problemtype", "description", "value")?.string ?? report.at("description", "value")?.string ?? ""
            let avid = report.at("impact", "avid") ?? .null
            let ids = ["sep_view", "lifecycle_view", "risk_domain"].flatMap { key in (avid[key]?.array ?? []).compactMap(\.string) }
            let taxonomy = TaxonomyIDs(
                other: ids.compactMap { $0.split(separator: ":").first.map { "AVID-" + $0 } }
                    .filter { $0.count > 5 && !$0.contains(" ") })
            if fromGarak, let probe = AVIDParser.probe(description) {
                for row in AVIDParser.detectorRows(report) where row.passed < row.total {
                    let fails = row.total - row.passed
                    let rate = Double(fails) / Double(row.total)
                    let percent = String(format: "%.1f", rate * 100)
                    try emit(
                        .finding(
                            factory.make(
                                FindingFactory.Draft(
                                    tool: "garak", ruleID: "\(probe)/\(row.detector)", title: probe,
                                    message:
                                        "\(probe) against \(model ?? "the target"): detector \(row.detector) hit \(fails) of \(row.total) outputs (attack success \(percent)%)",
                                    severity: rate >= 0.5 ? .high : .medium, score: (rate * 100).rounded() / 10, attackSuccessRate: rate,
                                    tags: ids, taxonomy: taxonomy, model: model, evidence: description, identity: [model ?? ""]
                                ))))
                }
            } else {
                let kind = report.at("problemtype", "type")?.string ?? "Issue"
                let title = report.at("problemtype", "classof")?.string.map { "\($0): \(kind)" } ?? kind
                try emit(
                    .finding(
                        factory.make(
                            FindingFactory.Draft(
                                tool: tool, ruleID: ids.first.map { String($0.prefix { $0 != ":" }) } ?? kind, title: title,
                                message: description.isEmpty ? title : description, severity: .medium, tags: ids, taxonomy: taxonomy,
                                model: model, identity: [model ?? "", description]
                            ))))
            }
        }
    }

    /// "… using the probe `dan.Dan_11_0`." → dan.Dan_11_0
    static func probe(_ description: String) -> String? {
        guard let open = description.range(of: "probe `"), let close = description[open.upperBound...].firstIndex(of: "`") else { return nil }
        return String(description[open.upperBound..<close])
    }

    /// garak writes the per-detector table as pandas' `to_dict()`: columns of index → value.
    static func detectorRows(_ report: JSONValue) -> [(detector: String, passed: Int, total: Int)] {
        var rows: [(detector: String, passed: Int, total: Int)] = []
        for metric in report["metrics"]?.array ?? [] {
            let results = metric["results"] ?? .null
            for (key, detector) in results["detector"]?.members ?? [] {
                guard let name = detector.string, let total = results.at("total_evaluated", key)?.int ?? results.at("total", key)?.int,
                    let passed = results.at("passed", key)?.int, total > 0
                else { continue }
                rows.append((name, passed, total))
            }
        }
        return rows
    }
}
