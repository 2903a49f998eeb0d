import Foundation
import TestSupport
import Testing

/// The console in tmux: the drill-down path on a large store, terminals, locales and colour.
@Suite(.serialized) struct NavigationEndToEndTests {
    static let utf8 = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    static func sampleStore() throws -> (binary: String, db: String) {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-e2e")
        let ingest = try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")])
        #expect(ingest.status == 0, "ingest failed: \(ingest.stderr)")
        return (binary, db)
    }

    /// Sends keys and waits for the screen they should produce; returns it and the seconds taken.
    static func step(_ tmux: Tmux, _ keys: String..., until predicate: (String) -> Bool) throws -> (String, Double) {
        let start = Date()
        for key in keys { try tmux.send(key) }
        let screen = try tmux.waitFor(predicate)
        return (screen, Date().timeIntervalSince(start))
    }

    @Test(
        "100,000 findings at 80×24: matrix → Enter → the cell's findings → detail → Esc → G (the true last row) → Esc, each step under a second",
        .enabled(if: TestStore.onSQLite, "a synthetic store built by SQL on a SQLite file"))
    func largeStorePath() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestPaths.temporaryDirectory("mlsoc-100k").appendingPathComponent("findings.db").path
        try SyntheticStore.make(path: db, findings: 100_000)
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 80, height: 24, environment: Self.utf8)
        let matrix = try tmux.waitFor { $0.contains("open 100,000") }
        #expect(matrix.contains("open 100,000"))
        // Malware distribution: row 10 of the matrix.
        for _ in 0..<9 { try tmux.send("j") }
        let (list, listTime) = try Self.step(tmux, "Enter") { $0.contains("threat:malware-distribution state:open") && $0.contains("Synthetic rule") }
        #expect(list.contains("200+"))
        let (detail, detailTime) = try Self.step(tmux, "Enter") { $0.contains("why here") && $0.contains("finding number") }
        #expect(detail.contains("Infrastructure / Malware distribution"))
        // G: the true last row of the cell, with its number.
        let (page, pageTime) = try Self.step(tmux, "Escape", "G") { screen in
            screen.split(separator: "\n").contains { $0.contains("row ") && $0.contains(" of ") && !$0.contains("row 1 of") }
        }
        let header = try #require(page.split(separator: "\n").first { $0.contains("row ") && $0.contains(" of ") })
        let numbers = header.split(separator: " ").compactMap { Int($0.replacingOccurrences(of: ",", with: "")) }
        #expect(numbers.count == 2 && numbers[0] == numbers[1] && numbers[0] > 400, "\(header)")
        let (back, backTime) = try Self.step(tmux, "Escape") { $0.contains("TARGET") && $0.contains("Unclassified") }
        #expect(back.contains("Malware distribution"))
        for (name, seconds) in [("list", listTime), ("detail", detailTime), ("last row", pageTime), ("back", backTime)] {
            #expect(seconds < 1.0, "\(name) took \(seconds) s")
        }
    }

    @Test("the drill-down path on the sample data reaches the detail with mapping, taxonomy and history")
    func detailPath() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try Self.sampleStore()
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 160, height: 48, environment: Self.utf8)
        try tmux.waitFor { $0.contains("Unclassified") }
        for _ in 0..<9 { try tmux.send("j") }
        try tmux.send("Enter")
        try tmux.waitFor { $0.contains("threat:malware-distribution") && $0.contains("crit") }
        try tmux.send("Enter")
        let detail = try tmux.waitFor { $0.contains("why here") && $0.contains("History") }
        #expect(detail.contains("│"), "160 columns split list and detail")
        #expect(detail.contains("created"))
        // The rendered detail (mlsoc render) matches the live one's facts.
        let render = try Shell.run([
            binary, "render", "--db", db, "--view", "findings", "--filter", "threat:malware-distribution state:open",
            "--detail", "--size", "160x48",
        ]).stdout
        #expect(render.contains("why here"))
        let firstID = render.split(separator: "\n").first { $0.contains("│ #") }.map { String($0.split(separator: "#")[1].prefix(4)) }
        #expect(firstID.map { detail.contains("#" + $0) } == true)
        // / filter with a typo shows the column inline, then a good one applies.
        try tmux.send("Escape", "/", "C-u")
        try tmux.send("-l", "tool:picklescan sev>=hgih")
        let error = try tmux.waitFor { $0.contains("unknown sev 'hgih'") }
        #expect(error.contains("^ unknown sev"))
        try tmux.send("BSpace", "BSpace", "BSpace", "BSpace")
        try tmux.send("-l", "high")
        try tmux.send("Enter")
        // The list rows (id, severity, …), once the filtered page has replaced the old one.
        let listRows = { (screen: String) in
            screen.split(separator: "\n").map(String.init)
                .filter { $0.range(of: #"^ *[0-9]+ (crit|high|med|low|info) "#, options: .regularExpression) != nil }
        }
        let filtered = try tmux.waitFor { screen in
            screen.contains("tool:picklescan sev>=high") && !listRows(screen).isEmpty && listRows(screen).allSatisfy { $0.contains("picklescan") }
        }
        let rows = listRows(filtered)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("picklescan") }, "\(filtered)")
        // : palette to another view and a theme.
        try tmux.send(":")
        try tmux.send("-l", "theme light")
        try tmux.send("Enter")
        try tmux.waitFor { $0.contains("theme light") }
        try tmux.send(":")
        try tmux.send("-l", "models")
        try tmux.send("Enter")
        let models = try tmux.waitFor { $0.contains("by risk") && $0.contains("sentiment-bert") }
        #expect(models.contains("sentiment-bert"))
    }

    @Test("each TERM starts, draws and quits cleanly", arguments: ["xterm", "xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func terminals(term: String) throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try Self.sampleStore()
        let tmux = try Tmux(
            command: "sh -c '\(binary) --db \(db); echo EXIT=$?; sleep 30'", width: 80, height: 24,
            environment: ["TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        let screen = try tmux.waitFor { $0.contains("Unclassified") }
        #expect(screen.contains("Malware distribution"), "\(term)")
        try tmux.send("q")
        #expect(try tmux.waitFor { $0.contains("EXIT=") }.contains("EXIT=0"), "\(term)")
    }

    @Test("LANG=C and TERM=vt100: ASCII borders and bars, no mojibake, still legible")
    func asciiTerminal() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try Self.sampleStore()
        let tmux = try Tmux(
            command: "\(binary) --db \(db)", width: 80, height: 24,
            environment: ["TERM": "vt100", "LANG": "C", "LC_ALL": "C"])
        let screen = try tmux.waitFor { $0.contains("Unclassified") }
        #expect(screen.contains("--------------------"))
        // No "?" stands in for a character the terminal lacks (the footer's "? help" is a key).
        #expect(!screen.contains("─") && !screen.contains("·") && !screen.replacingOccurrences(of: "? help", with: "").contains("?"))
        #expect(screen.contains("Malware distribution") && screen.contains("TARGET"))
        try tmux.send("?")
        let help = try tmux.waitFor { $0.contains("Everywhere") }
        #expect(help.contains("Down") && !help.contains("↓"))
    }

    @Test("TERM=dumb and an unknown TERM: a clear refusal that points to the text commands, not a blank screen")
    func dumbTerminal() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try Self.sampleStore()
        for term in ["dumb", "no-such-terminal"] {
            let tmux = try Tmux(
                command: "sh -c '\(binary) --db \(db); echo EXIT=$?; sleep 30'", width: 200, height: 24,
                environment: ["TERM": term, "LANG": "C.UTF-8"])
            let screen = try tmux.waitFor { $0.contains("EXIT=") }
            #expect(screen.contains("TERM=\(term)") && screen.contains("mlsoc report") && screen.contains("mlsoc findings"), "\(screen)")
            #expect(!screen.contains("EXIT=0"))
        }
    }

    @Test("NO_COLOR: attributes only, no colour escape in the pane")
    func noColor() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try Self.sampleStore()
        let colored = try Tmux(command: "\(binary) --db \(db)", width: 100, height: 30, environment: Self.utf8)
        try colored.waitFor { $0.contains("Unclassified") }
        let colours = try colored.captureWithEscapes()
        #expect(colours.contains("38;5;"), "the default theme uses 256 colours: \(colours.prefix(300).debugDescription)")
        var environment = Self.utf8
        environment["NO_COLOR"] = "1"
        let plain = try Tmux(command: "\(binary) --db \(db)", width: 100, height: 30, environment: environment)
        try plain.waitFor { $0.contains("Unclassified") }
        let escapes = try plain.captureWithEscapes()
        #expect(!escapes.contains("38;5;") && !escapes.contains("48;5;"))
        #expect(escapes.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|4[0-7]|9[0-7])m", options: .regularExpression) == nil)
        #expect(escapes.contains("\u{1B}[7m") || escapes.contains(";7m"), "the selection and header still stand out (reverse)")
    }

    @Test("a broken theme file names the line and the key, and the console falls back to dark")
    func brokenTheme() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try Self.sampleStore()
        let theme = try TestPaths.write("name: broken\nroles:\n  header: { fg: 255 }\n  heder: { fg: 1 }\n", name: "broken.yaml")
        let tmux = try Tmux(command: "\(binary) --db \(db) --theme \(theme)", width: 100, height: 30, environment: Self.utf8)
        let screen = try tmux.waitFor { $0.contains("Unclassified") && $0.contains("heder") }
        #expect(screen.contains("using the dark theme:") && screen.contains("broken.yaml:4: unknown role 'heder'"))
    }
}

@Suite(.serialized) struct LiveRefreshEndToEndTests {
    @Test("another process's ingest shows within a second or two, and the cursor stays on its finding")
    func liveRefresh() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try NavigationEndToEndTests.sampleStore()
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 160, height: 48, environment: NavigationEndToEndTests.utf8)
        try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        try tmux.send("3")
        try tmux.waitFor { $0.contains("all findings") && $0.contains("picklescan") }
        try tmux.send("j", "j", "j", "Enter")
        let before = try tmux.waitFor { $0.contains("why here") }
        let id = try #require(
            before.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "│ #") else { return nil }
                return String(line[range.upperBound...].prefix { $0.isNumber })
            }.first)
        let count = { (screen: String) in screen.split(separator: "\n").first.map(String.init) ?? "" }
        let headerBefore = count(before)
        // A new report (more findings, ranked above the cursor's) from another process.
        var lines = ["{\"schema\": \"mlsoc.report/1\", \"tool\": \"live-test\"}"]
        for index in 0..<5 {
            lines.append(
                "{\"schema\": \"mlsoc.finding/1\", \"rule\": \"L\(index)\", \"severity\": \"critical\", \"threat\": \"model-theft\", \"message\": \"live \(index)\"}"
            )
        }
        let report = try TestPaths.write(lines.joined(separator: "\n") + "\n", name: "live.jsonl")
        let start = Date()
        #expect(try Shell.run([binary, "ingest", "--db", db, report]).status == 0)
        let after = try tmux.waitFor(timeout: 5) { count($0) != headerBefore }
        let seconds = Date().timeIntervalSince(start)
        #expect(count(after) != headerBefore, "the header's totals changed")
        #expect(seconds < 2.5, "refresh took \(seconds) s")
        #expect(after.contains("│ #\(id) "), "the detail still shows finding \(id)")
    }
}
