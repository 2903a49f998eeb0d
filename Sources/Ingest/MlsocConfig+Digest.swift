import Config
import FindingStore
import Foundation

extension MlsocConfig {
    /// A digest of what the store keeps of the model registry (names, versions, facts, aliases),
    /// in hex: equal registries give equal digests, whatever else the config says.
    func registryDigest() -> String {
        var text = "mlsoc.registry/1"
        for model in models {
            let facts = [
                model.name, model.version ?? "", model.owner ?? "", model.criticality.map { "\($0)" } ?? "",
                model.stage ?? "", (model.aliases ?? []).joined(separator: "\u{1F}"),
            ]
            text += "\u{1E}" + facts.joined(separator: "\u{1D}")
        }
        return SHA256.hash(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
