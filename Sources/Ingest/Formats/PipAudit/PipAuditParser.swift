import Findings
import JSONStream

/// pip-audit's JSON (`pip-audit -f json`): `{"dependencies": […], "fixes": […]}` since 2.0, the
/// bare list of dependencies in 1.x; one finding per dependency × advisory. It gives no
/// severity: high when a fixed version exists, medium otherwise. Every `skip_reason` is a scan
/// warning: offline, pip-audit skips every dependency and still says "No known vulnerabilities found".
struct PipAuditParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "pip-audit", version: nil))
        var audited = 0
        var skipped = 0
        func each() throws {
            try PipAuditParser.dependency(try reader.readValue(), factory: factory, audited: &audited, skipped: &skipped, emit: emit)
        }
        try reader.skipWhitespace()
        if try reader.stream.peek() == UInt8(ascii: "[") {
            // pip-audit 1.x: the list of dependencies is the document.
            try reader.forEachElement(each)
        } else {
            try reader.forEachMember(requiring: "dependencies", in: "a pip-audit report") { key in
                guard key == "dependencies" else { return try reader.skipValue() }
                try reader.forEachElement(each)
            }
        }
        if audited == 0 {
            // Offline, pip-audit skips every dependency and still says "No known vulnerabilities
            // found"; `{"dependencies": []}` audited nothing at all. Neither is a clean result.
            try emit(
                .warning(
                    skipped > 0
                        ? "pip-audit audited none of \(skipped) dependencies: the report is not a clean result"
                        : "pip-audit audited no dependencies: the report is not a clean result"))
            try emit(.partial)
        }
    }

    private static func dependency(
        _ dependency: JSONValue, factory: FindingFactory, audited: inout Int, skipped: inout Int,
        emit: (ParsedItem) throws -> Void
    ) throws {
        let name = dependency["name"]?.string ?? "?"
        if let reason = dependency["skip_reason"]?.string {
            skipped += 1
            try emit(.warning("\(name): not audited: \(reason)"))
            return
        }
        audited += 1
        let version = dependency["version"]?.text ?? ""
        // Every version of an audited package: an upgrade resolves the old version's findings.
        try emit(.coverage(.root(name + "@")))
        for vuln in dependency["vulns"]?.array ?? [] {
            let id = vuln["id"]?.string ?? "unknown"
            let fixes = vuln["fix_versions"]?.array?.compactMap(\.text) ?? []
            let aliases = vuln["aliases"]?.array?.compactMap(\.string) ?? []
            let fix = fixes.isEmpty ? "no fixed version yet" : "fixed in \(fixes.joined(separator: ", "))"
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "pip-audit", ruleID: id, title: id,
                            message: "\(name) \(version): \(vuln["description"]?.string ?? id) (\(fix))",
                            severity: fixes.isEmpty ? .medium : .high, tags: ["package:\(name.lowercased())", "dependency-advisory"],
                            taxonomy: TaxonomyIDs(cve: [id] + aliases), artifact: "\(name)@\(version)", identity: [name.lowercased(), version]
                        ))))
        }
    }
}
