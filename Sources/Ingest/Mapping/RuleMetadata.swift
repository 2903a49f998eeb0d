import Findings
import Foundation

/// What a rule's metadata says for the mapping, read the same way from semgrep's `extra.metadata`,
/// a SARIF rule's `properties` and the native format: CWE ids, the keys that name a threat, free
/// tags, and a severity better than the level.
struct RuleMetadata: Equatable {
    var cwe: [String] = []
    /// Input 2 of the mapping: values of keys whose purpose is to name the threat, and OWASP
    /// entries that are LLM or ML Top 10 ids.
    var stated: [String] = []
    /// Input 5: OWASP Top 10 categories, `category:…`, vulnerability classes, tags.
    var tags: [String] = []
    /// From `impact` and `likelihood` (semgrep), or a `severity` the tool states in its metadata.
    var severity: Severity?
    /// Other keys, `key=value`: not read by the mapping, shown by `mapping unmapped` (a team's
    /// own keys are what a user rule would match on).
    var other: [String] = []

    /// Keys too long or too generic to show.
    static let quietKeys: Set<String> = [
        "references", "reference", "source", "source-rule-url", "shortlink", "license", "semgrep.dev",
        "description", "help", "precision", "tags", "id", "name", "kind", "problem.severity",
        "security-severity", "impact", "likelihood", "confidence", "technology",
        "cwe2022-top25", "cwe2021-top25",
    ]

    /// Keys that name a matrix cell, an ATLAS technique or an OWASP LLM/ML id.
    static let threatKeys: Set<String> = [
        "mlsoc-threat", "mlsoc_threat", "mlsecops-threat", "mlsecops_threat", "mlsecops", "ml-threat", "ml_threat", "threat",
        "atlas", "mitre-atlas", "mitre_atlas", "atlas-technique", "atlas_technique", "owasp-llm", "owasp_llm", "owasp-ml", "owasp_ml",
    ]

    /// Reads a metadata object: `value(key)` gives a key's strings (a string or a list of them).
    init(keys: [String], value: (String) -> [String]) {
        for key in keys {
            let lower = key.lowercased()
            let values = value(key)
            switch lower {
            case "cwe", "cwe-id", "cwe_id":
                cwe += values.compactMap { SARIFRule.cweNumber($0) ?? (Int($0).map(String.init)) }
            case "owasp":
                for entry in values {
                    if OWASPLLM.ids(fromText: [entry]).isEmpty, ThreatVocabulary.owaspMLID(in: entry) == nil {
                        tags.append(entry)
                    } else {
                        stated.append(entry)
                    }
                }
            case _ where RuleMetadata.threatKeys.contains(lower):
                stated += values
            case "category", "subcategory", "vulnerability_class", "vulnerability-class":
                let prefix = lower == "category" ? "category:" : lower == "subcategory" ? "subcategory:" : "vulnerability-class:"
                tags += values.map { prefix + $0.trimmingCharacters(in: .whitespaces) }
            case "tags":
                tags += values
            default:
                if !RuleMetadata.quietKeys.contains(lower), other.count < 8, let first = values.first {
                    other.append("\(key)=\(first.prefix(60))")
                }
            }
        }
        let impact = value("impact").first ?? value("IMPACT").first
        let likelihood = value("likelihood").first ?? value("LIKELIHOOD").first
        severity = RuleMetadata.severity(impact: impact, likelihood: likelihood)
    }

    init() {}

    /// OWASP risk rating: likelihood × impact. HIGH/HIGH is critical; one HIGH with a MEDIUM is
    /// high; MEDIUM/MEDIUM or HIGH with LOW is medium; below that low. Impact alone is its own level.
    static func severity(impact: String?, likelihood: String?) -> Severity? {
        func level(_ text: String?) -> Int? {
            switch text?.uppercased() {
            case "HIGH", "CRITICAL": 3
            case "MEDIUM": 2
            case "LOW": 1
            default: nil
            }
        }
        guard let i = level(impact) else { return nil }
        guard let l = level(likelihood) else { return i == 3 ? .high : i == 2 ? .medium : .low }
        switch i + l {
        case 6: return .critical
        case 5: return .high
        case 4: return .medium
        default: return .low
        }
    }
}
