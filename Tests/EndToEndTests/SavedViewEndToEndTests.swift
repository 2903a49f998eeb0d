import Foundation
import TestSupport
import Testing

/// Saved views across sessions through the real console (issue 20).
@Suite(.serialized) struct SavedViewEndToEndTests {
    @Test("save a view, quit, reopen: the view is a tab and opens where it was, and the filter history is there")
    func saveQuitReopen() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try TriageEndToEndTests.store()
        let stateHome = try TestPaths.temporaryDirectory("mlsoc-xdg-state")
        var environment = NavigationEndToEndTests.utf8
        environment["XDG_STATE_HOME"] = stateHome.path
        let first = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: environment)
        try first.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        try first.send("3")
        try first.send("/")
        try first.send("C-u")
        try first.send("-l", "sev>=high state:open")
        try first.send("Enter")
        try first.waitFor { $0.contains("sev>=high state:open") && !TriageEndToEndTests.rows($0).isEmpty }
        try first.send(":")
        try first.send("-l", "columns id,sev,state,age,project,title")
        try first.send("Enter")
        try first.waitFor { $0.contains(" AGE ") && $0.contains(" PROJECT ") }
        try first.send(":")
        try first.send("-l", "view save hot")
        try first.send("Enter")
        try first.waitFor { $0.contains("saved view hot (tab 7)") && $0.contains("7 hot") }
        try first.send("1")
        try first.waitFor { $0.contains("TARGET") }
        try first.send("q")
        let file = stateHome.appendingPathComponent("mlsoc/console.json").path
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A new session: the tab is there; 7 opens the view as saved; ↑ in the filter line brings the filter back.
        let second = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: environment)
        let start = try second.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        #expect(start.contains("7 hot"))
        try second.send("7")
        let view = try second.waitFor { $0.contains("sev>=high state:open") && $0.contains(" AGE ") && !TriageEndToEndTests.rows($0).isEmpty }
        #expect(view.contains(" PROJECT ") && !view.contains(" LOCATION "))
        try second.send("/")
        try second.send("C-u")
        try second.send("Up")
        try second.waitFor { $0.contains("/sev>=high state:open") }
        try second.send("Escape")
        try second.send("q")
        // The session that ended on the view starts on it.
        let third = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: environment)
        try third.waitFor { $0.contains("sev>=high state:open") && $0.contains(" AGE ") && !TriageEndToEndTests.rows($0).isEmpty }
    }
}
