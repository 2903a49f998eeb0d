import FindingStore
import Findings
import Foundation
import TestSupport
import Testing

@testable import Ingest

/// SHA-256 through libcrypto: the FIPS 180 examples, streaming in any chunking, a file hash equal
/// to sha256sum's, and fingerprints unchanged from the swift-crypto days.
@Suite struct SHA256Tests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test(
        "the FIPS 180-2 examples",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ])
    func examples(text: String, digest: String) {
        #expect(Self.hex(SHA256.hash(Array(text.utf8))) == digest)
    }

    @Test("a million 'a's, streamed in uneven chunks, give the published digest")
    func streamed() {
        var hasher = SHA256()
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var offset = 0
        var chunk = 1
        bytes.withUnsafeBytes { all in
            while offset < all.count {
                let end = min(all.count, offset + chunk)
                hasher.update(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                offset = end
                chunk = chunk * 3 % 65_537 + 1
            }
        }
        #expect(Self.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a report's hash equals sha256sum of the file")
    func file() throws {
        let path = TestPaths.sample("reports")
        let report = try #require(
            FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String }
                .sorted().first { $0.hasSuffix(".sarif") || $0.hasSuffix(".json") })
        let full = path + "/" + report
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let ours = Self.hex(try ingestor.sha256(path: full))
        let theirs = try Shell.run(["sha256sum", full]).stdout.split(separator: " ").first.map(String.init)
        #expect(ours == theirs)
    }

    @Test("a fingerprint is the first 16 bytes of SHA-256 of the length-prefixed key (as Python's hashlib says)")
    func fingerprint() {
        // python3 -c "import hashlib; p=['bandit','B301','app/load.py','pickle.load(f)'];
        //   print(hashlib.sha256(b''.join(str(len(x)).encode()+b':'+x.encode()+b'\\x1f' for x in p)).hexdigest()[:32])"
        let key = FingerprintKey(["bandit", "B301", "app/load.py", "pickle.load(f)"])
        #expect(Self.hex(Fingerprinter.fingerprint(key).bytes) == "c62f70f48b4df5cbe052d8b4ea0d45da")
    }
}
