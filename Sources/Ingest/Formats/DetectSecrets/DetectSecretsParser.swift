import Findings
import JSONStream

/// detect-secrets baseline (`detect-secrets scan`): `results{file: [secret]}`. It has no severity,
/// so one is derived from the secret type; the line number is not part of the identity (the
/// hashed secret is). An audited baseline's labels are triage decisions (`auditLabel`).
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
                        let found = finding(secret, file: file, factory: factory)
                        try emit(.finding(found))
                        if let label = DetectSecretsParser.auditLabel(secret, finding: found) { try emit(.triage(label)) }
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

    /// `detect-secrets audit` marks each secret it asks about: `is_secret: false` ("should this string
    /// be committed? yes") is a false positive the team already judged, `true` a real secret. The
    /// label lands as a triage decision with an `imported-from-detect-secrets` event; unlabelled
    /// secrets stay as they are.
    static func auditLabel(_ secret: JSONValue, finding: Finding) -> TriageImport? {
        guard let isSecret = secret["is_secret"]?.bool else { return nil }
        var label = TriageImport(
            fingerprint: finding.fingerprint, vexState: isSecret ? "exploitable" : "false_positive", justification: nil,
            detail: isSecret ? "labelled a real secret by detect-secrets audit" : "labelled not a secret by detect-secrets audit",
            response: [])
        label.source = "detect-secrets"
        return label
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
