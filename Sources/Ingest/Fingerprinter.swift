import FindingStore
import Findings

/// Turns a fingerprint key into the stored 16-byte fingerprint (SHA-256, truncated: collisions
/// stay negligible at billions of findings and rows stay small).
public enum Fingerprinter {
    public static func fingerprint(_ key: FingerprintKey) -> Fingerprint {
        let digest = SHA256.hash(key.canonical)
        return Fingerprint(bytes: Array(digest.prefix(16)))
    }
}
