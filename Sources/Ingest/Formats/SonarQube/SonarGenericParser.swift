import Findings
import JSONStream

/// SonarQube's generic issue import format (`sonar.externalIssuesReportPaths`), before 10.3
/// (`issues[]` with `engineId`, `severity`, `type`) and since (`rules[]` with impacts, `issues[]`
/// naming a rule). The tool is the issue's `engineId`; secondary locations go to the evidence.
struct SonarGenericParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var rules: [String: JSONValue] = [:]
        var tools: Set<String> = []
        try reader.forEachMember(requiring: "issues", in: "a SonarQube generic issue report") { key in
            switch key {
            case "rules":
                // Written before `issues` by every producer we know; a rule met later is unknown here.
                try reader.forEachElement {
                    let rule = try reader.readValue()
                    if let id = rule["id"]?.string, rules.count < 100_000 { rules[id] = rule }
                }
            case "issues":
                try reader.forEachElement {
                    let issue = try reader.readValue()
                    let ruleID = issue["ruleId"]?.string ?? "issue"
                    let rule = rules[ruleID]
                    let tool = ToolNames.canonical(issue["engineId"]?.string ?? rule?["engineId"]?.string ?? "sonarqube")
                    if tools.insert(tool).inserted { try emit(.tool(name: tool, version: nil)) }
                    let location = issue["primaryLocation"] ?? .null
                    let path = location["filePath"]?.string ?? ""
                    let message = location["message"]?.string ?? rule?["name"]?.string ?? ruleID
                    let impact = (rule?["impacts"]?.array ?? []).compactMap { $0["severity"]?.string.flatMap(Severity.init(text:)) }.max()
                    let severity = Severity(text: issue["severity"]?.string ?? rule?["severity"]?.string ?? "") ?? impact ?? .medium
                    let type = issue["type"]?.string ?? rule?["type"]?.string ?? ""
                    let secondary = (issue["secondaryLocations"]?.array ?? []).compactMap { loc -> String? in
                        guard let file = loc["filePath"]?.string else { return nil }
                        return file + (loc.at("textRange", "startLine")?.int.map { ":\($0)" } ?? "")
                    }
                    try emit(
                        .finding(
                            factory.make(
                                FindingFactory.Draft(
                                    tool: tool, ruleID: ruleID, title: rule?["name"]?.string ?? ruleID, message: message, severity: severity,
                                    tags: type.isEmpty ? [] : [type.lowercased()], artifact: path.isEmpty ? nil : path,
                                    location: path.isEmpty
                                        ? nil
                                        : Location(
                                            path: path, startLine: location.at("textRange", "startLine")?.int,
                                            endLine: location.at("textRange", "endLine")?.int),
                                    evidence: secondary.isEmpty ? nil : "also at: " + secondary.joined(separator: ", "),
                                    identity: [path, "", message]
                                ))))
                }
            default:
                try reader.skipValue()
            }
        }
        if tools.isEmpty { try emit(.tool(name: "sonarqube", version: nil)) }
    }
}
