import Findings
import JSONStream

/// ModelScan JSON (`modelscan -r json`): `issues[]` become findings; `errors[]` and skipped files
/// become scan warnings, so a model that could not be scanned never looks clean.
struct ModelScanParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        var inputPath = ""
        try reader.forEachMember(requiring: "issues", in: "a ModelScan report") { key in
            switch key {
            case "summary":
                let summary = try reader.readValue()
                inputPath = summary["input_path"]?.string ?? ""
                try emit(.tool(name: "modelscan", version: summary["modelscan_version"]?.text))
                for skipped in summary.at("skipped", "skipped_files")?.array ?? [] {
                    let source = skipped["source"]?.string ?? skipped.string ?? "?"
                    let category = skipped["category"]?.string ?? "skipped"
                    if category != "SCAN_NOT_SUPPORTED" { try emit(.warning("\(source): not scanned (\(category))")) }
                }
                // What it looked at: the files it scanned, named as its issues name them.
                for file in summary.at("scanned", "scanned_files")?.array ?? [] {
                    if let file = file.string { try emit(.coverage(.file(ModelScanParser.join(inputPath, file)))) }
                }
            case "issues":
                try reader.forEachElement {
                    let issue = try reader.readValue()
                    try emit(.finding(finding(issue, inputPath: inputPath, factory: factory)))
                }
            case "errors":
                for error in try reader.readValue().array ?? [] {
                    let source = error["source"]?.string.map { "\($0): " } ?? ""
                    let category = error["category"]?.string ?? "ERROR"
                    try emit(.warning("\(source)\(category): \(error["description"]?.string ?? error["message"]?.string ?? "scan error")"))
                }
            default:
                try reader.skipValue()
            }
        }
    }

    private func finding(_ issue: JSONValue, inputPath: String, factory: FindingFactory) -> Finding {
        let module = issue["module"]?.string ?? "?"
        let op = issue["operator"]?.string ?? "?"
        let source = issue["source"]?.string ?? ""
        let artifact = ModelScanParser.join(inputPath, source)
        let description = issue["description"]?.string ?? "unsafe operator \(module).\(op)"
        return factory.make(
            FindingFactory.Draft(
                tool: "modelscan", ruleID: "\(module).\(op)", title: "Unsafe operator \(module).\(op) in a model file",
                message: description, severity: Severity(text: issue["severity"]?.string ?? "") ?? .high,
                tags: [issue["scanner"]?.string ?? ""], artifact: artifact,
                location: Location(path: artifact), identity: [artifact]
            ))
    }

    /// `input_path` joined with a relative `source`; "." and absolute sources stay as they are.
    /// A single-file scan names its sources after the file (`-p models/x.pt` gives
    /// `x.pt:x/data.pkl`): they sit beside it, not inside it.
    static func join(_ base: String, _ source: String) -> String {
        if source.hasPrefix("/") || base.isEmpty || base == "." { return source }
        if base.hasSuffix("/" + source) || base == source { return base }
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        let slash = trimmed.lastIndex(of: "/")
        let file = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        if source.hasPrefix(file + ":") {
            return slash.map { String(trimmed[...$0]) + source } ?? source
        }
        return trimmed + "/" + source
    }
}
