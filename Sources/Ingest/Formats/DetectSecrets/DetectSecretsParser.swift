import Findings
import JSONStream

/// detect-secrets baseline (`detect-secrets scan`): `results{file: [secret]}`. It has no severity,
/// so one is derived from the secret type; the line number is not part of the identity (the
/// hashed secret is).
struct DetectSecretsParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try reader.forEachMember(requiring: "results", in: "a detect-secrets baseline") { key in
            switch key {
            case "version":
                try emit(.tool(name: "detect-secrets", version: try reader.readValue().text))
            case "results":
                try reader.forEachMember { file in
                    try reader.forEachElement {
                        let secret = try reader.readValue()
                        try emit(.finding(finding(secret, file: file, factory: factory)))
                    }
                }
            default:
                try reader.skipValue()
            }
        }
    }

    private func finding(_ secret: JSONValue, file: String, factory: FindingFactory) -> Finding {
        let type = secret["type"]?.string ?? "Secret"
        let line = secret["line_number"]?.int
        let verified = secret["is_verified"]?.bool == true
        return factory.make(
            FindingFactory.Draft(
                tool: "detect-secrets", ruleID: type, title: type,
                message: "\(type) in \(file)" + (line.map { " at line \($0)" } ?? "") + (verified ? " (verified live)" : ""),
                severity: DetectSecretsParser.severity(type: type, verified: verified), artifact: file,
                location: Location(path: file, startLine: line), identity: [file, secret["hashed_secret"]?.string ?? String(line ?? 0)]
            ))
    }

    /// Keys that grant access are high; keyword and entropy hits, which include false positives, lower.
    static func severity(type: String, verified: Bool) -> Severity {
        if verified { return .critical }
        let lower = type.lowercased()
        if lower.contains("entropy") { return .low }
        if lower.contains("keyword") { return .medium }
        return .high
    }
}
