import FindingStore
import Foundation
import PostgresNIO
import Testing

@testable import PostgresStore
@testable import TestSupport

/// The console, the CLI and triage on a PostgreSQL store: the same store on both backends reads
/// the same, screen for screen and byte for byte, and writes the same way.
extension PostgresServerTests {
    /// What differs by design between the two: the store's name in a screen's title or a report.
    /// With `ingestedApart`, the two stores were ingested by separate runs: a time in seconds
    /// near now (a first or last seen, an SLA due date made from it) may differ by the runs' gap.
    func sameOutput(_ sqlite: String, _ server: String, url: String, _ arguments: [String], ingestedApart: Bool = false) throws {
        let environment = ["MLSOC_CONFIG": TestPaths.sample("config.yaml")]
        let local = try Shell.run([binary] + arguments + ["--db", sqlite], environment: environment)
        let remote = try Shell.run([binary] + arguments + ["--db", url], environment: environment)
        #expect(local.status == 0 && remote.status == 0, "\(arguments): \(local.stderr) \(remote.stderr)")
        let shownURL = PostgresLocation.redacted(url)
        let now = Int(Date().timeIntervalSince1970)
        let seconds = try NSRegularExpression(pattern: "\\b1[0-9]{9}\\b")
        // And as shown: two runs may straddle a minute (or midnight).
        let shown = try NSRegularExpression(pattern: "\\b20[0-9]{2}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?")
        func timesMasked(_ line: String) -> String {
            guard ingestedApart else { return line }
            var masked = shown.stringByReplacingMatches(
                in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "(when)")
            for match in seconds.matches(in: masked, range: NSRange(masked.startIndex..., in: masked)).reversed() {
                guard let range = Range(match.range, in: masked), let value = Int(masked[range]),
                    value > now - 86_400, value < now + 400 * 86_400
                else { continue }
                masked.replaceSubrange(range, with: "(time)")
            }
            return masked
        }
        func normalised(_ text: String, _ name: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).map(timesMasked).map { line in
                // A title shortens a long name in its middle: compare without the title's name.
                line.contains(" mlsoc  ") ? "(title)" : line.replacingOccurrences(of: name, with: "(store)")
            }
        }
        let expected = normalised(local.stdout, sqlite)
        let got = normalised(remote.stdout, shownURL)
        if let line = expected.indices.first(where: { $0 < got.count && expected[$0] != got[$0] })
            ?? (expected.count == got.count ? nil : min(expected.count, got.count))
        {
            let shown = { (lines: [String]) in line < lines.count ? String(lines[line].prefix(300)) : "(none)" }
            Issue.record("\(arguments) reads differently on PostgreSQL at line \(line + 1):\n SQLite: \(shown(expected))\n server: \(shown(got))")
        }
        #expect(!local.stdout.isEmpty)
    }

    @Test func theCLIAndEveryViewReadAServerStoreAsTheyReadSQLite() async throws {
        let source = try demoStore()
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            // A report's own time, fixed: tomorrow, so today's findings are in it.
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            let tomorrow = formatter.string(from: Date().addingTimeInterval(86_400))
            let commands: [[String]] = [
                ["findings"], ["findings", "--json"], ["findings", "--csv", "state:open"], ["findings", "sev>=high state:open"],
                ["findings", "tool:bandit", "--sort", "newest"],
                ["findings", "rule:*eval*"], ["findings", "sla:overdue"], ["findings", "model:fraud*"], ["findings", "path:*.py"],
                ["findings", "PICKLE"], ["findings", "state:false_positive"], ["findings", "assignee:alice"],
                ["export", "--format", "json"], ["export", "--format", "sarif"], ["export", "--format", "csv"],
                ["models", "list"], ["metrics"], ["compliance", "report", "--pack", "owasp-llm-2025", "--at", tomorrow],
                ["compliance", "report", "--pack", "mitre-atlas", "--format", "json", "--at", tomorrow], ["report"],
            ]
            let views: [[String]] = [
                ["--view", "matrix"], ["--view", "matrix", "--pivot"], ["--view", "models"], ["--view", "models", "--detail"],
                ["--view", "findings"], ["--view", "findings", "--detail"], ["--view", "findings", "--filter", "sev>=high", "--sort", "oldest"],
                ["--view", "audit"], ["--view", "ingest"], ["--view", "projects"], ["--view", "compliance"], ["--view", "unmapped"],
                ["--view", "metrics"],
            ]
            for arguments in commands + views.map({ ["render", "--size", "140x40"] + $0 }) {
                try sameOutput(source, source, url: url, arguments)
            }
        }
    }
}

extension PostgresServerTests {
    func run(_ arguments: [String], _ db: String) throws -> Shell.Result {
        try Shell.run([binary] + arguments + ["--db", db], environment: ["MLSOC_CONFIG": TestPaths.sample("config.yaml")])
    }

    /// Polls as a console does, for up to a second: whether a change was announced.
    func announcedWithinASecond(_ monitor: ChangeMonitor) async throws -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < .seconds(1) {
            if try monitor.changed() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test func triageOnTheServerIsCheckedRecordedAndSeenByAnotherProcessWithinASecond() async throws {
        let source = try demoStore()
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            // This process watches as a console does; another process triages.
            let store = try FindingStore(server: try PostgresBackend.open(try PostgresLocation.parse(url), readOnly: false), mode: .readWrite)
            let monitor = try ChangeMonitor(store: store)
            #expect(monitor.isPushed)
            #expect(try !monitor.changed())
            let before = try #require(try store.version(of: 10))
            let triaged = try run(["triage", "10", "--state", "in_triage"], url)
            #expect(triaged.status == 0, "\(triaged.stderr)")
            let seen = try await announcedWithinASecond(monitor)
            #expect(seen, "the other process's triage was not announced within a second")
            #expect(try store.version(of: 10) == before + 1)
            let event = try #require(try store.events(findingID: 10).last)
            #expect(event.kind == "state" && event.to == "in_triage")
            #expect(event.actor.hasSuffix(" via PostgreSQL role mlsoc"), "\(event.actor)")

            // A stale version is refused on the server as on SQLite, and changes nothing.
            let local = try TestPaths.temporaryDirectory("pg-triage").appendingPathComponent("local.db").path
            #expect(try Shell.run([binary, "store", "copy", url, local]).status == 0)
            let stale = ["triage", "10", "--if-version", "\(before)", "--state", "exploitable"]
            let onServer = try run(stale, url)
            let onSQLite = try run(stale, local)
            #expect(onServer.status != 0 && onServer.status == onSQLite.status)
            #expect(onServer.stdout == onSQLite.stdout && onServer.stderr == onSQLite.stderr, "\(onServer.stderr) | \(onSQLite.stderr)")
            #expect(try store.version(of: 10) == before + 1)
            let result = try store.triage(10, expectedVersion: before, action: .exploitable(note: nil), actor: "t", now: 1)
            guard case .conflict = result else {
                Issue.record("a stale version was not a conflict: \(result)")
                return
            }
            // The same triage, in process, on both: the same result and the same findings after.
            let sqlite = try FindingStore(path: local)
            for target in [store, sqlite] {
                _ = try target.triage(
                    [(id: 11, version: nil), (id: 12, version: nil)], action: .assign("bob"), actor: "t", now: 1_790_000_000)
            }
            #expect(try run(["findings", "--json", "assignee:bob"], url).stdout == run(["findings", "--json", "assignee:bob"], local).stdout)
        }
    }

    @Test func anOwnCommitTakenInIsNoChangeButALaterOneIs() async throws {
        let source = try demoStore()
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            let store = try FindingStore(server: try PostgresBackend.open(try PostgresLocation.parse(url), readOnly: false), mode: .readWrite)
            let other = try FindingStore(server: try PostgresBackend.open(try PostgresLocation.parse(url), readOnly: false), mode: .readWrite)
            let monitor = try ChangeMonitor(store: store)
            // The notification of each commit is on its way when the commit returns: taken in at
            // once, it must not be seen as a change afterwards (a console would reload twice).
            for round in 0..<20 {
                _ = try store.triage(10, expectedVersion: nil, action: .inTriage(note: "\(round)"), actor: "t", now: 1_800_000_000)
                monitor.absorbOwnWrite()
                try await Task.sleep(for: .milliseconds(20))
                #expect(try !monitor.changed(), "round \(round): the console's own commit was announced after it was taken in")
            }
            _ = try other.triage(11, expectedVersion: nil, action: .inTriage(note: nil), actor: "bob", now: 1_800_000_000)
            let seen = try await announcedWithinASecond(monitor)
            #expect(seen, "another connection's commit was not announced within a second")
        }
    }

    @Test func aLostListenerIsSaidAndReplaced() async throws {
        let source = try demoStore()
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            let store = try FindingStore(server: try PostgresBackend.open(try PostgresLocation.parse(url), readOnly: true), mode: .readOnly)
            let monitor = try ChangeMonitor(store: store, retry: .milliseconds(200))
            #expect(try !monitor.changed() && monitor.failure == nil)
            // The server drops the listening session (a restart, a failover, an idle timeout).
            let admin = try PostgresSession.connect(try PostgresLocation.parse(url))
            defer { admin.close() }
            let dropped = try admin.run(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN mlsoc_changed'")
            #expect(dropped.count == 1)
            let clock = ContinuousClock()
            var start = clock.now
            var thrown: (any Error)?
            while thrown == nil, clock.now - start < .seconds(2) {
                do { _ = try monitor.changed() } catch { thrown = error }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect("\(thrown.map { "\($0)" } ?? "nothing thrown")".contains("change notifications stopped"))
            #expect(monitor.failure != nil)
            // A new listener within the retry: it says something may have changed, and then works.
            start = clock.now
            var back = false
            while !back, clock.now - start < .seconds(2) {
                back = try monitor.changed()
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(back && monitor.failure == nil)
            #expect(try run(["triage", "10", "--state", "in_triage"], url).status == 0)
            start = clock.now
            var seen = false
            while !seen, clock.now - start < .seconds(1) {
                seen = try monitor.changed()
                if !seen { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(seen, "the new listener did not hear a triage within a second")
        }
    }

    @Test func theDashboardsRoleCannotWriteEvenWhenMlsocIsMadeTo() async throws {
        let source = try demoStore()
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            #expect(try Shell.run([binary, "store", "grant-reader", url, "--role", "mlsoc_reader"]).status == 0)
            let database = String(url.split(separator: "/").last ?? "")
            let readerURL = TestPostgres.url(url, database: database, user: "mlsoc_reader")
            let dashboard = try FindingStore(
                server: try PostgresBackend.open(try PostgresLocation.parse(readerURL), readOnly: true), mode: .readOnly)
            #expect(try dashboard.matrixSummary().totalOpen > 0)
            let writes = ["UPDATE finding SET state = 5", "INSERT INTO findingEvent (findingId, at, actor, kind) VALUES (1, 1, 'x', 'note')"]
            // Two walls: the dashboard's session is read-only...
            for write in writes {
                #expect {
                    try dashboard.executeOnWriterConnection(sql: write)
                } throws: { error in
                    "\(error)".contains("read-only transaction")
                }
            }
            // ...and with that switched off, the role itself has no write grant.
            try dashboard.executeOnWriterConnection(sql: "SET default_transaction_read_only = off")
            for write in writes {
                #expect {
                    try dashboard.executeOnWriterConnection(sql: write)
                } throws: { error in
                    "\(error)".contains("permission denied")
                }
            }
            // And mlsoc's own refusal comes first for its commands.
            #expect(throws: StoreError.self) { _ = try dashboard.triage(1, expectedVersion: nil, action: .assign("x"), actor: "x", now: 1) }
            let rendered = try run(["render", "--view", "matrix"], readerURL)
            #expect(rendered.status == 0 && rendered.stdout.contains("Malware distribution"), "\(rendered.stderr)")
        }
    }
}
