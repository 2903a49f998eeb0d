import Foundation
import TestSupport
import Testing

/// The built binary in a real pseudo-terminal (tmux), on a store filled by `mlsoc ingest`.
@Suite(.serialized) struct ConsoleEndToEndTests {
    struct Fixture {
        let binary: String
        let db: String
    }

    func fixture() throws -> Fixture {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-e2e")
        let ingest = try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")])
        #expect(ingest.status == 0, "ingest failed: \(ingest.stderr)")
        return Fixture(binary: binary, db: db)
    }

    static let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var s = String(line)
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    @Test("the console shows what `mlsoc render` shows, moves, and quits cleanly on q")
    func consoleMatchesRender() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let f = try fixture()
        let expected = try Shell.run([f.binary, "render", "--db", f.db, "--size", "100x30"]).stdout
        #expect(expected.contains("Misconfiguration"))
        let tmux = try Tmux(
            command: "sh -c '\(f.binary) --db \(f.db); echo EXIT=$?; sleep 30'", width: 100, height: 30,
            environment: Self.environment)
        let rendered = lines(expected)
        let misconfiguration = try #require(rendered.first { $0.contains("Misconfiguration") })
        let screen = try tmux.waitFor { $0.contains(misconfiguration) }
        let shown = lines(screen)
        for index in 1..<22 {
            #expect(shown[index] == rendered[index], "row \(index) differs")
        }
        // Every sample finding has a cell (issue 17): the unclassified row is empty.
        let unclassified = try #require(shown.first { $0.contains("Unclassified") && $0.contains("·") })
        #expect(unclassified.split(separator: " ").allSatisfy { !$0.allSatisfy(\.isNumber) })
        try tmux.send("j")
        try tmux.send("q")
        let after = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
    }

    @Test("Ctrl-Z hands the terminal to the shell (cooked, echo on); fg repaints the console; q quits")
    func ctrlZSuspends() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let f = try fixture()
        let tmux = try Tmux(command: "bash --norc --noprofile -i", width: 100, height: 30, environment: Self.environment)
        try tmux.send("PS1='SHELL$ '", "Enter")
        try tmux.send("\(f.binary) --db \(f.db)", "Enter")
        try tmux.waitFor { $0.contains("Unclassified") }
        try tmux.send("C-z")
        let stopped = try tmux.waitFor { $0.contains("Stopped") }
        #expect(stopped.contains("Stopped"))
        try tmux.send("echo RAW=$(stty -a | grep -c -- '-icanon') ECHO=$(stty -a | grep -c -- ' echo ')", "Enter")
        let shell = try tmux.waitFor { $0.contains("RAW=0") || $0.contains("RAW=1") }
        #expect(shell.contains("RAW=0 ECHO=1"), "cooked mode and echo while stopped: \(shell)")
        try tmux.send("fg", "Enter")
        let back = try tmux.waitFor { $0.contains("Unclassified") && $0.contains("TARGET") }
        #expect(back.contains("Malware distribution"))
        try tmux.send("q")
        try tmux.send("echo EXIT=$?", "Enter")
        #expect(try tmux.waitFor { $0.contains("EXIT=0") }.contains("EXIT=0"))
    }

    @Test("SIGTERM restores the terminal: cooked mode and echo are back")
    func sigterm() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let f = try fixture()
        let tmux = try Tmux(
            command: "sh -c '\(f.binary) --db \(f.db); echo EXIT=$?; stty -a; sleep 30'", width: 100, height: 30,
            environment: Self.environment)
        try tmux.waitFor { $0.contains("Unclassified") }
        let pids = try Shell.run(["pgrep", "-f", "^\(f.binary) --db \(f.db)$"]).stdout.split(separator: "\n")
        let pid = try #require(pids.first, "the console process was not found")
        try Shell.run(["kill", "-TERM", String(pid)])
        let screen = try tmux.waitFor { $0.contains("EXIT=") && $0.contains("icanon") }
        #expect(screen.contains("EXIT=143"))
        #expect(screen.contains(" icanon") && !screen.contains("-icanon"))
        #expect(screen.contains(" echo ") && !screen.contains("-echo "))
    }

    @Test("resizing below 80×24 shows the size needed; resizing back restores the matrix")
    func resize() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let f = try fixture()
        let tmux = try Tmux(command: "\(f.binary) --db \(f.db)", width: 100, height: 30, environment: Self.environment)
        try tmux.waitFor { $0.contains("Unclassified") }
        try tmux.resize(width: 60, height: 20)
        let small = try tmux.waitFor { $0.contains("need 80×24") }
        #expect(small.contains("need 80×24, have 60×20"))
        try tmux.resize(width: 90, height: 26)
        let back = try tmux.waitFor { $0.contains("Unclassified") }
        #expect(back.contains("Misconfiguration") && !back.contains("need 80×24"))
    }

    @Test("bad input: one line naming the file, non-zero exit, store unchanged")
    func badInput() throws {
        let f = try fixture()
        let before = try Shell.run([f.binary, "render", "--db", f.db, "--size", "100x30"]).stdout
        let garbage = try TestPaths.write("this is not a report\n", name: "garbage.sarif")
        let result = try Shell.run([f.binary, "ingest", "--db", f.db, garbage])
        #expect(result.status != 0)
        let errorLines = result.stderr.split(separator: "\n")
        #expect(errorLines.count == 1)
        #expect(errorLines.first?.contains(garbage) == true)
        #expect(try Shell.run([f.binary, "render", "--db", f.db, "--size", "100x30"]).stdout == before)
    }
}

@Suite(.serialized) struct DrillDownEndToEndTests {
    @Test("matrix → Enter on a cell → its findings → Esc back, in tmux")
    func drillDown() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-e2e")
        _ = try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")])
        let tmux = try Tmux(
            command: "\(binary) --db \(db)", width: 100, height: 30,
            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        try tmux.waitFor { $0.contains("Unclassified") }
        // Malware distribution is row 10 of the matrix (0-based 9).
        for _ in 0..<9 { try tmux.send("j") }
        let expected = try Shell.run([
            binary, "render", "--db", db, "--view", "findings", "--threat", "malware-distribution",
            "--filter", "state:open", "--size", "100x30",
        ]).stdout
        let rows = { (text: String) in text.split(separator: "\n").dropFirst(2).dropLast().map { $0.trimmingCharacters(in: .whitespaces) } }
        try tmux.send("Enter")
        // Wait for the whole frame: a capture can land while ncurses is still painting it (seen
        // under the load of the full suite), so a half-drawn list must not count.
        let list = try tmux.waitFor { $0.contains("threat:malware-distribution state:open") && rows($0) == rows(expected) }
        #expect(list.contains("crit"))
        #expect(rows(list) == rows(expected), "the console's list is what `mlsoc render` prints")
        try tmux.send("Escape")
        let back = try tmux.waitFor { $0.contains("TARGET") && $0.contains("Unclassified") }
        #expect(back.contains("TARGET"))
    }
}
