import Findings
import JSONStream

/// Trivy's JSON (`trivy fs|image|config -f json`), `SchemaVersion` 2, and the bare list of
/// results of Trivy before 0.20. Each result's `Target` is coverage; `Vulnerabilities` (one per
/// package × advisory), failed `Misconfigurations` (PASS ones are coverage only), `Secrets` (the
/// match is never kept) and `Licenses` become findings.
struct TrivyParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "trivy", version: nil))
        try reader.skipWhitespace()
        if try reader.stream.peek() == UInt8(ascii: "[") {
            try reader.forEachElement { try TrivyParser.result(try reader.readValue(), artifact: nil, factory: factory, emit: emit) }
            return
        }
        var artifact: String?
        try reader.forEachMember(requiring: "Results", in: "a Trivy report") { key in
            switch key {
            case "ArtifactName":
                artifact = try reader.readValue().string
                if let artifact { try emit(.coverage(.target(artifact))) }
            case "Results":
                try reader.forEachElement { try TrivyParser.result(try reader.readValue(), artifact: artifact, factory: factory, emit: emit) }
            default:
                try reader.skipValue()
            }
        }
    }

    static func result(_ result: JSONValue, artifact: String?, factory: FindingFactory, emit: (ParsedItem) throws -> Void) throws {
        let target = result["Target"]?.string ?? artifact ?? ""
        let isFile = result["Class"]?.string.map { $0 != "os-pkgs" } ?? true
        if !target.isEmpty { try emit(.coverage(isFile ? .file(target) : .target(target))) }
        let severity = { (value: JSONValue) in Severity(text: value["Severity"]?.string ?? "") ?? .medium }
        for vuln in result["Vulnerabilities"]?.array ?? [] {
            let id = vuln["VulnerabilityID"]?.string ?? "unknown"
            let package = "\(vuln["PkgName"]?.string ?? "?")@\(vuln["InstalledVersion"]?.text ?? "")"
            let fixed = vuln["FixedVersion"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            let score = vuln.at("CVSS", "nvd", "V3Score")?.double ?? vuln.at("CVSS", "redhat", "V3Score")?.double
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "trivy", ruleID: id, title: vuln["Title"]?.string ?? id,
                            message: "\(package) in \(target): \(vuln["Title"]?.string ?? id)"
                                + (fixed.map { " (fixed in \($0))" } ?? " (no fixed version yet)"),
                            severity: severity(vuln), score: score,
                            cwe: vuln["CweIDs"]?.array?.compactMap { $0.string.flatMap(SARIFRule.cweNumber) } ?? [],
                            tags: ["package:\((vuln["PkgName"]?.string ?? "").lowercased())", "dependency-advisory"],
                            taxonomy: TaxonomyIDs(cve: [id]),
                            artifact: package, location: Location(path: vuln["PkgPath"]?.string ?? target),
                            evidence: vuln["PrimaryURL"]?.string, identity: [target, package]
                        ))))
        }
        for misconf in result["Misconfigurations"]?.array ?? [] {
            guard misconf["Status"]?.string ?? "FAIL" == "FAIL" else { continue }
            let id = misconf["AVDID"]?.string ?? misconf["ID"]?.string ?? "misconfiguration"
            let cause = misconf["CauseMetadata"] ?? .null
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "trivy", ruleID: id, title: misconf["Title"]?.string ?? id,
                            message: misconf["Message"]?.string ?? misconf["Description"]?.string ?? id, severity: severity(misconf),
                            tags: ["misconfiguration", misconf["Type"]?.string ?? ""], artifact: target,
                            location: Location(path: target, startLine: cause["StartLine"]?.int, endLine: cause["EndLine"]?.int),
                            evidence: misconf["Resolution"]?.string.map { "resolution: \($0)" },
                            identity: [target, cause["Resource"]?.string ?? "", misconf["Message"]?.string ?? ""],
                            resource: cause["Resource"]?.string,
                            code: cause.at("Code", "Lines")?.array?.prefix(200).compactMap { $0["Content"]?.string }.joined(separator: "\n")
                        ))))
        }
        for secret in result["Secrets"]?.array ?? [] {
            let rule = secret["RuleID"]?.string ?? "secret"
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "trivy", ruleID: rule, title: secret["Title"]?.string ?? rule,
                            message: "\(secret["Title"]?.string ?? rule) in \(target)", severity: severity(secret),
                            tags: ["secret", secret["Category"]?.string ?? ""], artifact: target,
                            location: Location(path: target, startLine: secret["StartLine"]?.int, endLine: secret["EndLine"]?.int),
                            // Trivy masks the match with asterisks already; the identity still never holds it raw.
                            evidence: secret["Match"]?.string, identity: [target, secret["Match"]?.string ?? ""]
                        ))))
        }
        for license in result["Licenses"]?.array ?? [] {
            let name = license["Name"]?.string ?? "unknown"
            let package = license["PkgName"]?.string ?? license["FilePath"]?.string ?? target
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "trivy", ruleID: "license:\(license["Category"]?.string ?? "unknown")", title: "Licence \(name)",
                            message: "\(package) is under \(name) (\(license["Category"]?.string ?? "unclassified"))",
                            severity: severity(license), tags: ["license"], artifact: package,
                            location: Location(path: license["FilePath"]?.string ?? target),
                            identity: [target, package, name]
                        ))))
        }
    }
}
