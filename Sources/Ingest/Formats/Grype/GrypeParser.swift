import Findings
import JSONStream

/// Grype's JSON (`grype DIR|IMAGE -o json`): `matches[]`, one finding per package × vulnerability,
/// with the fix, CVSS score and related advisory ids; `source` is the coverage.
struct GrypeParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var named = false
        try reader.forEachMember(requiring: "matches", in: "a Grype report") { key in
            switch key {
            case "matches":
                if !named { try emit(.tool(name: "grype", version: nil)) }
                named = true
                try reader.forEachElement { try emit(.finding(GrypeParser.finding(try reader.readValue(), factory: factory))) }
            case "source":
                let source = try reader.readValue()
                if let target = source["target"]?.string ?? source.at("target", "userInput")?.string {
                    try emit(source["type"]?.string == "directory" ? .coverage(.root(target)) : .coverage(.target(target)))
                }
            case "descriptor":
                let descriptor = try reader.readValue()
                if !named { try emit(.tool(name: "grype", version: descriptor["version"]?.text)) }
                named = true
            default:
                try reader.skipValue()
            }
        }
    }

    static func finding(_ match: JSONValue, factory: FindingFactory) -> Finding {
        let vuln = match["vulnerability"] ?? .null
        let artifact = match["artifact"] ?? .null
        let id = vuln["id"]?.string ?? "unknown"
        let related = (match["relatedVulnerabilities"]?.array ?? []).compactMap { $0["id"]?.string }.filter { $0 != id }
        let package = "\(artifact["name"]?.string ?? "?")@\(artifact["version"]?.text ?? "")"
        let path = artifact["locations"]?.array?.first?["path"]?.string ?? package
        let fixes = vuln.at("fix", "versions")?.array?.compactMap(\.text) ?? []
        let score = (vuln["cvss"]?.array ?? []).compactMap { $0.at("metrics", "baseScore")?.double }.max()
        return factory.make(
            FindingFactory.Draft(
                tool: "grype", ruleID: id, title: id,
                message: "\(package): \(vuln["description"]?.string ?? id) ("
                    + (fixes.isEmpty ? "no fixed version yet" : "fixed in \(fixes.joined(separator: ", "))") + ")",
                severity: Severity(text: vuln["severity"]?.string ?? "") ?? .medium, score: score,
                tags: ["package:\((artifact["name"]?.string ?? "").lowercased())", artifact["type"]?.string ?? "", "dependency-advisory"],
                taxonomy: TaxonomyIDs(cve: [id] + related), artifact: package, location: Location(path: path),
                evidence: artifact["purl"]?.string, identity: [path, package]
            ))
    }
}
