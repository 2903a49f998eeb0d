import Findings
import Testing

@Suite struct TextSanitizerTests {
    @Test("named C0 controls become their backslash names")
    func namedControls() {
        #expect(TextSanitizer.sanitize("a\nb\rc\td\u{8}e") == "a\\nb\\rc\\td\\be")
    }

    @Test("other C0 controls, ESC among them, and DEL become \\xHH")
    func otherC0AndDelete() {
        #expect(TextSanitizer.sanitize("\u{1B}[31mred") == "\\x1B[31mred")
        #expect(TextSanitizer.sanitize("bell\u{7}") == "bell\\x07")
        #expect(TextSanitizer.sanitize("nul\u{0}") == "nul\\x00")
        #expect(TextSanitizer.sanitize("del\u{7F}") == "del\\x7F")
    }

    @Test("C1 controls, CSI and OSC introducers among them, are escaped", arguments: [0x80, 0x85, 0x9B, 0x9D, 0x9F] as [UInt32])
    func c1Controls(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let out = TextSanitizer.sanitize("x" + String(Character(scalar)) + "y")
        #expect(!out.unicodeScalars.contains(scalar))
        #expect(out.hasPrefix("x\\u{") && out.hasSuffix("}y"))
    }

    @Test(
        "bidi controls are escaped",
        arguments: [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] as [UInt32])
    func bidiControls(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let out = TextSanitizer.sanitize("abc" + String(Character(scalar)) + "def")
        #expect(!out.unicodeScalars.contains(scalar))
        #expect(out.contains("\\u{"))
    }

    @Test(
        "zero-width and other format characters are escaped", arguments: [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x2028, 0x2029] as [UInt32])
    func zeroWidth(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let out = TextSanitizer.sanitize("a" + String(Character(scalar)) + "b")
        #expect(!out.unicodeScalars.contains(scalar))
    }

    @Test("printable text passes unchanged")
    func printable() {
        for text in ["plain ASCII ~!@#", "Grüße", "模型安全", "🔥 risk", "e\u{301}"] {
            #expect(TextSanitizer.sanitize(text) == text)
        }
    }

    @Test("no unsafe scalar survives, over the whole BMP")
    func nothingUnsafeRemains() {
        var text = String.UnicodeScalarView()
        for value in UInt32(0)..<0x1_0000 {
            if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        }
        let out = TextSanitizer.sanitize(String(text))
        #expect(out.unicodeScalars.allSatisfy { !TextSanitizer.isUnsafe($0) })
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}
