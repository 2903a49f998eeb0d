import Foundation
import TestSupport
import Testing

/// Issue 23, case 1, in a real terminal: characters made of several code points typed into the
/// console's and the dashboard's prompts (tmux delivers each code point as the terminal would).
@Suite(.serialized) struct UnicodeInputEndToEndTests {
    static let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    static let typed = ["e\u{301}", "👍🏽", "🇩🇪", "👨‍👩‍👧‍👦", "क्ष"]

    func store() throws -> (String, String) {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-unicode-e2e")
        #expect(try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports/modelscan/models.json")]).status == 0)
        return (binary, db)
    }

    @Test(
        "console and dashboard: /, :, and the acceptance form take combining marks, skin tones, flags, ZWJ and conjuncts; no crash",
        arguments: ["console", "dashboard"])
    func typing(command: String) throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try store()
        let tmux = try Tmux(
            command: "sh -c '\(binary) \(command) --db \(db); echo EXIT=$?; sleep 30'", width: 100, height: 30,
            environment: Self.environment)
        try tmux.waitFor { $0.contains("Malware distribution") }
        for opener in ["/", ":"] {
            try tmux.send(opener)
            for text in Self.typed {
                // One code point per send, so each reaches the console as its own key.
                for scalar in text.unicodeScalars { try tmux.send("-l", String(scalar)) }
                try tmux.send("-l", "x")
            }
            try tmux.send("Left", "Left", "BSpace", "Home", "DC", "End")
            let screen = try tmux.capture()
            #expect(!screen.contains("EXIT="), "\(command) \(opener): \(screen)")
            try tmux.send("Escape")
        }
        if command == "console" {
            // The acceptance form's reason field, with ↑ and ↓ in it (they divided by zero choices).
            try tmux.send("3")
            try tmux.waitFor { $0.contains("modelscan") }
            try tmux.send("A")
            try tmux.waitFor { $0.lowercased().contains("reason") }
            for scalar in "vendor fix 👍🏽 e\u{301}".unicodeScalars { try tmux.send("-l", String(scalar)) }
            try tmux.send("Up", "Down", "Escape")
        }
        try tmux.send("q")
        let end = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=0"), "\(end)")
    }
}
