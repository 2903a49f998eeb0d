import Testing

@testable import Ingest

/// The byte path of the SARIF fingerprint anchor must give exactly what the Character path gave:
/// fingerprints made before it must still match.
@Suite struct SnippetAnchorTests {
    @Test(
        "the fast anchor equals the Character anchor",
        arguments: [
            "", "\n\n", "   \n\t\n", "import pickle\n", "  \t model = pickle.load(f)  \n next", "\n\n  x = 1\t \ny",
            "\u{0B}\n\u{0C}\nvalue", "\u{0B}abc \t", "a\r\nb", "\r\n  x\r\n", "  héllo  \nworld", "\u{00A0}nbsp\u{00A0}",
            "\u{2003}em space\nx", "tab\tinside\n", "only\n", "   ", "x\u{0301}\n", "line one\nline two",
        ])
    func same(snippet: String) {
        #expect(SARIFRun.anchor(snippet) == SARIFRun.characterAnchor(snippet))
    }

    @Test("random ASCII snippets agree too")
    func randomASCII() {
        var state: UInt64 = 42
        let alphabet: [Character] = ["a", "b", " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "#", "="]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<(Int(state % 20)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int((state >> 33) % UInt64(alphabet.count))])
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1
            #expect(SARIFRun.anchor(text) == SARIFRun.characterAnchor(text), "\(Array(text.unicodeScalars))")
        }
    }
}
