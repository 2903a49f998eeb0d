import Findings
import JSONStream

/// modelaudit JSON (`modelaudit scan --format json`): `issues[]` become findings, keyed by rule
/// code when there is one; `has_errors` and scan failures become warnings.
struct ModelAuditParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "modelaudit", version: nil))
        var hasErrors = false
        var failed = false
        var inconclusive = 0
        try reader.forEachMember(requiring: "issues", in: "a modelaudit report") { key in
            switch key {
            case "issues":
                try reader.forEachElement {
                    let issue = try reader.readValue()
                    if let finding = finding(issue, factory: factory) { try emit(.finding(finding)) }
                }
            case "has_errors":
                hasErrors = try reader.readValue().bool == true
                if hasErrors { try emit(.warning("modelaudit reports errors during the scan")) }
            case "success":
                failed = try reader.readValue().bool == false
            case "file_metadata":
                // Per file: a scan modelaudit calls inconclusive (a pickle it could not parse to the
                // end, a zip member it could not read) proves nothing absent in that file.
                for (file, metadata) in try reader.readValue().members ?? [] {
                    if metadata["analysis_incomplete"]?.bool == true || metadata["scan_outcome"]?.string == "inconclusive" {
                        inconclusive += 1
                        try emit(.partlyReported(ReportPath.clean(file).path))
                    }
                }
            case "assets":
                // The files it scanned (absolute paths, as its issue locations).
                try reader.forEachElement {
                    if let path = try reader.readValue()["path"]?.string { try emit(.coverage(.file(path))) }
                }
            case "path":
                // Older outputs name the scanned root.
                if let path = try reader.readValue().string { try emit(.coverage(.root(path))) }
            default:
                try reader.skipValue()
            }
        }
        // An unsuccessful scan whose only trouble is files it could not finish (no operational
        // errors) is those files' loss: the rest resolves. Otherwise nothing does.
        if failed {
            let why = inconclusive > 0 && !hasErrors ? ": \(inconclusive) files inconclusive, their findings stay open" : ""
            try emit(.warning("modelaudit reports that the scan did not succeed\(why)"))
            if hasErrors || inconclusive == 0 { try emit(.partial) }
        }
    }

    private func finding(_ issue: JSONValue, factory: FindingFactory) -> Finding? {
        let severityWord = issue["severity"]?.string ?? "warning"
        // modelaudit's debug-level notes are diagnostics, not findings.
        if severityWord == "debug" { return nil }
        let type = issue["type"]?.string ?? "issue"
        // The rule code (S201…) sits in `details` in 0.2.x; its SARIF uses it as the rule id.
        let code = issue["rule_code"]?.string ?? issue.at("details", "rule_code")?.string
        let message = issue["message"]?.string ?? type
        let cleaned = ReportPath.clean(issue["location"]?.string ?? "")
        let path = cleaned.path
        let severity: Severity =
            switch severityWord {
            case "critical": .critical
            case "warning": .medium
            case "info": .low
            default: Severity(text: severityWord) ?? .medium
            }
        return factory.make(
            FindingFactory.Draft(
                tool: "modelaudit", ruleID: code ?? type, title: code.map { "\($0) \(type)" } ?? type, message: message,
                severity: severity,
                // Some checks name the weakness and the advisory in `details` (numpy_check: CWE-502, CVE-2019-6446).
                cwe: (issue.at("details", "cwe")?.array?.compactMap(\.string) ?? issue.at("details", "cwe")?.string.map { [$0] } ?? [])
                    .compactMap(SARIFRule.cweNumber),
                tags: [type], taxonomy: TaxonomyIDs(cve: issue.at("details", "cve_id")?.string.map { [$0] } ?? []),
                artifact: path.isEmpty ? nil : path,
                location: path.isEmpty ? nil : Location(path: path), evidence: issue["why"]?.string,
                // The position (`pos 105`) tells two places in one pickle apart, as its SARIF does.
                identity: [path, cleaned.position ?? "", message]
            ))
    }
}
