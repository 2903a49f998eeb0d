import Foundation
import TestSupport
import Testing

/// Issue 23, case 7: whether an acceptance holds is decided from the clock at read time, in every
/// reader. Here no writer ran since the acceptance ended (a cron `export`, `findings`, `report`).
@Suite(.serialized) struct ReadTimeAcceptanceTests {
    @Test("an acceptance that ended an hour ago, no writer since: findings, report, export sarif/vex/json and the matrix treat the finding as open")
    func endedAcceptance() throws {
        let mlsoc = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let db = try TestStore.location("mlsoc-lapsed")
        #expect(try Shell.run([mlsoc, "ingest", "--db", db, TestPaths.sample("reports/modelscan/models.json")]).status == 0)
        let openBefore = try Shell.run([mlsoc, "report", "--db", db, "--format", "json"])
        let before = try #require(try JSONSerialization.jsonObject(with: Data(openBefore.stdout.utf8)) as? [String: Any])
        // Accepted by an earlier session; it ended an hour ago and nothing has written since.
        let ended = Int64(Date().timeIntervalSince1970) - 3_600
        try TestStore.sql(try TestStore.open(db)).write { db in
            try db.execute(
                sql: "UPDATE finding SET state = 6, acceptedUntil = ?, acceptedBy = 'carol', acceptReason = 'vendor fix' WHERE id = 1",
                arguments: [ended])
        }
        let accepted = try Shell.run([mlsoc, "findings", "--db", db, "state:accepted", "--json"])
        #expect(accepted.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(accepted.stdout)")
        let open = try Shell.run([mlsoc, "findings", "--db", db, "state:open", "id:1", "--json"])
        #expect(open.stdout.contains("\"id\":1") && open.stdout.contains("\"state\":\"new\""))
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(try Shell.run([mlsoc, "report", "--db", db, "--format", "json"]).stdout.utf8))
                as? [String: Any])
        #expect(report["open"] as? Int == before["open"] as? Int)
        let sarif = try Shell.run([mlsoc, "export", "--db", db, "--format", "sarif"]).stdout
        #expect(!sarif.contains("\"suppressions\""), "an ended acceptance is no suppression")
        let vex = try Shell.run([mlsoc, "export", "--db", db, "--format", "vex"]).stdout
        #expect(!vex.contains("mlsoc:accepted-until") && !vex.contains("\"risk_accepted\""))
        let models = try #require(
            try JSONSerialization.jsonObject(with: Data(try Shell.run([mlsoc, "models", "--db", db, "--json"]).stdout.utf8))
                as? [[String: Any]])
        let criticals = models.reduce(0) { $0 + (($1["open"] as? [String: Int])?["critical"] ?? 0) }
        #expect(criticals == 3, "all three criticals count in the model scores again")
        // The store itself still says accepted until a writer lapses it (with an event): nothing was written.
        #expect(try TestStore.sql(try TestStore.open(db)).read { db in try Int.fetchOne(db, sql: "SELECT state FROM finding WHERE id = 1") } == 6)
    }

    @Test("a VEX document whose acceptance already ended lands as open, with the reason in the event")
    func importedEndedAcceptance() throws {
        let mlsoc = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let dir = try TestPaths.temporaryDirectory("mlsoc-lapsed-vex")
        let source = try TestStore.location("mlsoc-lapsed-source")
        #expect(try Shell.run([mlsoc, "ingest", "--db", source, TestPaths.sample("reports/modelscan/models.json")]).status == 0)
        try TestStore.sql(try TestStore.open(source)).write { db in
            try db.execute(sql: "UPDATE finding SET state = 6, acceptedUntil = 1700000000, acceptedBy = 'carol', acceptReason = 'old' WHERE id = 1")
        }
        // Export it as it was accepted (the exporter's clock said so then): write the VEX by hand from the store's JSON.
        let vexPath = dir.appendingPathComponent("vex.json").path
        let export = try Shell.run([mlsoc, "export", "--db", source, "--format", "vex", "-o", vexPath])
        #expect(export.status == 0)
        var vex = try String(contentsOfFile: vexPath, encoding: .utf8)
        // The reader already treats it as open; make the document claim the old acceptance, as an old export would.
        if !vex.contains("risk_accepted") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(vex.utf8)) as? [String: Any])
            var vulnerabilities = object["vulnerabilities"] as? [[String: Any]] ?? []
            let first = try Shell.run([mlsoc, "findings", "--db", source, "id:1", "--json"]).stdout
            let fingerprint = try #require(
                (try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [[String: Any]])?.first?["fingerprint"] as? String)
            let index = try #require(vulnerabilities.firstIndex { ($0["bom-ref"] as? String)?.hasSuffix(fingerprint) == true })
            vulnerabilities[index]["analysis"] = ["state": "exploitable", "response": ["will_not_fix"], "detail": "accepted"]
            var properties = (vulnerabilities[index]["properties"] as? [[String: String]] ?? []).filter { $0["name"] != "mlsoc:state" }
            properties.append(["name": "mlsoc:state", "value": "accepted"])
            properties.append(["name": "mlsoc:accepted-until", "value": "1700000000"])
            properties.append(["name": "mlsoc:accepted-by", "value": "carol"])
            vulnerabilities[index]["properties"] = properties
            var changed = object
            changed["vulnerabilities"] = vulnerabilities
            vex = String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self)
            try vex.write(toFile: vexPath, atomically: true, encoding: .utf8)
        }
        let target = try TestStore.location("mlsoc-lapsed-target")
        #expect(try Shell.run([mlsoc, "ingest", "--db", target, vexPath]).status == 0)
        let accepted = try Shell.run([mlsoc, "findings", "--db", target, "state:accepted", "--json"]).stdout
        #expect(accepted.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        // Not merely hidden by the read-time rule: the store holds it open, and the event says why.
        let stored = TestStore.sql(try TestStore.open(target))
        #expect(try stored.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM finding WHERE state = 6") } == 0)
        let reasons = try stored.read { db in
            try String.fetchAll(db, sql: "SELECT reason FROM findingEvent WHERE reason IS NOT NULL")
        }
        #expect(reasons.contains { $0.contains("the imported acceptance ended on 2023-11-14") })
    }
}
