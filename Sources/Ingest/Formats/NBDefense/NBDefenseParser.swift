import Findings
import JSONStream

/// NB Defense's JSON (`nbdefense scan -o json`): `notebook_issues[].issues[]` become findings, with the
/// notebook and cell; `errors[]` (absent when empty) become scan warnings. Secrets arrive already
/// scrubbed by NB Defense (`"sk..cd"`).
struct NBDefenseParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "nbdefense", version: nil))
        try reader.forEachMember(requiring: "notebook_issues", in: "an NB Defense report") { key in
            switch key {
            case "notebook_issues":
                try reader.forEachElement {
                    let notebook = try reader.readValue()
                    let path = notebook["path"]?.string ?? "?"
                    for issue in notebook["issues"]?.array ?? [] {
                        try emit(.finding(NBDefenseParser.finding(issue, notebook: path, factory: factory)))
                    }
                }
            case "errors":
                for error in try reader.readValue().array ?? [] {
                    try emit(.warning(error.text ?? error["message"]?.string ?? "nbdefense error"))
                }
            default:
                try reader.skipValue()
            }
        }
    }

    static func finding(_ issue: JSONValue, notebook: String, factory: FindingFactory) -> Finding {
        let code = issue["code"]?.string ?? "ISSUE"
        let description = issue.at("details", "description")?.string ?? code
        let cell = issue.at("cell", "cell_index")?.int
        let line = issue["line_index"]?.int
        let place = cell.map { "cell \($0)" + (line.map { ", line \($0)" } ?? "") } ?? ""
        return factory.make(
            FindingFactory.Draft(
                tool: "nbdefense", ruleID: code, title: description,
                message: "\(description) in \(notebook)"
                    + (place.isEmpty ? "" : " (\(place), \(issue["location"]?.string?.lowercased() ?? "input"))"),
                severity: Severity(text: issue["severity"]?.string ?? "") ?? .medium, tags: [code.lowercased()], artifact: notebook,
                location: Location(path: notebook, startLine: line.map { $0 + 1 }),
                evidence: issue.at("cell", "scrubbed_content")?.string, identity: [notebook, String(cell ?? -1), description]
            ))
    }
}
