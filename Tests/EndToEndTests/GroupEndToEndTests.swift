import Foundation
import TestSupport
import Testing

/// The grouped Findings view through the real console on a real store (issue 20).
@Suite(.serialized) struct GroupEndToEndTests {
    /// "N findings" in a grouped view's title line.
    static func findings(_ screen: String) -> Int? {
        guard let match = screen.range(of: #"[0-9,]+ findings"#, options: .regularExpression) else { return nil }
        return Int(screen[match].prefix { $0 != " " }.replacingOccurrences(of: ",", with: ""))
    }

    /// The group rows: "COUNT OPEN WORST ...".
    static func groupRows(_ screen: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter {
            $0.range(of: #"^ +[0-9,]+ +[0-9,]+ (crit|high|med|low|info) "#, options: .regularExpression) != nil
        }
    }

    /// The console on a store of the sample reports, once the matrix is up.
    static func console() throws -> (binary: String, db: String, tmux: Tmux) {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db) = try TriageEndToEndTests.store()
        let tmux = try Tmux(command: "\(binary) --db \(db)", width: 120, height: 36, environment: NavigationEndToEndTests.utf8)
        try tmux.waitFor { $0.contains("Malware distribution") && !$0.contains("loading") }
        return (binary, db, tmux)
    }

    @Test("group by rule, Enter, S marks the group, bulk false positive: the queue shrinks by the group's size, one audit event per finding")
    func groupBulkFalsePositive() throws {
        let (binary, db, tmux) = try Self.console()
        try tmux.send(":")
        try tmux.send("-l", "findings state:open")
        try tmux.send("Enter")
        try tmux.waitFor { !TriageEndToEndTests.rows($0).isEmpty }
        try tmux.send("=")
        // A count above zero: the title line is drawn before the rows, so a capture can fall between them.
        let grouped = try tmux.waitForSteady { $0.contains("by rule") && !Self.groupRows($0).isEmpty && (Self.findings($0) ?? 0) > 0 }
        let before = try #require(Self.findings(grouped))
        let first = try #require(Self.groupRows(grouped).first)
        let size = try #require(Int(first.split(separator: " ")[0]))
        #expect(size >= 2, "the first group of the sample data has several findings: \(first)")
        try tmux.send("Enter")
        let expanded = try tmux.waitFor { $0.contains("row 1 of \(size)") && TriageEndToEndTests.rows($0).count == size }
        let ids = TriageEndToEndTests.rows(expanded).map(TriageEndToEndTests.id)
        try tmux.send("S")
        try tmux.waitFor { $0.contains("marked \(size) findings like this one") }
        try tmux.send("f")
        try tmux.waitFor { $0.contains("Mark as false positive: \(size) findings") }
        try tmux.send("-l", "vendored test model, never served")
        try tmux.send("Enter")
        try tmux.waitFor { $0.contains("\(size) changed") }
        try tmux.waitFor { $0.contains("No findings match") }
        // Back to the groups: the queue is shorter by the group's size, the group gone.
        try tmux.send("Escape")
        let after = try tmux.waitFor { Self.findings($0) == before - size }
        #expect(!Self.groupRows(after).contains(first))
        for id in ids {
            let history = try Shell.run([binary, "history", "--db", db, id]).stdout
            let events = history.components(separatedBy: "new -> false_positive").count - 1
            #expect(events == 1 && history.contains("vendored test model, never served"), "#\(id): \(history)")
        }
    }

    @Test("a triage key on a group row applies to the group's open findings; u right after undoes them all")
    func groupRowTriageAndUndo() throws {
        let (_, _, tmux) = try Self.console()
        try tmux.send(":")
        try tmux.send("-l", "group rule")
        try tmux.send("Enter")
        try tmux.send("/")
        try tmux.send("C-u")
        try tmux.send("-l", "state:open")
        try tmux.send("Enter")
        // The title line, not the prompt line still showing what was typed.
        // A count above zero: the title line is drawn before the rows, so a capture can fall between them.
        // Steady: a torn capture showed the new filter's title beside the unfiltered count (CI flake).
        let grouped = try tmux.waitForSteady {
            $0.contains(" state:open \u{00B7} by rule") && !Self.groupRows($0).isEmpty && (Self.findings($0) ?? 0) > 0
        }
        let before = try #require(Self.findings(grouped))
        let firstRow = try #require(Self.groupRows(grouped).first)
        let size = try #require(Int(firstRow.split(separator: " ")[0]))
        try tmux.send("t")
        try tmux.waitFor { $0.contains("\(size) changed") }
        // In triage is still open: the group stays, its states say so.
        let triaged = try tmux.waitForSteady { $0.contains("\(size) in_triage") && Self.findings($0) != nil }
        #expect(Self.findings(triaged) == before)
        try tmux.send("u")
        try tmux.waitFor { $0.contains("undone: \(size) changed") }
        try tmux.waitFor { !$0.contains("in_triage") }
    }
}
