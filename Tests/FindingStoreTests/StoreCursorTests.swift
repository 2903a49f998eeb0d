import GRDB
import TestSupport
import Testing

@testable import FindingStore

/// Cursors read every row, in order, whatever the backend: on a server in chunks of
/// `StoreConnection.cursorChunk` from a cursor of the server's (memory stays bounded however big
/// the result), with other statements and other cursors running between two rows.
@Suite struct StoreCursorTests {
    static let numbers = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT i, 'row ' || i AS label FROM n ORDER BY i
        """

    @Test func aCursorReadsEveryRowInOrderAcrossChunks() throws {
        let store = try TestStore.make()
        let count = StoreConnection.cursorChunk * 2 + 17
        let (seen, labels) = try TestStore.sql(store).read { db in
            let rows = try Row.fetchCursor(db, sql: Self.numbers, arguments: [count])
            var seen: [Int] = []
            var labels = 0
            while let row = try rows.next() {
                seen.append(try row.decode(atIndex: 0))
                let label: String = try row.decode(atIndex: 1)
                if label == "row \(seen.last ?? 0)" { labels += 1 }
            }
            // Exhausted stays exhausted.
            #expect(try rows.next() == nil)
            return (seen, labels)
        }
        #expect(seen == Array(1...count))
        #expect(labels == count)
    }

    @Test func statementsAndOtherCursorsRunBetweenTwoRows() throws {
        let store = try TestStore.make()
        let count = StoreConnection.cursorChunk + 5
        let pairs = try TestStore.sql(store).read { db in
            let outer = try Row.fetchCursor(db, sql: Self.numbers, arguments: [count])
            let inner = try Row.fetchCursor(db, sql: "SELECT i FROM (\(Self.numbers)) AS numbers", arguments: [count])
            var pairs = 0
            while let row = try outer.next() {
                let number: Int = try row.decode(atIndex: 0)
                guard let other = try inner.next(), try other.decode(atIndex: 0) == number else { break }
                if number % 250 == 0 { #expect(try Int.fetchOne(db, sql: "SELECT ? + 1", arguments: [number]) == number + 1) }
                pairs += 1
            }
            return pairs
        }
        #expect(pairs == count)
    }

    @Test func anEmptyResultIsAnEmptyCursor() throws {
        let store = try TestStore.make()
        let none = try TestStore.sql(store).read { db in
            try Row.fetchCursor(db, sql: "SELECT id FROM finding WHERE id < 0").next()
        }
        #expect(none == nil)
    }
}
