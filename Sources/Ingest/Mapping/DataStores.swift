import Config
import Findings
import Foundation

/// Matching a finding against the configured data stores (`DataStore`, in Config).
extension DataStore {
    /// `names`: the identifier-like words of the finding's code and text (`MappingContext.names`),
    /// made once for all stores.
    func matches(_ context: MappingContext, names: [String]) -> Bool {
        let glob = { (pattern: String, text: String) in fnmatch(pattern, text, 0) == 0 }
        if let path = context.path, (paths ?? []).contains(where: { glob($0, path) }) { return true }
        guard let patterns = resources, !patterns.isEmpty else { return false }
        // The resource address, and every name the finding's code or text mentions (a policy names
        // its bucket: `aws_s3_bucket.training_data.id`, `arn:aws:s3:::acme-training-data/*`).
        if let resource = context.resource, patterns.contains(where: { glob($0, resource) || glob($0, resource.lowercased()) }) {
            return true
        }
        return names.contains { name in patterns.contains { glob($0, name) } }
    }
}

/// What a finding's resource context is, beyond the rule: used only after the mapping rules chose
/// a cell, to move a storage misconfiguration to the Data row or to model theft.
public struct MappingContext: Sendable {
    /// The resource the tool names (checkov `resource`, trivy `CauseMetadata.Resource`).
    public var resource: String?
    /// The finding's file.
    public var path: String?
    public var title: String
    public var message: String
    /// The code the tool quotes, when it does.
    public var code: String?

    public init(resource: String? = nil, path: String? = nil, title: String, message: String, code: String? = nil) {
        self.resource = resource
        self.path = path
        self.title = title
        self.message = message
        self.code = code
    }

    /// The rule's title and the finding's message, as the storage words are looked for in: made
    /// only for the findings that get that far.
    var text: String { title == message ? title : title + " " + message }

    /// The quoted code, bounded.
    var boundedCode: String? { code.map { String($0.prefix(4096)) } }

    /// Identifier-like words of the code and text (`aws_s3_bucket.training_data`, `acme-training-data`):
    /// what a data store's resource globs are also tried against.
    var names: [String] {
        var names: [String] = []
        for source in [boundedCode ?? "", text] {
            var word = ""
            for scalar in source.unicodeScalars {
                if CharacterSet.alphanumerics.contains(scalar) || "_-.:".unicodeScalars.contains(scalar) {
                    word.unicodeScalars.append(scalar)
                } else {
                    if word.count >= 3 { names.append(word) }
                    word = ""
                }
                if names.count >= 256 { return names }
            }
            if word.count >= 3 { names.append(word) }
        }
        return names
    }
}

/// What kind of exposure a storage check reports, from its words: the same classes for checkov,
/// trivy, semgrep and CodeQL, whatever their ids. Runs per finding on the ingest path, so the words
/// are searched as ASCII-lowered bytes (Foundation's `contains` took 15% of a SARIF
/// ingest).
public enum StorageExposure: String, Sendable {
    case publicWrite = "public write"
    case publicRead = "public read"
    case unencrypted = "no encryption"
    case unlogged = "no access logging"

    /// Text lowered (ASCII only) once, searched many times.
    struct Lowered {
        let bytes: [UInt8]

        init(_ text: String) {
            bytes = text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        }

        /// memchr to each candidate first byte, memcmp for the rest: the standard library's generic
        /// `firstRange(of:)` was a sixth of an ingest's CPU (every misconfiguration finding's text
        /// is searched for a few dozen words).
        func contains(_ needle: [UInt8]) -> Bool {
            guard let first = needle.first else { return true }
            return bytes.withUnsafeBytes { haystack in
                needle.withUnsafeBytes { word in
                    guard let base = haystack.baseAddress, let wordBase = word.baseAddress, haystack.count >= word.count else { return false }
                    var offset = 0
                    let last = haystack.count - word.count
                    while offset <= last {
                        guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                        let at = base.distance(to: UnsafeRawPointer(hit))
                        if memcmp(base + at, wordBase, word.count) == 0 { return true }
                        offset = at + 1
                    }
                    return false
                }
            }
        }

        func containsAny(_ needles: [[UInt8]]) -> Bool { needles.contains(where: contains) }
    }

    private static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }

    private static let publicWords = words([
        "public", "anonymous", "allusers", "all users", "any principal", "everyone", "cross-account",
        "cross account", "world-readable", "world readable",
    ])
    /// In quoted code only what grants access, not names (a bucket called `public-docs`).
    private static let grants = words([
        "principal = \"*\"", "\"principal\": \"*\"", "\"principal\":\"*\"", "principal: '*'", "allusers",
        "allauthenticatedusers", "acl = \"public-read", "acl: public-read",
    ])
    /// Any action granted to anyone includes writing ("an action with any Principal", s3:*).
    private static let writeWords = words([
        "write", "putobject", "s3:put", "s3:*", "s3:delete", "upload", "all actions", "any action",
        "an action",
    ])
    private static let encryptionWords = words(["encrypt", "kms", "cmk", "sse", "cleartext", "plaintext"])
    private static let loggingWords = words(["access log", "logging"])
    private static let storageWords = words([
        "bucket", "s3", "blob", "storage account", "storage container", "cloud storage", "gcs",
        "object storage", "aws_s3", "google_storage", "azurerm_storage",
    ])

    /// The exposure a check's title, message and quoted code describe, if any. Write is looked for
    /// first: `public-read-write` and "PutObject to any principal" are writes.
    static func classify(_ words: Lowered, _ quoted: Lowered?) -> StorageExposure? {
        let isPublic = words.containsAny(publicWords) || (quoted?.containsAny(grants) ?? false)
        if isPublic, words.containsAny(writeWords) || (quoted?.containsAny(writeWords) ?? false) { return .publicWrite }
        if words.containsAny(encryptionWords) { return .unencrypted }
        if words.containsAny(loggingWords) { return .unlogged }
        return isPublic ? .publicRead : nil
    }

    /// True when the words name object or data storage (a bucket, a blob container, a database).
    static func isStorage(_ words: Lowered, resource: String?) -> Bool {
        words.containsAny(storageWords) || (resource.map { Lowered($0).containsAny(storageWords) } ?? false)
    }
}

/// The data stores of the config, and the cell a storage misconfiguration moves to.
public struct DataStores: Sendable, Equatable {
    public var stores: [DataStore]

    public init(_ stores: [DataStore] = []) {
        self.stores = stores
    }

    /// The cell for a finding the rules put in `result`: a misconfiguration (or a storage cell)
    /// about a configured store goes to its data's cell; a public-read bucket is data loss even
    /// when no store is configured. Nil when nothing changes.
    func refine(_ result: MappingResult, _ context: MappingContext) -> MappingResult? {
        let refinable: Set<Threat> = [.misconfiguration, .dataLoss, .dataPoisoning, .modelTheft]
        guard refinable.contains(result.threat), result.input.refinable else { return nil }
        // With no store configured, only a public-read bucket moves: most findings stop here.
        if stores.isEmpty && result.threat != .misconfiguration { return nil }
        let words = StorageExposure.Lowered(context.text)
        if stores.isEmpty && !StorageExposure.isStorage(words, resource: context.resource) { return nil }
        guard let exposure = StorageExposure.classify(words, context.boundedCode.map(StorageExposure.Lowered.init)) else { return nil }
        let names = stores.isEmpty ? [] : context.names
        if let store = stores.first(where: { $0.matches(context, names: names) }) {
            let threat: Threat
            let ids: TaxonomyIDs
            if store.holdsWeights {
                (threat, ids) = (.modelTheft, TaxonomyIDs(atlas: ["AML.T0024.002", "AML.T0035"], owaspML: ["ML05"]))
            } else if exposure == .publicWrite {
                (threat, ids) = (.dataPoisoning, TaxonomyIDs(atlas: ["AML.T0020", "AML.T0010.002"], owaspLLM: ["LLM04"], owaspML: ["ML02"]))
            } else {
                (threat, ids) = (.dataLoss, TaxonomyIDs(atlas: ["AML.T0036"], owaspLLM: ["LLM02"], owaspML: ["ML03"]))
            }
            return refined(
                result, threat, ids,
                "data store \(store.name) holds \(store.data) \(store.holdsWeights ? "" : "data "): \(exposure.rawValue) → \(threat.name)")
        }
        if exposure == .publicRead, result.threat == .misconfiguration, StorageExposure.isStorage(words, resource: context.resource) {
            return refined(
                result, .dataLoss, TaxonomyIDs(atlas: ["AML.T0036"], owaspLLM: ["LLM02"]),
                "publicly readable storage exposes the data in it → Data loss or compromise")
        }
        return nil
    }

    private func refined(_ result: MappingResult, _ threat: Threat, _ ids: TaxonomyIDs, _ reason: String) -> MappingResult? {
        guard threat != result.threat else { return nil }
        var taxonomy = ids
        taxonomy.merge(result.taxonomy)
        var moved = result
        moved.threat = threat
        moved.taxonomy = taxonomy
        moved.why = "\(result.why); resource context: \(reason.replacingOccurrences(of: "  ", with: " "))"
        moved.context = reason
        return moved
    }
}
