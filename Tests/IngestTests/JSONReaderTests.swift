import Foundation
import Ingest
import JSONStream
import Testing

@Suite struct JSONReaderTests {
    func reader(_ text: String) -> JSONReader {
        JSONReader(stream: ByteStream(bytes: Array(text.utf8)))
    }

    func reader(bytes: [UInt8]) -> JSONReader {
        JSONReader(stream: ByteStream(bytes: bytes))
    }

    @Test("the unchecked skips step over strings with escaped quotes and brackets, and nested containers, exactly")
    func uncheckedSkips() throws {
        let text = #"{"a": {"s": "x\"}]{[\\", "n": [[1], {"b": "]"}]}, "b": "q\"}", "c": [{"k": 1}, {"k": "]}"}, 3], "d": 7}"#
        let r = reader(text)
        #expect(try r.next() == .beginObject)
        #expect(try r.next() == .key("a"))
        try r.skipValueUnchecked()
        #expect(try r.next() == .key("b"))
        try r.skipValueUnchecked()
        #expect(try r.next() == .key("c"))
        #expect(try r.next() == .beginArray)
        #expect(try r.next() == .beginObject)
        #expect(try r.next() == .key("k"))
        #expect(try r.next() == .number("1"))
        #expect(try r.next() == .endObject)
        try r.skipRestOfContainerUnchecked()
        #expect(try r.next() == .endArray)
        #expect(try r.next() == .key("d"))
        #expect(try r.next() == .number("7"))
        #expect(try r.next() == .endObject)
        #expect(try r.next() == .end)
    }

    @Test("values parse as written")
    func values() throws {
        let value = try reader(#"{"a": [1, -2.5e3, true, false, null, "x\n\u00e9\ud83d\udd25"], "b": {}}"#).readValue()
        #expect(value["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null, .string("x\né🔥")]))
        #expect(value["b"] == .object([]))
    }

    @Test("a tree written back as JSON text parses to the same tree")
    func jsonText() throws {
        let source = #"{"a": [1, -2.5e3, true, null, "q\"uote\\ \u0001\n é"], "b": {"c": {}}}"#
        let value = try reader(source).readValue()
        #expect(try reader(value.jsonText).readValue() == value)
    }

    @Test("nesting 100,000 deep is refused with a limit error, not a crash")
    func deepNesting() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(throws: JSONError.self) { try reader(text).readValue() }
        #expect(error.message.contains("nesting deeper than 512"))
    }

    @Test("a 100,000-digit number is refused with a limit error")
    func hugeNumber() throws {
        let text = "[" + String(repeating: "9", count: 100_000) + "]"
        let error = try #require(throws: JSONError.self) { try reader(text).readValue() }
        #expect(error.message.contains("number longer"))
    }

    @Test("invalid UTF-8 in one string becomes U+FFFD and the rest still parses")
    func invalidUTF8() throws {
        var bytes = Array(#"["ok", "bad "#.utf8)
        bytes += [0xFF, 0xC0, 0x80]
        bytes += Array(#"", "after"]"#.utf8)
        let value = try reader(bytes: bytes).readValue()
        let items = try #require(value.array)
        #expect(items.count == 3)
        #expect(items[1].string?.contains("\u{FFFD}") == true)
        #expect(items[2] == .string("after"))
    }

    @Test("a lone surrogate escape becomes U+FFFD")
    func loneSurrogate() throws {
        #expect(try reader(#"["\ud800x"]"#).readValue() == .array([.string("\u{FFFD}x")]))
    }

    @Test(
        "malformed documents are errors with a place",
        arguments: [
            "", "{", "[1,]", "{\"a\" 1}", "[01]", "[1.]", "tru", "\"abc", "{\"a\":1} x", "[\"\u{01}\"]", "{1: 2}",
        ])
    func malformed(text: String) throws {
        let error = try #require(throws: JSONError.self) {
            let r = reader(text)
            _ = try r.readValue()
            _ = try r.next()
        }
        #expect(error.line >= 1)
    }

    @Test("several documents back to back, when allowed")
    func multipleDocuments() throws {
        let r = reader("{\"a\": 1} {\"a\": 2}\n[3]")
        r.allowsMultipleDocuments = true
        var values: [JSONValue] = []
        repeat {
            values.append(try r.readValue())
            #expect(try r.next() == .end)
        } while try r.hasMoreDocuments()
        #expect(values.count == 3)
    }

    @Test("skipValue and forEachMember stream without building trees")
    func streaming() throws {
        let r = reader(#"{"skip": {"deep": [1, [2, {"x": 3}]]}, "keep": [10, 20]}"#)
        var kept: [JSONValue] = []
        try r.forEachMember { key in
            if key == "keep" {
                try r.forEachElement { kept.append(try r.readValue()) }
            } else {
                try r.skipValue()
            }
        }
        #expect(kept == [.number("10"), .number("20")])
    }
}
