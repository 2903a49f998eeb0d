import ConsoleApp
import ConsoleUI
import FindingStore
import Findings
import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ReadOnlyTests {
    @Test(
        "every kind of mutating statement fails on the connection mlsoc opens for a read-only store",
        arguments: [
            "INSERT INTO scope (key) VALUES ('x')", "UPDATE finding SET state = 3", "DELETE FROM finding", "CREATE TABLE t (x)",
            "DROP TABLE scope", "CREATE INDEX i ON finding (message)", "PRAGMA user_version = 9", "REPLACE INTO scope (id, key) VALUES (1, 'y')",
        ])
    func statementsFail(sql: String) throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { try $0.add(TestStore.finding("a")) }
        let schema = try store.schemaSQL()
        let reader = try TestStore.reopen(store, mode: .readOnly)
        #expect(throws: StoreError.self) { try reader.executeOnWriterConnection(sql: sql) }
        #expect(try store.schemaSQL() == schema)
        #expect(try store.counts().findings == 1)
    }

    @Test("the same connection of a read-write store does write: the refusal above is the read-only open's")
    func writableControl() throws {
        let store = try TestStore.make()
        try store.executeOnWriterConnection(sql: "CREATE TABLE t (x INTEGER)")
        let schema = try store.schemaSQL()
        #expect(schema.contains("CREATE TABLE t (x INTEGER)") || schema.contains("table t\n"))
    }

    @Test("the read-only store refuses ingest, triage, undo and lapsing")
    func storeRefuses() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { try $0.add(TestStore.finding("a")) }
        let reader = try TestStore.reopen(store, mode: .readOnly)
        #expect(throws: StoreError.self) { try reader.ingest(TestStore.header("r2")) { _ in } }
        #expect(throws: StoreError.self) { try reader.triage(1, expectedVersion: nil, action: .note("n"), actor: "a", now: 1) }
        #expect(throws: StoreError.self) { try reader.undoLast(1, actor: "a", now: 1) }
        #expect(throws: StoreError.self) { try reader.lapseAcceptances(now: 1) }
    }

    @Test("without a writer, a triage effect reports read-only and the store is untouched")
    func noWriter() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { try $0.add(TestStore.finding("a")) }
        let action = EffectRunner.run(.triage([TriageTarget(id: 1, version: 1)], .falsePositive(reason: "x")), store: store, writer: nil)
        #expect(action == .failed("read-only: this view cannot change the store"))
        #expect(try store.findingDetail(id: 1)?.state == .new)
    }

    @Test("every destructive binding, in every screen, does nothing in the dashboard", arguments: Keymap.all)
    func destructiveUnbound(map: Keymap) {
        for binding in map.bindings where binding.destructive {
            for key in binding.keys {
                #expect(map.readOnly.command(for: key) != binding.command, "\(map.name): \(key) still does \(binding.command)")
            }
        }
    }

    @Test("thousands of refreshes of the dashboard's data and screen leave memory flat")
    func memoryFlat() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { sink in
            for index in 0..<50 { try sink.add(TestStore.finding("f\(index)", severity: Severity(rawValue: index % 5) ?? .low)) }
        }
        let reader = try TestStore.reopen(store, mode: .readOnly)
        var state = AppState(size: Size(width: 160, height: 48), storePath: store.path, readOnly: true)
        state.kiosk = true
        state.kioskViews = [.matrix, .models, .ingest]
        func refresh(_ count: Int) {
            for index in 0..<count {
                var pending: [Action] = [index % 50 == 0 ? .rotate : .storeChanged]
                while !pending.isEmpty {
                    for effect in Reducer.reduce(&state, pending.removeFirst()) {
                        if let result = EffectRunner.run(effect, store: reader, writer: nil) { pending.append(result) }
                    }
                }
                _ = Renderer.render(state)
            }
        }
        // A server round trip per query makes a refresh slower there: fewer of them, same bound.
        let rounds = TestStore.onSQLite ? 10_000 : 2_500
        refresh(rounds / 10)
        let warm = residentBytes()
        refresh(rounds)
        let grown = residentBytes() - warm
        #expect(grown < 8 << 20, "RSS grew by \(grown / 1024) KiB over \(rounds) refreshes")
    }

    func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = Int(text.split(separator: " ")[1])
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
