import Crypto
import Findings

/// Turns a fingerprint key into the stored 16-byte fingerprint (SHA-256, truncated: collisions
/// stay negligible at billions of findings and rows stay small).
public enum Fingerprinter {
    public static func fingerprint(_ key: FingerprintKey) -> Fingerprint {
        let digest = SHA256.hash(data: key.canonical)
        return Fingerprint(bytes: Array(digest.prefix(16)))
    }
}

/// Keeps repeated identities inside one report apart: the second identical key gets an occurrence
/// number, stable as long as the tool reports them in the same order.
struct OccurrenceCounter {
    private var seen: [[UInt8]: Int] = [:]

    mutating func fingerprint(_ key: FingerprintKey) -> Fingerprint {
        let canonical = key.canonical
        let count = seen[canonical, default: 0]
        seen[canonical] = count + 1
        guard count > 0 else { return Fingerprinter.fingerprint(key) }
        return Fingerprinter.fingerprint(FingerprintKey(key.parts + ["#\(count)"]))
    }
}
