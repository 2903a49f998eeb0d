import Findings
import JSONStream

/// HiddenLayer model scanner reports (`hiddenlayer-sdk`: `client.scans.retrieve(...)`, the
/// ScanReport JSON of the Model Scanner API v3): `file_results[].detections[]` become findings on
/// the scanned model (`inventory.model_name`), with their CVE, CWE, OWASP and ATLAS ids; files that
/// failed to scan are warnings, and a scan that is not done resolves nothing. Its SARIF
/// (`/scans/{id}/results/sarif`) is read by the SARIF reader.
struct HiddenLayerParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var model: String?
        var version: String?
        var results: [JSONValue] = []
        var partial = false
        try reader.forEachMember(requiring: "scan_id", in: "a HiddenLayer scan report") { key in
            switch key {
            case "inventory":
                let inventory = try reader.readValue()
                model = inventory["model_name"]?.string
            case "version":
                version = try reader.readValue().text
            case "status":
                let status = try reader.readValue().string ?? "done"
                if status != "done" {
                    try emit(.warning("the HiddenLayer scan is \(status), not done: absence proves nothing yet"))
                    partial = true
                }
            case "file_results":
                // Streamed one file at a time; the model name may come after them, so findings
                // wait for it (a report holds one model's files).
                try reader.forEachElement { results.append(try reader.readValue()) }
            default:
                try reader.skipValue()
            }
        }
        try emit(.tool(name: "hiddenlayer", version: version))
        if let model { try emit(.coverage(.target(model))) }
        for result in results {
            let file = result["file_location"]?.string ?? "?"
            try emit(.coverage(.file(file)))
            for error in (result["file_error"]?.array ?? []).compactMap(\.string) {
                try emit(.warning("\(file): \(error)"))
            }
            if result["status"]?.string == "failed" {
                try emit(.warning("\(file): HiddenLayer could not scan it"))
                partial = true
            }
            for detection in result["detections"]?.array ?? [] {
                let rule = detection["rule_id"]?.string ?? detection["detection_id"]?.string ?? "detection"
                let atlas = (detection["mitre_atlas"]?.array ?? []).compactMap { $0["technique"]?.string }
                let owasp = (detection["owasp"]?.array ?? []).compactMap(\.string)
                let cwe = detection["cwe"]?.string.flatMap(SARIFRule.cweNumber).map { [$0] } ?? []
                let risk = detection["risk"]?.string
                try emit(
                    .finding(
                        factory.make(
                            FindingFactory.Draft(
                                tool: "hiddenlayer", ruleID: rule, title: detection["category"]?.string ?? rule,
                                message: "\(file): \(detection["description"]?.string ?? rule)" + (risk.map { " (\($0.lowercased()))" } ?? ""),
                                severity: Severity(text: detection["severity"]?.string ?? "") ?? .high, cwe: cwe,
                                tags: ["hiddenlayer"] + owasp,
                                taxonomy: TaxonomyIDs(
                                    atlas: atlas, owaspLLM: OWASPLLM.ids(fromText: owasp),
                                    cve: (detection["cve"]?.array ?? []).compactMap(\.string)),
                                artifact: file, location: Location(path: file), model: model,
                                evidence: [
                                    detection["impact"]?.string.map { "impact: \($0)" }, detection["likelihood"]?.string.map { "likelihood: \($0)" },
                                ]
                                .compactMap { $0 }.joined(separator: "\n"),
                                identity: [file, detection["description"]?.string ?? ""]
                            ))))
            }
        }
        if partial { try emit(.partial) }
    }
}
