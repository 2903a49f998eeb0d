import Findings
import Foundation
import JSONStream

/// fickling's `--json-output`: one JSON object per pickle stream, appended back to back with no
/// separator. The pickle's path is not inside; it is taken from the report's name
/// (`MODEL.pkl.fickling.json` → `MODEL.pkl`). LIKELY_SAFE streams give no finding.
struct FicklingParser: ReportParser {
    let mapping: MappingRules

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "fickling", version: nil))
        let reader = JSONReader(stream: stream)
        reader.allowsMultipleDocuments = true
        let artifact = FicklingParser.artifact(reportPath: context.file)
        if let model = ModelAttribution.modelName(forArtifact: artifact) { try emit(.scopeModel(model)) }
        // fickling scans one pickle and does not name it: the report's name is its subject.
        if let artifact { try emit(.coverage(.file(artifact))) }
        var index = 0
        repeat {
            let object = try reader.readValue()
            guard try reader.next() == .end else { throw reader.error("unexpected data after a fickling result") }
            index += 1
            let word = object["severity"]?.string ?? ""
            guard let severity = FicklingParser.severity(word) else {
                if word != "LIKELY_SAFE" { try emit(.warning("stream \(index): unknown fickling severity '\(word)'")) }
                continue
            }
            let analyses = object.at("detailed_results", "AnalysisResult")?.members ?? []
            let rule = FicklingParser.primary(analyses.map(\.0)) ?? word
            let analysis = object["analysis"]?.string ?? word
            if analysis.contains("invalid opcode") {
                // Truncated or corrupt pickles: fickling says LIKELY_UNSAFE, but it is a scan error.
                try emit(.warning("stream \(index)\(artifact.map { " of \($0)" } ?? ""): fickling could not parse it (\(analysis.prefix(200)))"))
                continue
            }
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "fickling", ruleID: rule, title: "\(rule) in a pickle", message: analysis, severity: severity,
                            tags: analyses.map(\.0), artifact: artifact, location: artifact.map { Location(path: $0) },
                            evidence: analyses.map { "\($0.0): \($0.1.text ?? "")" }.joined(separator: "\n"),
                            identity: [artifact ?? "", String(index), analysis]
                        ))))
        } while try reader.hasMoreDocuments()
    }

    /// OVERTLY_MALICIOUS → critical … POSSIBLY_UNSAFE → low; LIKELY_SAFE → nil (no finding).
    static func severity(_ word: String) -> Severity? {
        switch word {
        case "OVERTLY_MALICIOUS": .critical
        case "LIKELY_OVERTLY_MALICIOUS": .high
        case "LIKELY_UNSAFE": .medium
        case "SUSPICIOUS", "POSSIBLY_UNSAFE": .low
        default: nil
        }
    }

    /// The analysis that best names the problem.
    static func primary(_ names: [String]) -> String? {
        for preferred in ["OvertlyBadEval", "UnsafeImports", "BadCalls", "NonStandardImports"] where names.contains(preferred) {
            return preferred
        }
        return names.first
    }

    static func artifact(reportPath: String) -> String? {
        var name = (reportPath as NSString).lastPathComponent
        for suffix in [".json", ".fickling"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        return ModelAttribution.modelName(forArtifact: name) == nil ? nil : name
    }
}
