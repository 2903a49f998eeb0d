import Foundation
import TestSupport
import Testing

/// Issue 23, cases 2–4: every byte that goes to a terminal from any command passes the sanitiser.
/// The payload carries OSC 0 (window title), OSC 52 (clipboard write of `rm -rf ~`), CSI, C1 CSI
/// (U+009B), OSC by C1 (U+009D) and a bidi override.
@Suite(.serialized, .timeLimit(.minutes(3))) struct OutputInjectionTests {
    static let title = "\u{1B}]0;PWNED-TITLE\u{07}"
    static let clipboard = "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"
    static let raw = title + clipboard + "\u{1B}[2J\u{9B}31m\u{9D}0;x\u{07}\u{202E}RTL"

    /// The raw bytes no terminal may receive from report text.
    static let forbidden: [[UInt8]] = [Array("\u{1B}]".utf8), Array("\u{1B}[2J".utf8), [0xC2, 0x9B], [0xC2, 0x9D], [0xE2, 0x80, 0xAE], [0x07]]

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    func store() throws -> (binary: String, db: String, dir: URL) {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let dir = try TestPaths.temporaryDirectory("mlsoc-output-injection")
        let json = { (text: String) -> String in
            String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: []), as: UTF8.self).dropFirst().dropLast().description
        }
        let payload = json(Self.raw)
        let report = """
            {"schema": "mlsoc.report/1", "tool": "evil"}
            {"schema": "mlsoc.finding/1", "rule": "r\(payload.dropFirst().dropLast())", "title": \(payload), "message": \(payload), "severity": "critical", "threat": "model-theft", "model": "![x](http://evil.example/t.png)"}
            {"schema": "mlsoc.finding/1", "rule": "r2", "title": "[click](http://evil.example)", "severity": "high", "threat": "model-theft", "model": "<img src=x onerror=alert(1)>"}

            """
        let path = dir.appendingPathComponent("evil.jsonl").path
        try report.write(toFile: path, atomically: true, encoding: .utf8)
        let db = try TestStore.location("mlsoc-output-injection")
        let ingest = try Shell.run([binary, "ingest", "--db", db, path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (binary, db, dir)
    }

    /// Runs a command in a pseudo-terminal (util-linux `script`) and returns what the terminal got.
    func inPty(_ arguments: [String], dir: URL) throws -> [UInt8] {
        let typescript = dir.appendingPathComponent("typescript-\(UUID().uuidString.prefix(6))").path
        let command = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let run = try Shell.run(["script", "-q", "-e", "-c", command, typescript])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return Array(try Data(contentsOf: URL(fileURLWithPath: typescript)))
    }

    @Test("findings --csv/--json, export --format csv/json/sarif/vex and report to a terminal carry none of the injected sequences")
    func dataOutputsToATerminal() throws {
        let (binary, db, dir) = try store()
        let commands: [[String]] = [
            ["findings", "--csv"], ["findings", "--json"], ["findings"], ["export", "--format", "csv"], ["export", "--format", "json"],
            ["export", "--format", "sarif"], ["export", "--format", "vex"], ["report"], ["report", "--format", "json"], ["models", "--json"],
        ]
        for command in commands {
            let bytes = try inPty([binary] + command + ["--db", db], dir: dir)
            #expect(bytes.count > 100, "\(command)")
            for needle in Self.forbidden {
                #expect(!Self.contains(bytes, needle), "\(command) sent \(needle) to the terminal")
            }
        }
    }

    @Test("JSON, SARIF and VEX escape C1 and bidi controls too (U+009B, U+009D, U+202E), even to a file; CSV to a file keeps the data")
    func jsonEscapesEverywhere() throws {
        let (binary, db, _) = try store()
        for format in ["json", "sarif", "vex"] {
            let run = try Shell.run([binary, "export", "--db", db, "--format", format])
            let bytes = Array(run.stdout.utf8)
            for needle in Self.forbidden { #expect(!Self.contains(bytes, needle), "\(format): \(needle)") }
            #expect(run.stdout.contains("\\u009B") || run.stdout.contains("\\u009b"), "\(format) keeps the character, escaped")
        }
        // A pipe or a file gets the data as stored (formula cells defused), not a display form.
        let csv = try Shell.run([binary, "export", "--db", db, "--format", "csv"])
        #expect(csv.stdout.contains(Self.clipboard))
    }

    @Test("report --format markdown renders no image, link or HTML from report text")
    func markdown() throws {
        let (binary, db, _) = try store()
        let run = try Shell.run([binary, "report", "--db", db, "--format", "markdown"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("![x](http"))
        #expect(!run.stdout.contains("<img"))
        #expect(!run.stdout.contains("[click](http"))
        #expect(!run.stdout.contains("http://evil.example"), "URLs are broken up so no renderer links them")
        #expect(run.stdout.contains("&lt;img src=x onerror=alert\\(1\\)&gt;"))
        #expect(run.stdout.contains("\\!\\[x\\]\\(http\\://evil.example/t.png\\)"))
    }

    @Test(
        "in tmux: a file named with OSC 0 and OSC 52 dropped into the inbox neither retitles the window nor reaches the terminal raw; its .error is sanitised"
    )
    func watchFileNames() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db, dir) = try store()
        let inbox = dir.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let good = "report" + Self.title + Self.clipboard + ".jsonl"
        try FileManager.default.copyItem(atPath: dir.appendingPathComponent("evil.jsonl").path, toPath: inbox.appendingPathComponent(good).path)
        try "not a report".write(to: inbox.appendingPathComponent("bad" + Self.title + ".sarif"), atomically: true, encoding: .utf8)
        let log = dir.appendingPathComponent("pane.log").path
        let tmux = try Tmux(
            command: "sh -c 'sleep 1; \(binary) watch --once --db \(db) \(inbox.path); echo EXIT=$?; sleep 30'", width: 160, height: 20,
            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        try tmux.pipe(to: log)
        let screen = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(screen.contains("ingested report\\x1B]0;PWNED-TITLE\\x07"))
        #expect(screen.contains("quarantined"))
        let title = try Shell.run(["tmux", "-L", tmux.socket, "display-message", "-p", "-t", tmux.session, "#{pane_title}"]).stdout
        #expect(!title.contains("PWNED"))
        let bytes = Array((try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data())
        #expect(!Self.contains(bytes, Array(Self.title.utf8)) && !Self.contains(bytes, Array(Self.clipboard.utf8)))
        let quarantine = inbox.appendingPathComponent("quarantine")
        let note = try #require(try FileManager.default.contentsOfDirectory(atPath: quarantine.path).first { $0.hasSuffix(".error") })
        let reason = Array(try Data(contentsOf: quarantine.appendingPathComponent(note)))
        #expect(!reason.contains(0x1B) && !reason.contains(0x07))
    }
}
