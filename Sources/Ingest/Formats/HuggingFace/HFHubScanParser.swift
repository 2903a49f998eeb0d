import Findings
import JSONStream

/// The Hugging Face Hub's security scans, as its API returns them: the file tree with
/// `expand=true` (`/api/models/REPO/tree/main?expand=true`, or `HfApi.list_repo_tree(expand=True)`
/// saved as JSON), where each file has `securityFileStatus` (`pickleImportScan`, `avScan`,
/// `protectAiScan`, `jFrogScan`); or the model info with `securityRepoStatus.filesWithIssues`
/// (`/api/models/REPO?securityStatus=true`). Dangerous pickle imports are critical, suspicious ones
/// medium; a virus is critical; a partner scanner's unsafe verdict is high. Every file is coverage.
struct HFHubScanParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "huggingface-hub", version: nil))
        try reader.skipWhitespace()
        if try reader.stream.peek() == UInt8(ascii: "[") {
            try reader.forEachElement {
                let entry = try reader.readValue()
                guard entry["type"]?.string ?? "file" == "file", let path = entry["path"]?.string else { return }
                try emit(.coverage(.file(path)))
                for finding in HFHubScanParser.findings(path: path, status: entry["securityFileStatus"] ?? .null, model: nil, factory: factory) {
                    try emit(.finding(finding))
                }
            }
            return
        }
        let info = try reader.readValue()
        let model = info["id"]?.string ?? info["modelId"]?.string
        if let model { try emit(.coverage(.target(model))) }
        for sibling in info["siblings"]?.array ?? [] {
            if let path = sibling["rfilename"]?.string { try emit(.coverage(.file(path))) }
        }
        let repo = info["securityRepoStatus"] ?? .null
        if repo["scansDone"]?.bool == false {
            try emit(.warning("the Hub has not finished scanning \(model ?? "this repository"): absence proves nothing yet"))
            try emit(.partial)
        }
        for file in repo["filesWithIssues"]?.array ?? [] {
            guard let path = file["path"]?.string else { continue }
            var found = HFHubScanParser.findings(path: path, status: file, model: model, factory: factory)
            if found.isEmpty, let level = file["level"]?.string, level != "safe" {
                found = [
                    factory.make(
                        FindingFactory.Draft(
                            tool: "huggingface-hub", ruleID: "hub-scan/\(level)", title: "The Hub marks this file \(level)",
                            message: "\(path): the Hub's scanners mark it \(level)", severity: level == "unsafe" ? .high : .medium,
                            tags: ["hf-hub-scan"], artifact: path, location: Location(path: path), model: model, identity: [path, level]
                        ))
                ]
            }
            for finding in found { try emit(.finding(finding)) }
        }
    }

    static func findings(path: String, status: JSONValue, model: String?, factory: FindingFactory) -> [Finding] {
        var out: [Finding] = []
        func add(_ rule: String, _ title: String, _ message: String, _ severity: Severity, _ tag: String, evidence: String? = nil) {
            out.append(
                factory.make(
                    FindingFactory.Draft(
                        tool: "huggingface-hub", ruleID: rule, title: title, message: "\(path): \(message)", severity: severity,
                        tags: ["hf-hub-scan", tag], artifact: path, location: Location(path: path), model: model, evidence: evidence,
                        identity: [path]
                    )))
        }
        for item in status.at("pickleImportScan", "pickleImports")?.array ?? [] {
            let global = "\(item["module"]?.string ?? "?").\(item["name"]?.string ?? "?")"
            switch item["safety"]?.string ?? "" {
            case "dangerous": add(global, "Dangerous import \(global) in a pickle", "the pickle imports \(global) (dangerous)", .critical, "pickle")
            case "suspicious": add(global, "Suspicious import \(global) in a pickle", "the pickle imports \(global) (suspicious)", .medium, "pickle")
            default: break
            }
        }
        if let av = status["avScan"], ["unsafe", "infected"].contains(av["status"]?.string ?? "") {
            let viruses = (av["virusNames"]?.array ?? []).compactMap(\.string)
            for virus in viruses.isEmpty ? ["malware"] : viruses {
                add("av/\(virus)", "Malware \(virus)", "the antivirus scan finds \(virus)", .critical, "antivirus")
            }
        }
        for partner in ["protectAiScan", "jFrogScan"] {
            guard let scan = status[partner], ["unsafe", "caution"].contains(scan["status"]?.string ?? "") else { continue }
            let verdict = scan["status"]?.string ?? "unsafe"
            add(
                "\(partner)/\(verdict)", "\(partner == "jFrogScan" ? "JFrog" : "Protect AI") scan: \(verdict)",
                scan["message"]?.string ?? "the partner scan marks it \(verdict)", verdict == "unsafe" ? .high : .medium, partner,
                evidence: scan["reportLink"]?.string)
        }
        return out
    }
}
