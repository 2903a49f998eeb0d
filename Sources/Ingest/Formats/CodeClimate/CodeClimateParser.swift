import Findings
import JSONStream

/// Code Climate issues (`hadolint -f codeclimate` or `gitlab_codeclimate`, GitLab Code Quality,
/// many linters): an array of issues, or issue objects separated by NUL bytes as the Code Climate
/// engine spec writes them. `check_name` is the rule; the tool is `engine_name` when given, else
/// hadolint for its DLxxxx and ShellCheck SCxxxx rules. Identities match hadolint's own JSON.
struct CodeClimateParser: ReportParser {
    let mapping: MappingRules

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        let reader = JSONReader(stream: stream)
        reader.allowsMultipleDocuments = true
        reader.skipsNULBetweenDocuments = true
        var tools: Set<String> = []
        func issue(_ value: JSONValue) throws {
            guard value["type"]?.string?.lowercased() ?? "issue" == "issue" else { return }
            let rule = value["check_name"]?.string ?? "issue"
            let tool = ToolNames.canonical(value["engine_name"]?.string ?? (CodeClimateParser.isHadolint(rule) ? "hadolint" : "codeclimate"))
            if tools.insert(tool).inserted { try emit(.tool(name: tool, version: nil)) }
            let path = value.at("location", "path")?.string ?? ""
            let line = value.at("location", "lines", "begin")?.int ?? value.at("location", "positions", "begin", "line")?.int
            let end = value.at("location", "lines", "end")?.int ?? value.at("location", "positions", "end", "line")?.int
            let message = value["description"]?.string ?? rule
            let severity: Severity =
                switch value["severity"]?.string ?? "minor" {
                case "blocker": .critical
                case "critical": .high
                case "major": .medium
                case "minor": .low
                default: .info
                }
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: tool, ruleID: rule, title: rule, message: message, severity: severity,
                            tags: value["categories"]?.array?.compactMap(\.string) ?? [], artifact: path.isEmpty ? nil : path,
                            location: path.isEmpty ? nil : Location(path: path, startLine: line, endLine: end), identity: [path, "", message]
                        ))))
        }
        repeat {
            let first = try reader.next()
            if first == .beginArray {
                while true {
                    let token = try reader.next()
                    if token == .endArray { break }
                    try issue(try reader.value(from: token))
                }
            } else if first == .beginObject {
                try issue(try reader.value(from: first))
            } else if first != .end {
                throw reader.error("not Code Climate issues: expected an array or objects")
            }
            guard try reader.next() == .end else { throw reader.error("unexpected data after Code Climate issues") }
        } while try reader.hasMoreDocuments()
        if tools.isEmpty { try emit(.tool(name: "codeclimate", version: nil)) }
    }

    static func isHadolint(_ rule: String) -> Bool {
        (rule.hasPrefix("DL") || rule.hasPrefix("SC")) && rule.dropFirst(2).allSatisfy(\.isNumber) && rule.count > 2
    }
}
