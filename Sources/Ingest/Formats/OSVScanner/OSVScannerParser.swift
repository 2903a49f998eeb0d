import Findings
import JSONStream

/// OSV-Scanner's JSON (`osv-scanner --format json`): per lockfile source, per package, one finding
/// per group of advisories: a GHSA, its CVE and its PYSEC record are one finding (`groups[]`, with
/// every alias kept as an id), not three. Each source is coverage.
struct OSVScannerParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "osv-scanner", version: nil))
        try reader.forEachMember(requiring: "results", in: "an OSV-Scanner report") { key in
            guard key == "results" else { return try reader.skipValue() }
            try reader.forEachElement {
                let result = try reader.readValue()
                let source = result.at("source", "path")?.string ?? ""
                if !source.isEmpty { try emit(.coverage(.file(source))) }
                for entry in result["packages"]?.array ?? [] {
                    for finding in OSVScannerParser.findings(entry, source: source, factory: factory) { try emit(.finding(finding)) }
                }
            }
        }
    }

    static func findings(_ entry: JSONValue, source: String, factory: FindingFactory) -> [Finding] {
        let name = entry.at("package", "name")?.string ?? "?"
        let package = "\(name)@\(entry.at("package", "version")?.text ?? "")"
        let vulns = entry["vulnerabilities"]?.array ?? []
        var groups = (entry["groups"]?.array ?? []).map { ($0["ids"]?.array ?? []).compactMap(\.string) }.filter { !$0.isEmpty }
        // Without groups (older versions), each advisory with its aliases is its own group.
        if groups.isEmpty { groups = vulns.compactMap { $0["id"]?.string }.map { [$0] } }
        return groups.map { ids in
            let members = vulns.filter { v in v["id"]?.string.map(ids.contains) ?? false }
            let aliases = Set(members.flatMap { ($0["aliases"]?.array ?? []).compactMap(\.string) } + ids).sorted()
            // The id an analyst looks up: the CVE when there is one, else the first id.
            let primary = aliases.first { $0.hasPrefix("CVE-") } ?? ids[0]
            let words = members.compactMap { $0.at("database_specific", "severity")?.string }
            let severity = words.compactMap { Severity(text: $0) }.max() ?? .medium
            let cwe = members.flatMap { ($0.at("database_specific", "cwe_ids")?.array ?? []).compactMap { $0.string.flatMap(SARIFRule.cweNumber) } }
            let summary = members.compactMap { $0["summary"]?.string }.first ?? primary
            return factory.make(
                FindingFactory.Draft(
                    tool: "osv-scanner", ruleID: primary, title: summary, message: "\(package) in \(source): \(summary)",
                    severity: severity, cwe: cwe,
                    tags: ["package:\(name.lowercased())", entry.at("package", "ecosystem")?.string ?? "", "dependency-advisory"],
                    taxonomy: TaxonomyIDs(cve: aliases), artifact: package, location: Location(path: source),
                    evidence: "advisories: " + aliases.joined(separator: ", "), identity: [source, package, ids.sorted().joined(separator: ",")]
                ))
        }
    }
}
