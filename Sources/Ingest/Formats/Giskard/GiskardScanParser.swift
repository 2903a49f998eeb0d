import Findings
import JSONStream

/// Giskard's scan report as JSON (`scan_report.to_json(path)`): `{detector: {level: [description]}}`,
/// every detector that ran present, with no levels when it found nothing. One finding per
/// description; the detector is the rule, `major` is high, `medium` medium, `minor` low. Every
/// detector that ran is coverage. (`to_avid` is read by the AVID parser.)
struct GiskardScanParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "giskard", version: nil))
        try reader.forEachMember { detector in
            try emit(.coverage(.target("giskard:\(detector)")))
            let levels = try reader.readValue()
            for (level, descriptions) in levels.members ?? [] {
                let severity: Severity =
                    switch level.lowercased() {
                    case "major": .high
                    case "medium": .medium
                    default: .low
                    }
                for description in (descriptions.array ?? []).compactMap(\.string) {
                    try emit(
                        .finding(
                            factory.make(
                                FindingFactory.Draft(
                                    tool: "giskard", ruleID: detector, title: GiskardScanParser.words(detector),
                                    message: description, severity: severity, tags: ["giskard", level.lowercased()], identity: [description]
                                ))))
                }
            }
        }
    }

    /// "LLMPromptInjectionDetector" → "LLM prompt injection".
    static func words(_ detector: String) -> String {
        var name = Substring(detector.hasSuffix("Detector") ? String(detector.dropLast("Detector".count)) : detector)
        var out: [String] = []
        if name.hasPrefix("LLM") {
            out.append("LLM")
            name = name.dropFirst(3)
        }
        var word = ""
        for ch in name {
            if ch.isUppercase, !word.isEmpty {
                out.append(word)
                word = ""
            }
            word.append(ch)
        }
        if !word.isEmpty { out.append(word) }
        return out.enumerated().map { index, part in
            part == "LLM" ? part : (index == 0 ? part : part.lowercased())
        }.joined(separator: " ")
    }
}
