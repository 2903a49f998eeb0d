import Foundation
import GRDB
import TestSupport
import Testing

/// `mlsoc store migrate`: the schema upgrade a team runs after installing a new mlsoc, before the
/// read-only wall screens (which never migrate) open the store.
@Suite(.serialized) struct StoreMigrateEndToEndTests {
    @Test("a store this mlsoc wrote is up to date, and migrate changes nothing in what it holds")
    func upToDate() throws {
        let (binary, _, env) = try CLIEndToEndTests.store("mlsoc-migrate")
        // What the store holds, as the export says it (a writer's open may checkpoint the SQLite
        // file's log, which moves bytes without changing content).
        let before = try Shell.run([binary, "export", "--format", "json"], environment: env)
        let migrated = try Shell.run([binary, "store", "migrate"], environment: env)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stdout.contains("is up to date: schema v29-path-trigrams"), "\(migrated.stdout)")
        let after = try Shell.run([binary, "export", "--format", "json"], environment: env)
        #expect(before.status == 0 && !before.stdout.isEmpty)
        #expect(after.stdout == before.stdout)
    }

    @Test(
        "a store at v25 is refused by readers with the way out, then migrate runs v26 to v29: summaries hold the rows' counts, paths are the same",
        .enabled(if: TestStore.onSQLite, "SQLite schema history"))
    func fromV25() throws {
        let (binary, db, env) = try CLIEndToEndTests.store("mlsoc-migrate-v25")
        // The store as mlsoc's v25 left it.
        let queue = try DatabaseQueue(path: db)
        let paths = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(p.text, '-') FROM finding f LEFT JOIN path p ON p.id = f.pathId ORDER BY f.id")
        }
        #expect(paths.contains { $0.contains("/") })
        try queue.write { db in
            for statement in [
                // v29 and v28 undone: no trigrams, the path text back in the row.
                "DROP TABLE pathTextVocab", "DROP TABLE pathText", "DROP TABLE pathTextIndexed",
                "ALTER TABLE finding ADD COLUMN path TEXT", "UPDATE finding SET path = (SELECT text FROM path WHERE id = finding.pathId)",
                "DROP INDEX finding_by_path", "ALTER TABLE finding DROP COLUMN pathId", "DROP TABLE path",
                "DROP TRIGGER dueSummary_update", "DROP TRIGGER dueSummary_delete",
                "DROP TRIGGER taxonomySummary_update", "DROP TRIGGER taxonomySummary_delete",
                "DROP TABLE dueSummary", "DROP TABLE taxonomySummary",
                """
                DELETE FROM grdb_migrations WHERE identifier IN ('v26-due-summary', 'v27-taxonomy-summary', 'v28-path-dictionary',
                                                                 'v29-path-trigrams')
                """,
            ] {
                try db.execute(sql: statement)
            }
        }
        try queue.close()
        let refused = try Shell.run([binary, "findings", "sla:overdue"], environment: env)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("mlsoc store migrate"), "\(refused.stderr)")

        let migrated = try Shell.run([binary, "store", "migrate"], environment: env)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stderr.contains("migrating"), "\(migrated.stderr)")
        #expect(
            migrated.stdout.contains(
                "v25-filter-indexes → v29-path-trigrams, 4 migrations (v26-due-summary, v27-taxonomy-summary, v28-path-dictionary, v29-path-trigrams)"
            ),
            "\(migrated.stdout)")
        let check = try DatabaseQueue(path: db)
        try check.read { db in
            let summed = try Int.fetchOne(db, sql: "SELECT sum(count) FROM dueSummary") ?? -1
            let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM finding WHERE state IN (0, 1, 2, 6) AND slaDue IS NOT NULL") ?? -2
            #expect(summed == rows && rows > 0)
            let carried = try Int.fetchOne(db, sql: "SELECT sum(count) FROM taxonomySummary") ?? -1
            let withTaxonomy = try Int.fetchOne(db, sql: "SELECT count(*) FROM finding WHERE taxonomyId IS NOT NULL") ?? -2
            #expect(carried == withTaxonomy && carried > 0)
            let interned = try String.fetchAll(
                db, sql: "SELECT coalesce(p.text, '-') FROM finding f LEFT JOIN path p ON p.id = f.pathId ORDER BY f.id")
            #expect(interned == paths)
            let distinct = try Int.fetchOne(db, sql: "SELECT count(DISTINCT pathId) FROM finding") ?? -1
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM path") == distinct)
        }
        try check.close()
        let reads = try Shell.run([binary, "findings", "cwe:502", "--json"], environment: env)
        #expect(reads.status == 0, "\(reads.stderr)")
        let somePath = try #require(paths.first { $0.contains("/") })
        let byPath = try Shell.run([binary, "findings", "path:\(somePath)", "--json"], environment: env)
        #expect(byPath.status == 0, "\(byPath.stderr)")
        #expect(byPath.stdout.contains(somePath), "\(byPath.stdout)")
        // Free text inside a path reads the trigrams v29 built from the migrated dictionary.
        let fileName = try #require(somePath.split(separator: "/").last.map(String.init))
        let byText = try Shell.run([binary, "findings", fileName, "--json"], environment: env)
        #expect(byText.status == 0, "\(byText.stderr)")
        #expect(byText.stdout.contains(somePath), "\(byText.stdout)")
        let again = try Shell.run([binary, "store", "migrate"], environment: env)
        #expect(again.stdout.contains("is up to date"), "\(again.stdout)")
    }

    @Test("a store from before the path dictionary (v27: paths in the rows) upgrades, every finding as it was, on both backends")
    func pathDictionary() throws {
        let (binary, db, env) = try CLIEndToEndTests.store("mlsoc-migrate-v27")
        let before = try Shell.run([binary, "export", "--format", "json"], environment: env)
        #expect(before.status == 0 && before.stdout.contains("\"location\":\"app/serve.py:"), "\(before.stderr)")
        // v28 undone: the path text back in the rows.
        let sqlite = TestStore.onSQLite
        try TestStore.execute(
            db,
            [
                sqlite ? "DROP TABLE pathTextVocab" : "SELECT 1", sqlite ? "DROP TABLE pathText" : "SELECT 1",
                sqlite ? "DROP TABLE pathTextIndexed" : "SELECT 1",
                sqlite ? "ALTER TABLE finding ADD COLUMN path TEXT" : "ALTER TABLE finding ADD COLUMN path text COLLATE \"C\"",
                "UPDATE finding SET path = (SELECT text FROM path WHERE id = finding.pathId)",
                "DROP INDEX finding_by_path", "ALTER TABLE finding DROP COLUMN pathId", "DROP TABLE path",
                """
                DELETE FROM \(sqlite ? "grdb_migrations" : "mlsoc_migrations") WHERE identifier IN ('v28-path-dictionary', 'v29-path-trigrams')
                """,
            ])
        let refused = try Shell.run([binary, "findings", "path:src/*"], environment: env)
        #expect(refused.status != 0 && refused.stderr.contains("mlsoc store migrate"), "\(refused.stderr)")
        let migrated = try Shell.run([binary, "store", "migrate"], environment: env)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(
            migrated.stdout.contains("v27-taxonomy-summary → v29-path-trigrams, 2 migrations (v28-path-dictionary, v29-path-trigrams)"),
            "\(migrated.stdout)")
        let after = try Shell.run([binary, "export", "--format", "json"], environment: env)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before.stdout)
    }

    @Test("a new file is created as a store; a newer store's schema is refused untouched")
    func newAndNewer() throws {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let directory = try TestPaths.temporaryDirectory("mlsoc-migrate-new")
        let path = directory.appendingPathComponent("new.db").path
        let created = try Shell.run([binary, "store", "migrate", "--db", path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("a new store at schema v29-path-trigrams"), "\(created.stdout)")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        let newer = try Shell.run([binary, "store", "migrate", "--db", path])
        #expect(newer.status != 0)
        #expect(newer.stderr.contains("newer"), "\(newer.stderr)")
    }
}
