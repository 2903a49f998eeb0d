import Findings
import JSONStream

/// hadolint's JSON (`hadolint -f json`): a top-level array of `{code, level, file, line, message}`.
/// DL1000 (the Dockerfile does not parse) is a scan warning, not a finding. Identities match
/// hadolint's SARIF, so the same run in both formats does not double.
struct HadolintParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "hadolint", version: nil))
        try reader.forEachElement {
            let item = try reader.readValue()
            let code = item["code"]?.string ?? "DL0000"
            let file = item["file"]?.string ?? ""
            let message = item["message"]?.string ?? code
            if ScanErrorRules.isScanError(tool: "hadolint", ruleID: code) {
                try emit(.warning("\(file): hadolint could not parse it: \(message)"))
                return
            }
            let severity: Severity =
                switch item["level"]?.string ?? "warning" {
                case "error": .high
                case "warning": .medium
                case "info": .low
                default: .info
                }
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "hadolint", ruleID: code, title: code, message: message, severity: severity, artifact: file,
                            location: Location(path: file, startLine: item["line"]?.int), identity: [file, "", message]
                        ))))
        }
    }
}
