import ConsoleApp
import ConsoleUI
import FindingStore
import Findings
import Foundation
import TestSupport
import Testing

/// The console's run loop (`ConsoleSession` and its effect loop) on a real store, driven by a
/// `ScriptedTerminal`: what used to need tmux (type-ahead, kiosk rotation, theme changes, a store
/// replaced under a running dashboard, the reloads a triage causes).
@Suite(.serialized) struct RunLoopTests {
    /// A store of the sample reports, ingested by the real binary, copied for each test (tests write).
    static let sample: String? = {
        guard let binary = Shell.mlsocBinary, let directory = try? TestPaths.temporaryDirectory("mlsoc-runloop") else { return nil }
        let db = directory.appendingPathComponent("sample.db").path
        guard (try? Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")]).status) == 0 else { return nil }
        // One file: the copies must not need the -wal beside them.
        _ = try? FindingStore(path: db).pragma("wal_checkpoint(TRUNCATE)")
        return db
    }()

    /// A store of its own for a test: a copy of the sample file, or on PostgreSQL a new database
    /// the binary ingests the sample reports into.
    func storeCopy() throws -> String {
        if !TestStore.onSQLite {
            let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
            let location = try TestStore.location("mlsoc-runloop")
            let ingest = try Shell.run([binary, "ingest", "--db", location, TestPaths.sample("reports")])
            try #require(ingest.status == 0, "\(ingest.stderr)")
            return location
        }
        let sample = try #require(Self.sample, "build first: swift build (make test does)")
        let copy = try TestPaths.temporaryDirectory("mlsoc-runloop").appendingPathComponent("store.db").path
        try FileManager.default.copyItem(atPath: sample, toPath: copy)
        return copy
    }

    static let size = Size(width: 120, height: 40)

    static func loadTheme(_ name: String) -> Result<Theme, ThemeError> {
        Result { () throws(ThemeError) in try ThemeCatalog.load(name, environment: [:]) }
    }

    @Test("type-ahead: Enter pressed while the findings list is still loading opens its first row once it arrives")
    func typeAhead() throws {
        let store = try TestStore.open(try storeCopy())
        let terminal = ScriptedTerminal(
            size: Self.size,
            script: [
                .waitFor("Malware distribution"), .type("3"), .key(.enter), .waitFor("Message"), .type("q"),
            ])
        let session = ConsoleSession(store: store, writer: store, terminal: terminal, glyphs: .unicode)
        #expect(session.run() == .quit)
        #expect(terminal.misses.isEmpty, "\(terminal.screen)")
        #expect(terminal.screen.contains("why here"))
    }

    @Test("a paste typed as keys (no bracketed paste) is one edit and one frame, not one per character; the limit is said on screen")
    func pasteAsKeys() throws {
        let store = try TestStore.open(try storeCopy())
        let paste = String(repeating: "tool:garak ", count: 910)  // 10,010 characters, past the limit
        let terminal = ScriptedTerminal(
            size: Self.size,
            script: [
                .waitFor("Malware distribution"), .type("3"), .waitFor("sort: severity"), .type("/"), .pause(.milliseconds(100)),
                .type(paste), .pause(.milliseconds(100)), .key(.escape), .type("q"),
            ])
        let session = ConsoleSession(store: store, writer: store, terminal: terminal, glyphs: .unicode)
        #expect(session.run() == .quit)
        #expect(terminal.misses.isEmpty, "\(terminal.screen)")
        // The first frame with any of the paste has all of it that fits, and the message.
        let first = try #require(terminal.frames.first { $0.plainText.contains("tool:garak") })
        #expect(first.plainText.contains("at most 4096 characters"), "\(first.plainText)")
    }

    @Test("the next session starts where this one ended: its view, its filter and command histories (a state file, owner-only)")
    func sessionMemory() throws {
        let store = try TestStore.open(try storeCopy())
        let state = try TestPaths.temporaryDirectory("mlsoc-state")
        let memory = ConsoleMemory(environment: ["XDG_STATE_HOME": state.path])
        let first = ScriptedTerminal(
            size: Self.size,
            script: [
                .waitFor("Malware distribution"), .type("3"), .waitFor("sort: severity"), .type("/tool:garak"), .key(.enter),
                .waitFor("tool:garak"), .type(":sort newest"), .key(.enter), .waitFor("sort: newest"), .type("q"),
            ])
        let one = ConsoleSession(store: store, writer: store, terminal: first, glyphs: .unicode)
        one.restore(memory.session(forStore: store.path))
        #expect(one.run() == .quit)
        memory.remember(one.memory, forStore: store.path)
        let mode = try FileManager.default.attributesOfItem(atPath: memory.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The second session opens on Findings; ↑ in the filter line brings back the last filter.
        let second = ScriptedTerminal(
            size: Self.size, script: [.waitFor("sort: severity"), .type("/"), .key(.up), .waitFor("/tool:garak"), .key(.escape), .type("q")])
        let two = ConsoleSession(store: store, writer: store, terminal: second, glyphs: .unicode)
        two.restore(memory.session(forStore: store.path))
        #expect(two.run() == .quit)
        #expect(second.misses.isEmpty, "\(second.screen)")
        #expect(memory.session(forStore: store.path).commandHistory.contains("sort newest"))
    }

    @Test("kiosk: the views take turns on the wall screen without a key")
    func kioskRotation() throws {
        let store = try TestStore.open(try storeCopy(), mode: .readOnly)
        let terminal = ScriptedTerminal(
            size: Self.size,
            script: [
                .waitFor("[Matrix] Models"), .waitFor("Matrix [Models]"),
                .waitFor("[Matrix] Models"),
            ])
        let session = ConsoleSession(
            store: store, writer: nil, terminal: terminal, glyphs: .unicode,
            kiosk: KioskOptions(views: [.matrix, .models], rotate: .milliseconds(400)))
        // The script ends without q: the terminal stops the loop as SIGTERM would.
        #expect(session.run() == .signal(SIGTERM))
        #expect(terminal.misses.isEmpty, "\(terminal.screen)")
        // Some frame of the Models turn shows the models (under load the first ones may still be loading).
        #expect(terminal.frames.contains { $0.plainText.contains("Matrix [Models]") && $0.plainText.contains("sentiment-bert") })
    }

    @Test(":theme applies the theme to the terminal; an unknown one is an error and changes nothing")
    func themeChange() throws {
        let store = try TestStore.open(try storeCopy())
        let terminal = ScriptedTerminal(
            size: Self.size,
            script: [
                .waitFor("Malware distribution"), .type(":theme light"), .key(.enter), .waitFor("theme light"),
                .type(":theme no-such-theme"), .key(.enter), .waitFor("no-such-theme"), .type("q"),
            ])
        let session = ConsoleSession(store: store, writer: store, terminal: terminal, glyphs: .unicode, loadTheme: Self.loadTheme)
        #expect(session.run() == .quit)
        #expect(terminal.misses.isEmpty, "\(terminal.screen)")
        #expect(terminal.themes == ["light"])
    }

    @Test(
        "a store file replaced under a running dashboard (a restore) is reopened and its findings shown",
        .enabled(if: TestStore.onSQLite, "a SQLite file renamed over"))
    func reopenReplacedStore() throws {
        let path = try storeCopy()
        let store = try FindingStore(path: path, mode: .readOnly)
        let restored = try TestPaths.temporaryDirectory("mlsoc-restore").appendingPathComponent("restored.db").path
        try SyntheticStore.make(path: restored, findings: 7)
        _ = try FindingStore(path: restored).pragma("wal_checkpoint(TRUNCATE)")
        let terminal = ScriptedTerminal(
            size: Self.size,
            script: [
                .waitFor("Malware distribution"),
                .run { _ = rename(restored, path) },
                .waitFor("the store file was replaced: reopened"), .waitFor("open 7  crit 2"), .type("q"),
            ])
        let session = ConsoleSession(
            store: store, writer: nil, terminal: terminal, glyphs: .unicode,
            reopen: { try FindingStore(path: path, mode: .readOnly) }, pollInterval: .milliseconds(100))
        #expect(session.run() == .quit)
        #expect(terminal.misses.isEmpty, "\(terminal.screen)")
    }

    @Test("a triage in the console reloads once; a commit by another process reloads too")
    func oneReloadPerOwnWrite() throws {
        let path = try storeCopy()
        let store = try TestStore.open(path)
        let effects = Locked<[Effect]>([])
        let other = try TestStore.open(path)
        let someID = try #require(try other.findingsPage(after: nil, limit: 50).last?.id)
        let terminal = ScriptedTerminal(
            size: Self.size,
            script: [
                .waitFor("Malware distribution"), .type("3"), .waitFor("row 1 of"), .type("t"), .waitFor("in_triage"),
                // Several polls of the store monitor.
                .pause(.milliseconds(800)),
                .run {
                    _ = try? other.triage(someID, expectedVersion: nil, action: .inTriage(note: "from elsewhere"), actor: "bob", now: 1_800_000_000)
                },
                .pause(.milliseconds(800)), .type("q"),
            ])
        let session = ConsoleSession(
            store: store, writer: store, terminal: terminal, glyphs: .unicode, pollInterval: .milliseconds(100),
            observe: { effect in effects.withLock { $0.append(effect) } })
        #expect(session.run() == .quit)
        #expect(terminal.misses.isEmpty, "\(terminal.screen)")
        let log = effects.value
        let triage = try #require(log.firstIndex { if case .triage = $0 { true } else { false } })
        let reloads = log[triage...].filter { $0 == .loadMatrix }.count
        // One for the console's own write, one for bob's commit: not two for the console's.
        #expect(reloads == 2, "\(log[triage...])")
    }
}
