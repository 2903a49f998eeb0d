import ConsoleUI
import Findings
import TestSupport
import Testing

/// Issue 23, case 1: a character made of several code points (typed one scalar per key, as the
/// terminal delivers them) crashed the `/` filter, the `:` palette, the triage forms and the
/// dashboard with "Array index is out of range". Text editing works on grapheme clusters.
@Suite struct PromptUnicodeTests {
    static let samples: [(String, String)] = [
        ("e + combining acute", "e\u{301}"),
        ("thumbs up, skin tone", "👍🏽"),
        ("flag (two regional indicators)", "🇩🇪"),
        ("ZWJ family", "👨‍👩‍👧‍👦"),
        ("Devanagari conjunct", "क्ष"),
    ]

    static func type(_ text: String, into state: inout AppState) {
        for scalar in text.unicodeScalars { _ = Reducer.reduce(&state, .key(.character(Character(scalar)))) }
    }

    @Test("typed one scalar at a time, then more keys: no crash, the cursor stays inside the text", arguments: samples)
    func clusters(name: String, text: String) {
        for opener in ["/", ":", "A"] as [Character] {
            var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
            _ = Reducer.reduce(&state, .key(.character(opener)))
            Self.type("x" + text, into: &state)
            _ = Reducer.reduce(&state, .key(.character("y")))
            for key: Key in [.left, .left, .character("z"), .backspace, .home, .delete, .end, .control("w"), .character("q")] {
                _ = Reducer.reduce(&state, .key(key))
                _ = Renderer.render(state)
            }
            let editor = opener == "A" ? state.form?.fields.first?.editor : state.prompt
            let prompt = try? #require(editor, "\(name) in \(opener)")
            if let prompt { #expect((0...prompt.text.count).contains(prompt.cursor), "\(name) in \(opener)") }
        }
    }

    @Test("↑ and ↓ in a triage form's free-text field (no choices) edit nothing and do not crash (found by the prompt fuzz target)")
    func arrowsInFreeText() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = Reducer.reduce(&state, .key(.character("A")))
        Self.type("vendor fix", into: &state)
        _ = Reducer.reduce(&state, .key(.up))
        _ = Reducer.reduce(&state, .key(.down))
        #expect(state.form?.fields.first?.editor.text == "vendor fix")
    }

    @Test("the typed text is the clusters typed: e + U+0301 is one character é, and the next key comes after it")
    func joined() {
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = Reducer.reduce(&state, .key(.character("/")))
        Self.type("e\u{301}x", into: &state)
        #expect(state.prompt?.text == "éx")
        #expect(state.prompt?.cursor == 2)
        _ = Reducer.reduce(&state, .key(.backspace))
        _ = Reducer.reduce(&state, .key(.backspace))
        #expect(state.prompt?.text == "")
    }

    @Test("20,000 random keys of arbitrary Unicode and editing keys through the real reducer and renderer")
    func random() {
        var generator = SeededGenerator(seed: 23)
        let editing: [Key] = [.left, .right, .home, .end, .backspace, .delete, .control("u"), .control("k"), .control("w"), .tab, .up, .down]
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x300...0x36F, 0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0x1F440...0x1F64F,
            0x900...0x97F, 0x200B...0x200F, 0x202A...0x202E, 0xFE00...0xFE0F,
        ]
        var state = Fixture.state(Size(width: 80, height: 24), view: .findings)
        _ = Reducer.reduce(&state, .key(.character("/")))
        for _ in 0..<20_000 {
            if state.prompt == nil { _ = Reducer.reduce(&state, .key(.character("/"))) }
            let roll = generator.next() % 10
            if roll < 3 {
                _ = Reducer.reduce(&state, .key(editing[Int(generator.next() % UInt64(editing.count))]))
            } else {
                let pool = pools[Int(generator.next() % UInt64(pools.count))]
                let value = pool.lowerBound + UInt32(generator.next() % UInt64(pool.upperBound - pool.lowerBound + 1))
                if let scalar = Unicode.Scalar(value) { _ = Reducer.reduce(&state, .key(.character(Character(scalar)))) }
            }
            if let prompt = state.prompt { #expect((0...prompt.text.count).contains(prompt.cursor)) }
            if generator.next() % 50 == 0 { _ = Renderer.render(state) }
        }
    }
}
