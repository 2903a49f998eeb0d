import ConsoleUI
import Testing

@Suite struct ScreenBufferTests {
    @Test("hostile text is sanitised on the way into cells")
    func sanitises() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 1))
        buffer.put("a\u{1B}]52;c;ZXZpbA==\u{7}\u{202E}b", x: 0, y: 0)
        let text = buffer.rowText(0)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(text.hasPrefix("a\\x1B]52;c;"))
    }

    @Test("wide characters take two cells and are never cut in half")
    func wide() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        let used = buffer.put("模型安全", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer.rowText(0) == "模型 ")
        #expect(buffer[1, 0].isContinuation)
    }

    @Test("writes clip at the edges")
    func clipping() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 2))
        buffer.put("abcdef", x: 2, y: 1)
        buffer.put("zz", x: 0, y: 5)
        #expect(buffer.rowText(1) == "  ab")
        buffer.put("right", x: 0, y: 0, width: 4, alignRight: true)
        #expect(buffer.rowText(0) == "righ")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteWide() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.put("模", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.rowText(0) == " x  ")
    }
}
