import Findings
import JSONStream

/// Gitleaks' JSON (`gitleaks detect|dir|git -f json`): an array of leaks, v8 (`RuleID`, `File`,
/// `Secret`, `Match`, `Commit`, `StartLine`) and v7 (`rule`, `file`, `offender`, `lineNumber`).
/// The secret is never stored: the identity hashes it, the evidence keeps four characters and the
/// length. One secret found in several commits is one finding (the same place: a duplicate).
struct GitleaksParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "gitleaks", version: nil))
        try reader.forEachElement {
            let leak = try reader.readValue()
            let rule = leak["RuleID"]?.string ?? leak["rule"]?.string ?? "secret"
            let file = leak["File"]?.string ?? leak["file"]?.string ?? ""
            let line = leak["StartLine"]?.int ?? leak["lineNumber"]?.int
            let secret = leak["Secret"]?.string ?? leak["offender"]?.string ?? ""
            let commit = leak["Commit"]?.string ?? leak["commit"]?.string ?? ""
            let masked = SecretText.masked(secret)
            let description = leak["Description"]?.string ?? rule
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "gitleaks", ruleID: rule, title: description,
                            message: "\(description) in \(file)" + (line.map { " at line \($0)" } ?? ""),
                            severity: .high, tags: (leak["Tags"]?.array ?? leak["tags"]?.array ?? []).compactMap(\.string), artifact: file,
                            location: Location(path: file, startLine: line, endLine: leak["EndLine"]?.int),
                            evidence: (commit.isEmpty ? "" : "commit \(commit.prefix(12))\n") + masked, identity: [file, secret]
                        ))))
        }
    }
}
