import Foundation
import TestSupport
import Testing

/// Projects as a user meets them: reports of two repositories ingested with `--project`, then the
/// console in tmux scoped with `:project`, the `project:` filter, the Projects list, and the scope
/// remembered by the next session.
@Suite(.serialized) struct ProjectEndToEndTests {
    static let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    static func fixture(_ relative: String) -> String {
        TestPaths.packageRoot.appendingPathComponent("Tests/IngestTests/Fixtures/projects").appendingPathComponent(relative).path
    }

    func store() throws -> (binary: String, db: String, state: String) {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let directory = try TestPaths.temporaryDirectory("mlsoc-projects-e2e")
        let db = try TestStore.location("mlsoc-projects-e2e")
        for (project, report) in [("repo-a", "repoA/bandit.sarif"), ("repo-b", "repoB/bandit.sarif"), ("repo-a", "repoA/secrets.json")] {
            let ingest = try Shell.run([binary, "ingest", "--db", db, "--project", project, Self.fixture(report)])
            #expect(ingest.status == 0, "\(ingest.stderr)")
            #expect(ingest.stdout.contains("project \(project)"))
        }
        return (binary, db, directory.appendingPathComponent("state").path)
    }

    @Test("ingest names the project and coverage; findings, report and models take --project; an unknown project is an error that lists them")
    func cli() throws {
        let (binary, db, _) = try store()
        let a = try Shell.run([binary, "findings", "--db", db, "--project", "repo-a", "--json"])
        let b = try Shell.run([binary, "findings", "--db", db, "--project", "repo-b", "--json"])
        let all = try Shell.run([binary, "findings", "--db", db, "--json"])
        func count(_ output: String) throws -> Int {
            try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Any]).count
        }
        #expect(try count(a.stdout) + count(b.stdout) == count(all.stdout))
        #expect(try count(b.stdout) == 2)
        let filtered = try Shell.run([binary, "findings", "--db", db, "project:repo-b", "--json"])
        #expect(try count(filtered.stdout) == 2)
        let report = try Shell.run([binary, "report", "--db", db, "--project", "repo-b", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(object["project"] as? String == "repo-b" && object["open"] as? Int == 2)
        let unknown = try Shell.run([binary, "findings", "--db", db, "--project", "nope"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no project 'nope'") && unknown.stderr.contains("repo-a, repo-b"))
        let sarif = try Shell.run([binary, "export", "--db", db, "--format", "sarif", "--project", "repo-b"])
        #expect(sarif.stdout.contains("\"mlsoc/project\" : \"repo-b\"") || sarif.stdout.contains("\"mlsoc/project\":\"repo-b\""))
    }

    @Test(
        "in tmux: :projects lists both, Enter scopes the console, the header says so, /project: filters, :project all widens; the scope is remembered"
    )
    func console() throws {
        try #require(Tmux.available, "tmux is needed for end-to-end tests")
        let (binary, db, state) = try store()
        var environment = Self.environment
        environment["XDG_STATE_HOME"] = state
        let command = "sh -c '\(binary) --db \(db); echo EXIT=$?; sleep 30'"
        let tmux = try Tmux(command: command, width: 100, height: 30, environment: environment)
        try tmux.waitFor { $0.contains("Unclassified") }
        try tmux.send(":projects", "Enter")
        let list = try tmux.waitFor { $0.contains("repo-a") && $0.contains("repo-b") && $0.contains("projects by risk") }
        #expect(list.contains("SCORE"))
        // The riskier repo-a is first: Enter scopes to it.
        try tmux.send("Enter")
        // repo-a: 8 bandit + 2 detect-secrets findings.
        try tmux.waitFor { $0.contains("[repo-a]") && $0.contains("targets × threats") && $0.contains("open 10") }
        try tmux.send("3")
        try tmux.waitFor { $0.contains("bandit") && $0.contains("detect-secrets") }
        // The filter narrows within the scope; another project's term finds nothing here.
        try tmux.send("/", "tool:detect-secrets", "Enter")
        try tmux.waitFor { $0.contains("tool:detect-secrets") && !$0.contains(" B3") }
        try tmux.send(":project repo-b", "Enter")
        let other = try tmux.waitFor { $0.contains("[repo-b]") && $0.contains("open 2") }
        #expect(!other.contains("settings.py"), "repo-a's secrets are not repo-b's")
        try tmux.send("q")
        try tmux.waitFor { $0.contains("EXIT=0") }
        // The next session on this store starts where this one ended.
        let again = try Tmux(command: command, width: 100, height: 30, environment: environment)
        try again.waitFor { $0.contains("[repo-b]") && $0.contains("open 2") }
        try again.send(":project all", "Enter")
        let all = try again.waitFor { $0.contains("all projects") }
        #expect(!all.contains("[repo-"))
        try again.send("q")
        try again.waitFor { $0.contains("EXIT=0") }
    }
}
