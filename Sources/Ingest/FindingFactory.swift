import Foundation
import Findings

/// Builds findings the same way for every format: mapping, taxonomy, severity override and a stable
/// fingerprint (repeats inside one report are told apart by the store; models are attributed by the
/// ingestor).
struct FindingFactory {
    let mapping: MappingRules

    init(mapping: MappingRules) {
        self.mapping = mapping
    }

    /// What a parser knows about one finding.
    struct Draft {
        var tool: String
        var ruleID: String
        var title: String
        var message: String
        var severity: Severity
        var score: Double? = nil
        var attackSuccessRate: Double? = nil
        var cwe: [String] = []
        var tags: [String] = []
        var taxonomy = TaxonomyIDs()
        var artifact: String? = nil
        var location: Location? = nil
        var model: String? = nil
        var evidence: String? = nil
        var suppressed = false
        /// What identifies the finding across runs, beyond tool and rule (never line numbers when avoidable).
        var identity: [String]
        /// A threat the producer states itself (native JSONL, rule metadata); beats the mapping rules.
        var statedThreat: Threat? = nil
    }

    func make(_ draft: Draft) -> Finding {
        let tool = draft.tool.lowercased()
        let mapped = mapping.map(MappingSubject(tool: tool, ruleID: draft.ruleID, cwe: draft.cwe, tags: draft.tags))
        var taxonomy = TaxonomyIDs(cwe: Array(Set(draft.cwe)).sorted().map { "CWE-\($0)" })
        taxonomy.merge(draft.taxonomy)
        taxonomy.merge(mapped.taxonomy)
        let fingerprint = Fingerprinter.fingerprint(FingerprintKey([tool, draft.ruleID] + draft.identity))
        return Finding(
            fingerprint: fingerprint, tool: tool, ruleID: draft.ruleID, title: draft.title, message: draft.message,
            severity: mapped.severity ?? draft.severity, score: draft.score, threat: draft.statedThreat ?? mapped.threat,
            taxonomy: taxonomy, modelName: draft.model,
            artifact: draft.artifact, location: draft.location, evidence: draft.evidence, suppressed: draft.suppressed,
            mappingWhy: draft.statedThreat == nil ? mapped.why : "stated by the producer",
            attackSuccessRate: draft.attackSuccessRate.map { min(1, max(0, $0)) }
        )
    }
}

/// Names a model from an artefact path when the file is a model file: `models/fraud-v2.pkl` →
/// `fraud-v2`; archive members and scanner suffixes (`x.pt:member/data.pkl`, ` (pos 12)`) are stripped.
public enum ModelAttribution {
    static let modelExtensions: Set<String> = [
        "pkl", "pickle", "pt", "pth", "bin", "safetensors", "onnx", "h5", "hdf5", "keras", "gguf", "ggml",
        "joblib", "ckpt", "pb", "tflite", "npy", "npz", "msgpack", "mlmodel", "dill", "mar", "nemo",
    ]

    public static func modelName(forArtifact artifact: String?) -> String? {
        guard var path = artifact, !path.isEmpty else { return nil }
        if let paren = path.range(of: " (", options: .backwards), path.hasSuffix(")") {
            path = String(path[..<paren.lowerBound])
        }
        path = path.replacingOccurrences(of: "%3A", with: ":")
        // The container file, not the member: "a/b.pt:b/data.pkl" → "a/b.pt".
        if let colon = path.firstIndex(of: ":"), path[..<colon].contains(".") {
            path = String(path[..<colon])
        }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        let ext = file[file.index(after: dot)...].lowercased()
        guard modelExtensions.contains(ext) else { return nil }
        return String(file[..<dot])
    }
}
