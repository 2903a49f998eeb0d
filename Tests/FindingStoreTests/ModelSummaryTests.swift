import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import FindingStore

/// modelSummary (schema v12) is summaryCell grouped by model, severity and state, kept by the
/// ingest and by triggers on finding as summaryCell is; the Models view reads it.
@Suite struct ModelSummaryTests {
    /// modelSummary's non-zero counts as "model/severity/state=count@weight", and summaryCell
    /// grouped the same way.
    static func both(_ queue: StoreSQL) throws -> (kept: [String], grouped: [String]) {
        func cell(_ model: Int64, _ severity: Int, _ state: Int, _ count: Int, _ weight: Double) -> String {
            "\(model)/\(severity)/\(state)=\(count)@" + String(format: "%.3f", weight)
        }
        return try queue.read { db in
            var kept: [String] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM modelSummary") {
                for severity in 0...4 where row["c\(severity)"] as Int != 0 {
                    kept.append(cell(row["modelId"], severity, row["state"], row["c\(severity)"], row["w\(severity)"]))
                }
            }
            let grouped = try Row.fetchAll(
                db,
                sql: """
                    SELECT modelId, severity, state, sum(count), sum(weight) FROM summaryCell GROUP BY 1, 2, 3 HAVING sum(count) != 0
                    """
            ).map { row in cell(row[0], row[1], row[2], row[3], row[4]) }
            return (kept.sorted(), grouped.sorted())
        }
    }

    @Test("ingest, triage, bulk triage and a model merge keep modelSummary equal to summaryCell grouped")
    func followsSummary() throws {
        let store = try TestStore.make()
        for report in 0..<3 {
            _ = try store.ingest(TestStore.header("r\(report)")) { sink in
                for index in 0..<40 {
                    var finding = TestStore.finding(
                        "f\(report)-\(index)", severity: Severity(rawValue: index % 5) ?? .info,
                        threat: index % 2 == 0 ? .misconfiguration : .dataPoisoning,
                        tool: "tool\(report)")  // each report its own scope
                    finding.model = index % 4 == 0 ? nil : "m\(index % 3)"
                    finding.attackSuccessRate = index % 7 == 0 ? 0.25 : nil
                    try sink.add(finding)
                }
            }
        }
        var (kept, grouped) = try Self.both(TestStore.sql(store))
        #expect(!kept.isEmpty && kept == grouped)

        _ = try store.triage(1, expectedVersion: nil, action: .falsePositive(reason: "test"), actor: "dave", now: 1_700_000_100)
        _ = try store.triage(
            [(id: 2, version: nil), (id: 3, version: nil), (id: 40, version: nil)],
            action: .falsePositive(reason: "bulk"), actor: "dave", now: 1_700_000_200)
        (kept, grouped) = try Self.both(TestStore.sql(store))
        #expect(kept == grouped)
        let falsePositives = kept.filter { $0.contains("/3=") }
        #expect(!falsePositives.isEmpty)

        // A later report says m1 is another name of m0: the two models merge, their counts move.
        _ = try store.ingest(TestStore.header("alias")) { sink in
            try sink.noteAlias("m1", of: "m0", reason: "config alias")
        }
        (kept, grouped) = try Self.both(TestStore.sql(store))
        #expect(kept == grouped)
        let risks = try store.modelRisks(now: 1_700_000_300)
        let open = risks.map { $0.open.values.reduce(0, +) }.reduce(0, +)
        #expect(open == 120 - 4)
        let m1 = risks.filter { $0.name == "m1" && !$0.open.isEmpty }
        #expect(m1.isEmpty)
    }

    @Test("a v11 store gains modelSummary from its summary; a read-only open before the upgrade says what to do")
    func fromV11() throws {
        let path = try TestPaths.temporaryDirectory("mlsoc-v11").appendingPathComponent("old.db").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v11-summary-on-ingest")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO summaryCell (modelId, threat, severity, state, count, weight) VALUES
                        (0, 22, 3, 0, 5, 5), (0, 1, 3, 0, 2, 1.5), (7, 22, 4, 0, 1, 1), (7, 22, 4, 3, 2, 2);
                    """)
        }
        try queue.close()
        #expect {
            _ = try FindingStore(path: path, mode: .readOnly)
        } throws: { error in
            let text = "\(error)"
            return text.contains("older mlsoc") && text.contains(path)
        }
        _ = try FindingStore(path: path)
        let (kept, grouped) = try Self.both(TestStore.sql(try FindingStore(path: path)))
        #expect(kept == ["0/3/0=7@6.500", "7/4/0=1@1.000", "7/4/3=2@2.000"])  // sorted as text
        #expect(kept == grouped)
        _ = try FindingStore(path: path, mode: .readOnly)  // upgraded: opens
    }

    @Test("a read-only open of a file that is no mlsoc store says so")
    func notAStore() throws {
        let path = try TestPaths.temporaryDirectory("mlsoc-foreign").appendingPathComponent("other.db").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        try queue.close()
        #expect {
            _ = try FindingStore(path: path, mode: .readOnly)
        } throws: { error in
            "\(error)".contains("not an mlsoc store")
        }
    }
}
