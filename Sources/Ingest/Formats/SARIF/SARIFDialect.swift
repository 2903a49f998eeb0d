import Findings
import JSONStream

/// Where a tool's SARIF says things differently from its own JSON, the SARIF reader follows the
/// JSON, so one run read in either format gives the same findings (issue 16):
/// - checkov names files with `-d` in front (and twice for Kubernetes): `CheckovParser.path`;
/// - modelaudit prefixes issue types with `MA` (`MAPICKLE_CHECK` is the JSON's `pickle_check`),
///   writes paths relative to its working directory (the JSON's are absolute) and a line hash as
///   fingerprint that its JSON does not have.
enum SARIFDialect {
    static func ruleID(tool: String, result: JSONValue, given: String) -> String {
        if tool == "modelaudit", given.hasPrefix("MA"), let type = result.at("properties", "issue_type")?.string {
            return type
        }
        return given
    }

    static func path(tool: String, _ path: String, workingDirectory: String?) -> String {
        switch tool {
        case "checkov":
            return CheckovParser.path(path)
        case "modelaudit":
            guard let base = workingDirectory, !path.hasPrefix("/"), base.hasPrefix("/") else { return path }
            return base == "/" ? "/" + path : base + "/" + path
        default:
            return path
        }
    }

    /// What an invocation says the tool scanned, as absolute roots. modelaudit's `arguments` are
    /// exactly its scan paths (files or folders, as given: relative ones are relative to the
    /// working directory); a URL it fetched (`hf://`, `s3://`) is no local root. Other tools' arguments
    /// mix flags and paths, so they say nothing here.
    static func scannedPaths(tool: String, invocation: JSONValue, workingDirectory: String?) -> [String] {
        guard tool == "modelaudit" else { return [] }
        return (invocation["arguments"]?.array ?? []).compactMap { argument -> String? in
            guard let given = argument.string, !given.isEmpty else { return nil }
            if given.contains("://") && !given.hasPrefix("file://") { return nil }
            let local = ReportPath.fromURI(given).path
            if local.hasPrefix("/") { return Coverage.normalize(local) }
            guard let base = workingDirectory, base.hasPrefix("/") else { return nil }
            let relative = Coverage.normalize(local)
            return relative.isEmpty ? base : (base == "/" ? "/" : base + "/") + relative
        }
    }

    /// modelaudit's SARIF keeps its own severity only as the result's `rank` (critical 90, warning
    /// 60, info 30; the level says `error` for critical): read as its JSON's words are.
    static func severity(tool: String, result: JSONValue) -> Severity? {
        guard tool == "modelaudit", let rank = result["rank"]?.double else { return nil }
        switch rank {
        case 90: return .critical
        case 60: return .medium
        case 30: return .low
        default: return nil
        }
    }

    /// The result's `kind` (SARIF §3.27.9; absent means `fail`). modelaudit calls two checks
    /// informational that mlsoc counts as risks, in its JSON as in its SARIF: an object-dtype NumPy
    /// file (it loads through pickle) and datasets without a licence.
    static func kind(tool: String, result: JSONValue) -> String {
        let kind = result["kind"]?.string ?? "fail"
        if tool == "modelaudit", kind == "informational" { return "fail" }
        return kind
    }

    /// True when the driver's rules are every rule the run ran, not only those that found
    /// something (semgrep writes its whole configuration; bandit, checkov and trivy only the rules
    /// of their results).
    static func listsRuleSet(tool: String) -> Bool {
        tool == "semgrep"
    }

    static func usesToolFingerprints(tool: String) -> Bool {
        tool != "modelaudit"
    }
}
