import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import FindingStore
@testable import PostgresStore
@testable import TestSupport

@Suite struct PostgresLocationTests {
    @Test func readsTCPAndSocketURLsAsLibpqDoes() throws {
        let tcp = try PostgresLocation.parse("postgres://ann:s3cret@db.example:6543/findings?sslmode=verify-full")
        #expect(tcp.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(tcp.user == "ann" && tcp.password == "s3cret" && tcp.database == "findings" && tcp.sslMode == .verifyFull)
        #expect(!tcp.description.contains("s3cret"))

        let socket = try PostgresLocation.parse("postgresql://ann@/findings?host=/run/postgresql&port=5433")
        #expect(socket.endpoint == .socket(directory: "/run/postgresql", port: 5433))
        let encoded = try PostgresLocation.parse("postgres://ann@%2Ftmp%2Fpg/findings")
        #expect(encoded.endpoint == .socket(directory: "/tmp/pg", port: 5432))

        let defaults = try PostgresLocation.parse("postgres://ann@db.example", environment: ["PGPASSWORD": "fromenv"])
        #expect(defaults.database == "ann" && defaults.sslMode == .prefer && defaults.password == "fromenv")
        #expect(PostgresLocation.isURL("POSTGRES://x") && !PostgresLocation.isURL("/var/lib/mlsoc/findings.db"))
    }

    @Test func badURLsSayWhatIsWrongWithoutThePassword() {
        let cases: [(String, String)] = [
            ("postgres://ann:pw@db/x?sslmode=maybe", "sslmode maybe"),
            ("postgres://ann:pw@db/x?colour=red", "unknown parameter colour"),
            ("postgres://ann:pw@db:99999/x", "not a port"),
            ("postgres://ann:pw@/x?host=/run/pg&sslmode=require", "Unix socket"),
        ]
        for (url, message) in cases {
            #expect {
                _ = try PostgresLocation.parse(url)
            } throws: { error in
                let text = "\(error)"
                return text.contains(message) && !text.contains(":pw@")
            }
        }
    }

    @Test func splitsScriptsAtStatementEndsOnly() {
        let statements = PostgresSession.statements(
            """
            CREATE TABLE a (x text DEFAULT ';');
            -- a comment; with a semicolon
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no; never'; END $$;
            SELECT 1
            """)
        #expect(statements.count == 3)
        #expect(statements[1].hasSuffix("END $$"))
        #expect(statements[2] == "SELECT 1")
    }

    @Test func thePostgreSQLSchemaIsVersionedWithSQLites() {
        #expect(PostgresSchema.migrations.last?.schema == FindingStore.schemaMigrations.last)
        #expect(Set(PostgresSchema.migrations.map(\.identifier)).count == PostgresSchema.migrations.count)
    }
}

/// Against the throwaway server `make test` starts: each test in a database of its own.
@Suite(.serialized) struct PostgresServerTests {
    let binary: String
    let admin: String

    init() throws {
        binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        admin = try #require(TestPostgres.adminURL, Comment(rawValue: TestPostgres.missing))
    }

    /// A new database on the test server, dropped after `body`.
    func withDatabase(_ body: (String) async throws -> Void) async throws {
        let name = "mlsoc_t_" + UUID().uuidString.prefix(8).lowercased()
        let server = try PostgresSession.connect(try PostgresLocation.parse(admin))
        try server.run("CREATE DATABASE \(name)")
        do {
            try await body(TestPostgres.url(admin, database: name))
        } catch {
            _ = try? server.run("DROP DATABASE \(name) WITH (FORCE)")
            server.close()
            throw error
        }
        try server.run("DROP DATABASE \(name) WITH (FORCE)")
        server.close()
    }

    /// The demo's reports ingested by the real binary, with triage on top (events, assignees,
    /// acceptances, tickets), in a new SQLite file.
    func demoStore() throws -> String {
        let db = try TestPaths.temporaryDirectory("pg-copy").appendingPathComponent("source.db").path
        let env = ["MLSOC_CONFIG": TestPaths.sample("config.yaml")]
        let ingest = try Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")], environment: env)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let triage: [[String]] = [
            ["1", "2", "--state", "false_positive", "--reason", "fixture"],
            ["3", "--assign", "alice", "--note", "looking; at\tit\nnow \\ here"],
            ["4", "--state", "accepted", "--reason", "vendor fix", "--accept-until", "+30d"],
            ["5", "--ticket", "JIRA-4711"],
        ]
        for arguments in triage {
            let result = try Shell.run([binary, "triage", "--db", db] + arguments, environment: env)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return db
    }

    func export(_ db: String, _ format: String) throws -> String {
        let result = try Shell.run([binary, "export", "--db", db, "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func tableDump(_ path: String) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var dump: [String: [String]] = [:]
            for (table, _) in PostgresSchema.tables {
                dump[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                    (0..<row.count).map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|")
                }.sorted()
            }
            return dump
        }
    }

    @Test func aStoreCopiedToPostgreSQLAndBackIsTheSameStore() async throws {
        let source = try demoStore()
        let back = (source as NSString).deletingLastPathComponent + "/back.db"
        try await withDatabase { url in
            let there = try Shell.run([binary, "store", "copy", source, url])
            #expect(there.status == 0, "\(there.stderr)")
            #expect(there.stdout.contains("every count checked"))
            let home = try Shell.run([binary, "store", "copy", url, back])
            #expect(home.status == 0, "\(home.stderr)")
        }
        for format in ["json", "csv", "sarif"] {
            #expect(try export(source, format) == export(back, format), "export --format \(format) differs after the round trip")
        }
        let before = try tableDump(source)
        let after = try tableDump(back)
        for (table, _) in PostgresSchema.tables {
            #expect(before[table] == after[table], "table \(table) differs after the round trip")
        }
        #expect(before["findingEvent"]?.isEmpty == false && before["finding"]?.isEmpty == false)
        // The path trigram index (schema v29) is not copied: the copy made it from the paths.
        let indexed = try await DatabaseQueue(path: back).read { db in
            (
                try Int64.fetchOne(db, sql: "SELECT through FROM pathTextIndexed"), try Int64.fetchOne(db, sql: "SELECT max(id) FROM path"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM pathTextVocab")
            )
        }
        #expect(indexed.0 != nil && indexed.0 == indexed.1 && (indexed.2 ?? 0) > 0, "\(indexed)")
        var info = stat()
        #expect(stat(back, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func aCopyIntoAStoreThatHoldsFindingsIsRefusedAndChangesNothing() async throws {
        let source = try demoStore()
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            let again = try Shell.run([binary, "store", "copy", source, url])
            #expect(again.status != 0)
            #expect(again.stderr.contains("already holds a store"))
            let session = try PostgresSession.connect(try PostgresLocation.parse(url))
            let findings = try session.scalar("SELECT count(*) FROM finding")
            session.close()
            let expected = try await DatabaseQueue(path: source).read { db in try Int64.fetchOne(db, sql: "SELECT count(*) FROM finding") }
            #expect(findings == expected)
        }
        let existing = try Shell.run([binary, "store", "copy", source, source])
        #expect(existing.status != 0 && existing.stderr.contains("exists"))
    }

    @Test func aFailedCopyLeavesNothingBehind() async throws {
        let source = try demoStore()
        // SQLite keeps text in an INTEGER column where PostgreSQL's bigint refuses it: a row like that
        // (in a table copied after the findings) stops the copy midway.
        try await DatabaseQueue(path: source).write { db in
            try db.execute(sql: "INSERT INTO hookOutbox (kind, at, payload) VALUES ('x', 'soon', '{}')")
        }
        try await withDatabase { url in
            let failed = try Shell.run([binary, "store", "copy", source, url])
            #expect(failed.status != 0)
            #expect(failed.stderr.lowercased().contains("hookoutbox") && failed.stderr.contains("bigint"), "\(failed.stderr)")
            let session = try PostgresSession.connect(try PostgresLocation.parse(url))
            #expect(try session.scalar("SELECT count(*) FROM finding") == 0)
            #expect(try session.scalar("SELECT count(*) FROM project") == 1)
            session.close()
        }
    }

    @Test func batchesSentAsArraysArriveAsSent() async throws {
        let texts: [String?] = [
            "", "a,b", "{x}", "\"quoted\"", "back\\slash", "NULL", "line\nbreak", "é 😀 \u{1B}[2J", nil, "'; DROP TABLE t; --",
        ]
        let numbers: [Int64?] = [Int64.min, Int64.max, 0, -1, nil, 42, 7, 8, 9, 10]
        let doubles: [Double?] = [-0.5, 1e308, Double.pi, nil, 0, 2.5, -1e-300, 3, 4, 5]
        let blobs: [Data?] = [
            Data(), Data([0, 1, 2, 255]), nil, Data("x".utf8), Data(repeating: 0, count: 16), Data([9]), Data([8]), Data([7]), Data([6]),
            Data([5]),
        ]
        let rows: [[DatabaseValue]] = texts.indices.map { index in
            [numbers[index].databaseValue, doubles[index].databaseValue, texts[index].databaseValue, blobs[index].databaseValue]
        }
        let store = try TestStore.makeOnServer()
        let returned = try TestStore.sql(store).write { db in
            try db.execute(
                sql: "CREATE TABLE arrays (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n bigint, d double precision, s text, b bytea)")
            return try db.serverWithArrays(
                "INSERT INTO arrays (n, d, s, b)", rows, types: [.bigint, .double, .text, .bytea], tail: "RETURNING id, n, d, s, b")
        }
        // In order (the ids follow the rows), every value as sent, NULLs where they were.
        #expect(returned.map { $0[0] } == (1...rows.count).map { Int64($0).databaseValue })
        #expect(returned.map { Array($0.dropFirst()) } == rows)
        // A value of another type than its column's is an error, not a cast.
        #expect(throws: StoreError.self) {
            try TestStore.sql(store).write { db in
                try db.serverWithArrays("INSERT INTO arrays (n)", [["seven".databaseValue]], types: [.bigint])
            }
        }
        // `= ANY` of one array parameter, as the batch looks fingerprints up.
        let found = try TestStore.sql(store).read { db in
            try db.serverRowsIn("SELECT s FROM arrays WHERE b", [Data([0, 1, 2, 255]).databaseValue, Data("none".utf8).databaseValue])
        }
        #expect(found == [["a,b".databaseValue]])
    }

    @Test func theServerRefusesToRewriteTheAuditTrail() async throws {
        let source = try demoStore()
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            let session = try PostgresSession.connect(try PostgresLocation.parse(url))
            for statement in ["UPDATE findingEvent SET actor = 'mallory'", "DELETE FROM findingEvent", "TRUNCATE findingEvent CASCADE"] {
                #expect(throws: PostgresStoreError.self, "\(statement) was allowed") { try session.run(statement) }
            }
            #expect(try session.scalar("SELECT count(*) FROM findingEvent WHERE actor = 'mallory'") == 0)
            #expect(try session.scalar("SELECT count(*) FROM findingEvent") > 0)
            session.close()
        }
    }

    @Test func summariesFollowUpdatesAndDeletesAsOnSQLite() async throws {
        let source = try demoStore()
        let changes = [
            "UPDATE finding SET state = 5 WHERE id % 3 = 0",
            "UPDATE finding SET severity = 0, asr = 0.25 WHERE id % 7 = 1",
            "UPDATE finding SET assignee = 'bob' WHERE id % 5 = 2",
            "UPDATE finding SET slaDue = slaDue + 2592000 WHERE id % 4 = 3",
            "UPDATE finding SET taxonomyId = (SELECT min(id) FROM taxonomy) WHERE id % 6 = 5",
            "UPDATE finding SET taxonomyId = NULL WHERE id % 10 = 7",
            "UPDATE finding SET modelId = NULL WHERE id % 11 = 4",
            "DELETE FROM findingEvidence WHERE findingId % 13 = 0",
            "DELETE FROM findingTicket WHERE findingId % 13 = 0",
            "DELETE FROM findingLocation WHERE findingId % 13 = 0",
            "DELETE FROM acceptanceProposal WHERE findingId % 13 = 0",
            "DELETE FROM finding WHERE id % 13 = 0 AND id NOT IN (SELECT findingId FROM findingEvent) AND id NOT IN (SELECT duplicateOf FROM finding WHERE duplicateOf IS NOT NULL)",
        ]
        let back = (source as NSString).deletingLastPathComponent + "/changed.db"
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            let session = try PostgresSession.connect(try PostgresLocation.parse(url))
            for change in changes { try session.run(change) }
            session.close()
            #expect(try Shell.run([binary, "store", "copy", url, back]).status == 0)
        }
        try await DatabaseQueue(path: source).write { db in
            for change in changes { try db.execute(sql: change) }
        }
        let sqlite = try tableDump(source)
        let server = try tableDump(back)
        for table in ["summaryCell", "modelSummary", "groupSummary", "assignedSummary", "dueSummary", "taxonomySummary", "finding"] {
            #expect(sqlite[table] == server[table], "\(table): the server's triggers kept other counts than SQLite's")
        }
    }

    @Test func aReaderRoleReadsAndTheServerRefusesItsWrites() async throws {
        let source = try demoStore()
        try await withDatabase { url in
            #expect(try Shell.run([binary, "store", "copy", source, url]).status == 0)
            // The test server has the role mlsoc_reader (scripts/pg-test-cluster.sh).
            let granted = try Shell.run([binary, "store", "grant-reader", url, "--role", "mlsoc_reader"])
            #expect(granted.status == 0, "\(granted.stderr)")
            let reader = try PostgresSession.connect(
                try PostgresLocation.parse(TestPostgres.url(url, database: String(url.split(separator: "/").last ?? ""), user: "mlsoc_reader")))
            #expect(try reader.scalar("SELECT count(*) FROM finding") > 0)
            for write in [
                "UPDATE finding SET state = 5", "DELETE FROM findingTicket", "INSERT INTO storeSetting (key, value) VALUES ('k', 'v')",
                "TRUNCATE hookOutbox",
            ] {
                #expect(throws: PostgresStoreError.self, "\(write) was allowed") { try reader.run(write) }
            }
            reader.close()
            let bad = try Shell.run([binary, "store", "grant-reader", url, "--role", "x; DROP TABLE finding"])
            #expect(bad.status != 0 && bad.stderr.contains("not a plain SQL identifier"))
        }
    }

    @Test func tlsAsAskedAndACertificateItCannotVerifyIsRefused() async throws {
        let ca = try #require(
            ProcessInfo.processInfo.environment["MLSOC_TEST_POSTGRES_CA"].flatMap { $0.isEmpty ? nil : $0 },
            "the test server has no TLS (scripts/pg-test-cluster.sh makes a certificate with openssl)")
        let separator = admin.contains("?") ? "&" : "?"
        for query in ["sslmode=require", "sslmode=verify-full&sslrootcert=\(ca)"] {
            let session = try PostgresSession.connect(try PostgresLocation.parse(admin + separator + query))
            let rows = try session.run("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            #expect(try rows.first?.decode(Bool.self) == true, "\(query): not encrypted")
            session.close()
        }
        // The server's certificate is self-signed: the system's roots do not vouch for it.
        #expect {
            _ = try PostgresSession.connect(try PostgresLocation.parse(admin + separator + "sslmode=verify-full"))
        } throws: { error in
            "\(error)".contains("could not be verified")
        }
    }

    @Test func theServerSchemaHasSQLitesTablesAndColumns() async throws {
        let path = try TestPaths.temporaryDirectory("pg-schema").appendingPathComponent("fresh.db").path
        _ = try FindingStore(path: path)
        let sqlite = try await DatabaseQueue(path: path).read { db in
            let tables = try String.fetchAll(db, sql: FindingStore.recordTablesSQL)
            return try Dictionary(uniqueKeysWithValues: tables.map { ($0.lowercased(), try db.columns(in: $0).map { $0.name.lowercased() }) })
        }
        #expect(Set(sqlite.keys) == Set(PostgresSchema.tables.map { $0.name.lowercased() }))
        try await withDatabase { url in
            let session = try PostgresSession.connect(try PostgresLocation.parse(url))
            try session.migrate()
            try session.migrate()  // a second run changes nothing
            for (table, columns) in sqlite {
                #expect(try await session.columns(table) == columns, "\(table): columns differ from SQLite's")
            }
            session.close()
        }
    }
}
