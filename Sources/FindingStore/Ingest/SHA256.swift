import COpenSSL

/// SHA-256 through the system's libcrypto (OpenSSL's EVP interface): streamed over a report's
/// bytes, or at once over a fingerprint key. See docs/DECISIONS.md for why not swift-crypto.
package struct SHA256: ~Copyable {
    private let context: OpaquePointer

    package init() {
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto: out of memory for a digest context") }
        // Only fails for an unknown digest or no memory; SHA-256 is built into every libcrypto.
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { fatalError("libcrypto: SHA-256 unavailable") }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// The 32-byte digest; the hasher is used up.
    package consuming func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        digest.withUnsafeMutableBufferPointer { buffer in
            _ = EVP_DigestFinal_ex(context, buffer.baseAddress, &length)
        }
        precondition(length == 32, "libcrypto: SHA-256 gave \(length) bytes")
        return digest
    }

    /// The digest of `bytes` in one call (no context to allocate: a fingerprint per finding).
    package static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let done = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        precondition(done == 1 && length == 32, "libcrypto: SHA-256 failed")
        return digest
    }
}
