import Findings
import Foundation

/// Builds findings the same way for every format: mapping, taxonomy, severity override and a stable
/// fingerprint (repeats inside one report are told apart by the store; models are attributed by the
/// ingestor).
struct FindingFactory {
    let mapping: MappingRules

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
        /// Metadata that names the threat (mapping input 2): a cell, an ATLAS or OWASP LLM/ML id.
        var stated: [String] = []
        /// Other rule metadata (`key=value`), kept to show what an unmapped rule carried.
        var otherMetadata: [String] = []
        /// A severity better than the tool's bare level (semgrep impact × likelihood, checkov's own).
        var toolSeverity: Severity? = nil
        /// The resource the finding is about (checkov `resource`), and the code the tool quotes:
        /// the resource context of the mapping (data stores).
        var resource: String? = nil
        var code: String? = nil
    }

    func make(_ draft: Draft) -> Finding {
        let tool = draft.tool.lowercased()
        let subject = MappingSubject(
            tool: tool, ruleID: draft.ruleID, cwe: draft.cwe, tags: draft.tags, stated: draft.stated, other: draft.otherMetadata)
        let context = MappingContext(
            resource: draft.resource, path: draft.location?.path ?? draft.artifact, title: draft.title,
            message: draft.message, code: draft.code)
        let mapped = mapping.map(subject, context: context)
        var taxonomy = TaxonomyIDs(cwe: Array(Set(subject.cwe)).sorted().map { "CWE-\($0)" })
        taxonomy.merge(draft.taxonomy)
        taxonomy.merge(mapped.taxonomy)
        let fingerprint = Fingerprinter.fingerprint(FingerprintKey([tool, draft.ruleID] + draft.identity))
        var finding = Finding(
            fingerprint: fingerprint, tool: tool, ruleID: draft.ruleID, title: draft.title, message: draft.message,
            severity: draft.toolSeverity ?? mapped.severity ?? draft.severity, score: draft.score, threat: mapped.threat,
            taxonomy: taxonomy, model: draft.model,
            artifact: draft.artifact, location: draft.location, evidence: draft.evidence, suppressed: draft.suppressed,
            mappingWhy: mapped.why,
            attackSuccessRate: draft.attackSuccessRate.map { min(1, max(0, $0)) }
        )
        finding.mappingInputs = mapped.inputs
        return finding
    }
}

/// Names a model from an artefact path when the file is a model file: `models/fraud-v2.pkl` →
/// `fraud-v2`; archive members and scanner suffixes (`x.pt:member/data.pkl`, ` (pos 12)`) are stripped.
public enum ModelAttribution {
    static let modelExtensions: Set<String> = [
        "pkl", "pickle", "pt", "pth", "bin", "safetensors", "onnx", "h5", "hdf5", "keras", "gguf", "ggml",
        "joblib", "ckpt", "pb", "tflite", "npy", "npz", "msgpack", "mlmodel", "dill", "mar", "nemo",
    ]

    /// Runs once per finding on the ingest path, so it works on UTF-8 bytes without Foundation.
    public static func modelName(forArtifact artifact: String?) -> String? {
        guard let artifact, !artifact.isEmpty else { return nil }
        var path = Array(artifact.utf8)
        // A scanner's position suffix: "x.pkl (pos 12)" → "x.pkl".
        if path.last == UInt8(ascii: ")"), let paren = lastRange(of: Array(" (".utf8), in: path) {
            path.removeSubrange(paren...)
        }
        // "%3A" is an escaped ":".
        if lastRange(of: Array("%3A".utf8), in: path) != nil { path = replacingEscapedColons(path) }
        // The container file, not the member: "a/b.pt:b/data.pkl" → "a/b.pt".
        if let colon = path.firstIndex(of: UInt8(ascii: ":")), path[..<colon].contains(UInt8(ascii: ".")) {
            path.removeSubrange(colon...)
        }
        let fileStart = path.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        let file = path[fileStart...]
        guard let dot = file.lastIndex(of: UInt8(ascii: ".")), dot != file.startIndex else { return nil }
        let ext = String(decoding: file[(dot + 1)...], as: UTF8.self).lowercased()
        guard modelExtensions.contains(ext) else { return nil }
        return String(decoding: file[..<dot], as: UTF8.self)
    }

    private static func lastRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    private static func replacingEscapedColons(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + 2 < bytes.count, bytes[index] == UInt8(ascii: "%"), bytes[index + 1] == UInt8(ascii: "3"),
                bytes[index + 2] == UInt8(ascii: "A")
            {
                out.append(UInt8(ascii: ":"))
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
