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

    /// The result's `kind` (SARIF §3.27.9; absent means `fail`). modelaudit calls two checks
    /// informational that mlsoc counts as risks, in its JSON as in its SARIF: an object-dtype NumPy
    /// file (it loads through pickle) and datasets without a licence.
    static func kind(tool: String, result: JSONValue) -> String {
        let kind = result["kind"]?.string ?? "fail"
        if tool == "modelaudit", kind == "informational" { return "fail" }
        return kind
    }

    static func usesToolFingerprints(tool: String) -> Bool {
        tool != "modelaudit"
    }
}
