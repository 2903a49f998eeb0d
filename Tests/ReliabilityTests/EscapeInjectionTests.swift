import Foundation
import TestSupport
import Testing

/// Reports whose every string carries terminal control sequences, shown by the real console in a
/// pty; the raw byte stream it writes must hold no control sequence but those ncurses emits for
/// our own drawing (an allow-list built from terminfo), and none of the injected ones.
@Suite(.serialized) struct EscapeInjectionTests {
    /// ESC, CSI, OSC 0/8/52, DCS, C1, BEL, CR, BS, bidi and zero-width characters, as JSON escapes.
    static let payload =
        #"\u001b[2J\u001b[?1049l\u001b]0;PWNED-TITLE\u0007\u001b]8;;http://evil.example/\u001b\\link\u001b]8;;\u001b\\\u001b]52;c;ZXZpbA==\u0007\u001bP1$qm\u001b\\\u009b31m\u0090\u0007\r\b\u202eRTL\u2066\u200b\ufeffEND"#

    static func report() -> String {
        let p = payload
        var lines = [#"{"schema": "mlsoc.report/1", "tool": "evil\#(p)", "version": "\#(p)", "category": "\#(p)"}"#]
        for index in 0..<5 {
            lines.append(
                #"{"schema": "mlsoc.finding/1", "rule": "R\#(index)\#(p)", "title": "T\#(index)\#(p)", "message": "M\#(index)\#(p)", "severity": "critical", "threat": "model-theft", "model": "model\#(p)", "artifact": "a\#(p)", "location": {"path": "p\#(p)", "line": 3}, "evidence": "E\#(p)\nsecond line\#(p)", "cwe": ["502"], "owasp_llm": ["LLM01"]}"#
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSI final bytes and two-character ESC sequences that terminfo says this terminal uses.
    static func allowList(term: String) throws -> (csiFinals: Set<UInt8>, escapes: Set<UInt8>) {
        let info = try Shell.run(["infocmp", "-1", "-x", term]).stdout
        var csi: Set<UInt8> = []
        var escapes: Set<UInt8> = []
        for line in info.split(separator: "\n") where line.contains("=") {
            let value = line.split(separator: "=", maxSplits: 1)[1].replacingOccurrences(of: "\\E", with: "\u{1B}")
            let bytes = Array(value.utf8)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == 0x1B, index + 1 < bytes.count else {
                    index += 1
                    continue
                }
                if bytes[index + 1] == UInt8(ascii: "[") {
                    var end = index + 2
                    // Skip parameters and terminfo's %-expressions up to the final byte (@ to ~).
                    while end < bytes.count {
                        let b = bytes[end]
                        if b == UInt8(ascii: "%"), end + 1 < bytes.count {
                            end += 2
                            continue
                        }
                        if (0x40...0x7E).contains(b) { break }
                        end += 1
                    }
                    if end < bytes.count { csi.insert(bytes[end]) }
                    index = end + 1
                } else {
                    escapes.insert(bytes[index + 1])
                    index += 2
                }
            }
        }
        return (csi, escapes)
    }

    /// Every problem in a raw output stream.
    static func violations(_ stream: [UInt8], allowed: (csiFinals: Set<UInt8>, escapes: Set<UInt8>)) -> [String] {
        var problems: [String] = []
        var index = 0
        while index < stream.count {
            let byte = stream[index]
            if byte == 0x1B, index + 1 < stream.count {
                let next = stream[index + 1]
                switch next {
                case UInt8(ascii: "["):
                    var end = index + 2
                    while end < stream.count, !(0x40...0x7E).contains(stream[end]) { end += 1 }
                    if end < stream.count, !allowed.csiFinals.contains(stream[end]) {
                        problems.append("CSI ending in '\(Character(Unicode.Scalar(stream[end])))' at byte \(index)")
                    }
                    index = end + 1
                    continue
                case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
                    problems.append("string control sequence ESC \(Character(Unicode.Scalar(next))) at byte \(index)")
                default:
                    if !allowed.escapes.contains(next) { problems.append("ESC \(Character(Unicode.Scalar(next))) at byte \(index)") }
                }
                index += 2
                continue
            }
            if byte == 0x07 { problems.append("BEL at byte \(index)") }
            index += 1
        }
        // Raw C1 controls, bidi and zero-width characters, decoded as the terminal would.
        for scalar in String(decoding: stream, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            if (0x80...0x9F).contains(v) || [0x202E, 0x2066, 0x200B, 0xFEFF].contains(v) {
                problems.append("raw U+\(String(v, radix: 16, uppercase: true))")
            }
        }
        return problems
    }

    @Test("the console shows hostile report text only through the sanitiser", arguments: ["xterm-256color", "screen-256color", "vt100"])
    func console(term: String) throws {
        try #require(Tmux.available, "tmux is needed")
        let binary = try #require(Shell.mlsocBinary)
        let base = try TestPaths.temporaryDirectory("mlsoc-escape")
        let db = try TestStore.location("mlsoc-escape")
        let report = base.appendingPathComponent("evil.jsonl").path
        try Self.report().write(toFile: report, atomically: true, encoding: .utf8)
        let ingest = try Shell.run([binary, "ingest", "--db", db, report])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stdout.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) }, "the CLI printed raw escapes")
        let capture = base.appendingPathComponent("pty.raw").path
        let tmux = try Tmux(
            command: "\(binary) --db \(db)", width: 160, height: 48,
            environment: ["TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        try tmux.pipe(to: capture)
        try tmux.send("r")
        try tmux.waitFor { $0.contains("Model theft") && !$0.contains("loading") }
        // Matrix → the cell → a finding's detail → the audit log → models and a model's detail → ingest.
        try tmux.send("j", "j", "Enter")
        let list = try tmux.waitFor { $0.contains("T0") }
        try tmux.send("Enter")
        let detail = try tmux.waitFor { $0.contains("Evidence") }
        try tmux.send("5")
        try tmux.waitFor { $0.contains("created") }
        try tmux.send("2")
        try tmux.waitFor { $0.contains("by risk") && $0.contains("model") }
        try tmux.send("Enter")
        try tmux.waitFor { $0.contains("Score") }
        try tmux.send("4")
        try tmux.waitFor { $0.contains("Recent scans") && $0.contains("evil") }
        try tmux.send("q")
        Thread.sleep(forTimeInterval: 0.5)
        let stream = Array(try Data(contentsOf: URL(fileURLWithPath: capture)))
        #expect(stream.count > 1_000, "the capture holds the session")
        let problems = Self.violations(stream, allowed: try Self.allowList(term: term))
        #expect(problems.isEmpty, "\(term): \(problems.prefix(10))")
        // The injected text is there, visibly escaped, and the layout held (rows intact).
        #expect(list.contains("\\x1B") || list.contains("\\e") || list.contains("\\u{1B}"), "\(list.prefix(400))")
        #expect(!stream.containsSequence(Array("]0;PWNED-TITLE".utf8), after: 0x1B))
        #expect(detail.split(separator: "\n").count == 48)
    }

    @Test("the checker is not a rubber stamp")
    func checkerFails() throws {
        let allowed = try Self.allowList(term: "xterm-256color")
        #expect(allowed.csiFinals.contains(UInt8(ascii: "m")) && allowed.csiFinals.contains(UInt8(ascii: "H")))
        let bad = Array("ok\u{1B}]0;title\u{07}\u{1B}[2J\u{1B}P1$q\u{1B}\\\u{9B}x\u{202E}".utf8)
        let problems = Self.violations(bad, allowed: allowed)
        #expect(problems.contains { $0.hasPrefix("string control sequence ESC ]") })
        #expect(problems.contains { $0.hasPrefix("string control sequence ESC P") })
        #expect(problems.contains("raw U+9B") && problems.contains("raw U+202E"))
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` follows a byte equal to `after` somewhere in the array.
    func containsSequence(_ needle: [UInt8], after: UInt8) -> Bool {
        guard needle.count < count else { return false }
        for start in 1..<(count - needle.count + 1) where self[start - 1] == after && Array(self[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }
}
