import Testing

@testable import Ingest

/// The mapping's word search (memchr and memcmp over lowered bytes) finds exactly what a plain
/// search finds: at the start, at the end, overlapping first bytes, words longer than the text.
@Suite struct LoweredSearchTests {
    static func plain(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    @Test func findsWhatAPlainSearchFinds() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var found = 0
        for _ in 0..<5_000 {
            // A small alphabet, so words recur and first bytes repeat.
            let text = String((0..<next(40)).map { _ in Character(Unicode.Scalar(UInt8(97 + next(3)))) })
            let word = Array((0..<next(5)).map { _ in UInt8(97 + next(3)) })
            let lowered = StorageExposure.Lowered(text)
            let expected = Self.plain(lowered.bytes, word)
            #expect(lowered.contains(word) == expected, "\(text) / \(String(decoding: word, as: UTF8.self))")
            if expected { found += 1 }
        }
        #expect(found > 1_000 && found < 4_900)
    }

    @Test func edges() {
        let text = StorageExposure.Lowered("Bucket ACL = \"public-read\"")
        #expect(text.contains(Array("acl = \"public-read".utf8)))
        #expect(text.contains(Array("bucket".utf8)) && text.contains(Array("read\"".utf8)))
        #expect(!text.contains(Array("public-read\"x".utf8)))
        #expect(!StorageExposure.Lowered("").contains(Array("a".utf8)))
        #expect(StorageExposure.Lowered("").contains([]))
        #expect(!StorageExposure.Lowered("aa").contains(Array("aaa".utf8)))
        #expect(StorageExposure.Lowered("aab").contains(Array("ab".utf8)))
    }
}
