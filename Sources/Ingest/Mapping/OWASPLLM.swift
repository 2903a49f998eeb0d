import Findings

/// OWASP Top 10 for LLM ids as tools write them, in the 2025 numbering.
public enum OWASPLLM {
    /// OWASP LLM 2023 tags (`owasp:llm01`) remapped to 2025; every tag kept verbatim too.
    public static func remapGarakTags(_ tags: [String]) -> TaxonomyIDs {
        let remap = ["01": "01", "02": "05", "03": "04", "04": "10", "05": "03", "06": "02", "07": "06", "08": "06", "09": "09", "10": "10"]
        var ids = TaxonomyIDs()
        for tag in tags {
            let lower = tag.lowercased()
            if lower.hasPrefix("owasp:llm"), let mapped = remap[String(lower.dropFirst("owasp:llm".count))] {
                if !ids.owaspLLM.contains("LLM\(mapped)") { ids.owaspLLM.append("LLM\(mapped)") }
                ids.other.append("owasp-llm-2023:" + lower.dropFirst("owasp:".count).uppercased())
            } else if lower.hasPrefix("avid-effect:") || lower.hasPrefix("avid:") {
                ids.other.append(tag)
            }
        }
        return ids
    }

    /// "LLM02:2023 - Insecure Output Handling" → the 2025 id (LLM05); 2025 ids pass as they are.
    public static func ids(fromText entries: [String]) -> [String] {
        entries.compactMap { entry -> String? in
            let upper = entry.uppercased()
            guard let range = upper.range(of: "LLM") else { return nil }
            let digits = upper[range.upperBound...].prefix(2)
            guard digits.count == 2, digits.allSatisfy(\.isNumber) else { return nil }
            if upper.contains("2023") {
                return remapGarakTags(["owasp:llm" + digits]).owaspLLM.first
            }
            return "LLM" + digits
        }
    }
}
