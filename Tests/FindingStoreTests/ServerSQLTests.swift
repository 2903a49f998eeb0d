import Foundation
import GRDB
import Testing

@testable import FindingStore

/// The store's SQL put into PostgreSQL's dialect (ServerSQL), and values through the codec that
/// stands between GRDB and a server. The server half runs in PostgresStoreTests.
@Suite struct ServerSQLTests {
    @Test func parametersBecomeNumberedAndANameUsedTwiceIsOneParameter() {
        let positional = ServerSQL("SELECT id FROM finding WHERE state IN (?, ?) AND path = 'a?b' AND \"x?\" = ? -- what?\nLIMIT ?")
        #expect(positional.text == "SELECT id FROM finding WHERE state IN ($1, $2) AND path = 'a?b' AND \"x?\" = $3 \nLIMIT $4")
        #expect(positional.parameters == (1...4).map { .numbered($0) })

        let named = ServerSQL("SELECT 1 WHERE at < :now AND (:project IS NULL OR projectId = :project) AND note = 'it''s :not'")
        #expect(named.text == "SELECT 1 WHERE at < $1 AND ($2 IS NULL OR projectId = $2) AND note = 'it''s :not'")
        #expect(named.parameters == [.named("now"), .named("project")])

        let numbered = ServerSQL("SELECT 1 WHERE a = ?2 AND b = ?1 AND c = ?2")
        #expect(numbered.text == "SELECT 1 WHERE a = $2 AND b = $1 AND c = $2")
        #expect(numbered.parameters == [.numbered(1), .numbered(2)])
        // As in SQLite, `?` after `?4` is the fifth.
        let mixed = ServerSQL("SELECT 1 WHERE a >= ?3 AND b IN (?, ?) AND c = ?1")
        #expect(mixed.text == "SELECT 1 WHERE a >= $3 AND b IN ($4, $5) AND c = $1")
        #expect(mixed.parameters == (1...5).map { .numbered($0) })
    }

    @Test func sqliteOnlySyntaxIsRewritten() {
        #expect(
            ServerSQL("SELECT f.id FROM finding f INDEXED BY finding_by_cell WHERE f.path like ?").text
                == "SELECT f.id FROM finding f  WHERE f.path ILIKE $1")
        #expect(
            ServerSQL("INSERT OR IGNORE INTO scanModel (scanId, modelId) VALUES (?, ?);").text
                == "INSERT INTO scanModel (scanId, modelId) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        #expect(ServerSQL("SELECT f.id FROM finding f NOT INDEXED WHERE f.id = 1").text == "SELECT f.id FROM finding f  WHERE f.id = 1")
        #expect(ServerSQL("SELECT lower(hex(s.sha256)) AS sha256 FROM scan s").text == "SELECT encode(s.sha256, 'hex') AS sha256 FROM scan s")
        #expect(
            ServerSQL("UPDATE m SET lastSeen = max(lastSeen, ?), n = (SELECT max(id) FROM t), o = min(a, coalesce(b, ','))").text
                == "UPDATE m SET lastSeen = greatest(lastSeen, $1), n = (SELECT max(id) FROM t), o = least(a, coalesce(b, ','))")
        #expect(
            ServerSQL("SELECT 1 WHERE a IN () AND b NOT IN ( ) AND c IN (?)").text
                == "SELECT 1 WHERE a = ANY('{}') AND b <> ALL('{}') AND c IN ($1)")
        // Words that only contain a keyword are left alone.
        #expect(ServerSQL("SELECT unliked, indexedAt FROM t").text == "SELECT unliked, indexedAt FROM t")
    }

    @Test func theCodecListsArgumentsInParameterOrder() throws {
        let codec = try ServerCodec()
        let positional = try codec.values(of: [1, "two", nil, 2.5], for: ServerSQL("SELECT ?, ?, ?, ?"))
        #expect(positional == [1.databaseValue, "two".databaseValue, .null, 2.5.databaseValue])
        let named = try codec.values(of: ["project": 7, "now": 99, "unused": 1], for: ServerSQL("SELECT :now, :project, :now"))
        #expect(named == [99.databaseValue, 7.databaseValue])
        #expect(throws: (any Error).self) { _ = try codec.values(of: [1], for: ServerSQL("SELECT ?, ?")) }
    }

    @Test func serverRowsDecodeAsSQLiteRowsDo() throws {
        let codec = try ServerCodec()
        let result = ServerResult(
            columns: ["id", "title", "score", "blob"],
            rows: (0..<5_000).map { [Int64($0).databaseValue, "t\($0)".databaseValue, .null, Data([1, 2]).databaseValue] }, affected: 0)
        // More values than SQLite binds at once: decoded in several statements, in order.
        let rows = try codec.decode(result, limit: nil) { db, sql, arguments in try Row.fetchAll(db, sql: sql, arguments: arguments) }
        #expect(rows.count == 5_000)
        #expect(rows.map { $0["ID"] as Int64 } == (0..<5_000).map { Int64($0) })
        #expect(rows[42]["title"] as String == "t42" && rows[42]["score"] as Double? == nil)
        // SQLite's conversions: an integer read as text, as it would be from the SQLite store.
        let texts = try codec.decode(result, limit: 2) { db, sql, arguments in try String.fetchAll(db, sql: sql, arguments: arguments) }
        #expect(texts == ["0", "1"])
        let none = try codec.decode(ServerResult(columns: ["n"], rows: [], affected: 0), limit: nil) { db, sql, arguments in
            try Int.fetchAll(db, sql: sql, arguments: arguments)
        }
        #expect(none.isEmpty)
    }
}
