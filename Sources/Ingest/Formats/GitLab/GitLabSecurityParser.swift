import Findings
import JSONStream

/// GitLab security reports (`gl-sast-report.json` and its siblings: `semgrep --gitlab-sast`,
/// `--gitlab-secrets`, `checkov -o gitlab_sast`, GitLab's dependency and container scanning):
/// `scan` names the analyzer and the report type, `vulnerabilities[]` become findings. A failed scan
/// is partial. Secret-detection extracts (`raw_source_code_extract`) are never kept.
struct GitLabSecurityParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var tool = "gitlab"
        var type = ""
        var named = false
        try reader.forEachMember(requiring: "vulnerabilities", in: "a GitLab security report") { key in
            switch key {
            case "scan":
                let scan = try reader.readValue()
                let analyzer = scan["analyzer"] ?? scan["scanner"] ?? .null
                tool = ToolNames.canonical(analyzer["id"]?.string ?? analyzer["name"]?.string ?? "gitlab")
                type = scan["type"]?.string ?? ""
                named = true
                try emit(.tool(name: tool, version: analyzer["version"]?.text))
                if let status = scan["status"]?.string, status != "success" {
                    try emit(.warning("the \(tool) \(type) scan reports status \(status)"))
                    try emit(.partial)
                }
                for message in scan["messages"]?.array ?? [] where message["level"]?.string != "info" {
                    try emit(.warning(message["value"]?.string ?? "scan message"))
                }
            case "vulnerabilities":
                if !named { try emit(.tool(name: tool, version: nil)) }
                try reader.forEachElement {
                    let item = try reader.readValue()
                    try emit(.finding(GitLabSecurityParser.finding(item, tool: tool, type: type, factory: factory)))
                }
            case "dependency_files":
                // Dependency scanning lists the manifests it read: its coverage.
                for file in try reader.readValue().array ?? [] {
                    if let path = file["path"]?.string { try emit(.coverage(.file(path))) }
                }
            default:
                try reader.skipValue()
            }
        }
    }

    static func finding(_ item: JSONValue, tool: String, type: String, factory: FindingFactory) -> Finding {
        let identifiers = item["identifiers"]?.array ?? []
        let values = identifiers.map { (type: $0["type"]?.string?.lowercased() ?? "", value: $0["value"]?.text ?? "") }
        let primary =
            values.first { !["cve", "cwe", "ghsa", "osvdb"].contains($0.type) }?.value ?? values.first?.value ?? item["id"]?.string ?? "finding"
        let cve = values.filter { $0.type == "cve" || $0.type == "ghsa" }.map(\.value)
        let cwe = values.filter { $0.type == "cwe" }.map(\.value)
        let location = item["location"] ?? .null
        let dependency = location["dependency"]
        let package = dependency.flatMap { d in d.at("package", "name")?.string.map { "\($0)@\(d["version"]?.text ?? "")" } }
        let file = location["file"]?.string ?? location["image"]?.string ?? ""
        let name = item["name"]?.string ?? item["message"]?.string ?? primary
        let message = item["message"]?.string ?? item["description"]?.string ?? name
        let artifact = package ?? (file.isEmpty ? nil : file)
        return factory.make(
            FindingFactory.Draft(
                tool: tool, ruleID: primary, title: name, message: message,
                severity: Severity(text: item["severity"]?.string ?? "") ?? .medium,
                cwe: cwe.compactMap(SARIFRule.cweNumber) + cwe.filter { Int($0) != nil },
                tags: (type.isEmpty ? [] : ["gitlab:\(type)"]) + (package != nil ? ["dependency-advisory"] : []),
                taxonomy: TaxonomyIDs(cve: cve), artifact: artifact,
                location: file.isEmpty ? nil : Location(path: file, startLine: location["start_line"]?.int, endLine: location["end_line"]?.int),
                evidence: item["solution"]?.string.map { "solution: \($0)" },
                // semgrep's JSON identity (file and message), so both outputs of a run are one finding.
                identity: package.map { [$0] } ?? [file, "", message]
            ))
    }
}
