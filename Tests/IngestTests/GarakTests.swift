import FindingStore
import Findings
import Foundation
import Ingest
import TestSupport
import Testing

@Suite struct GarakTests {
    static let report = TestPaths.sample("reports/garak/support-bot.report.jsonl")

    /// eval rows read independently: (probe/detector, fails, total).
    func evals() throws -> [(String, Int, Int)] {
        try String(contentsOfFile: Self.report, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                object["entry_type"] as? String == "eval"
            else { return nil }
            return ("\(object["probe"]!)/\(object["detector"]!)", object["fails"] as? Int ?? 0, object["total_evaluated"] as? Int ?? 0)
        }
    }

    @Test("one finding per probe × detector that failed, with its attack-success rate, on the run's target model")
    func findings() throws {
        let failing = try evals().filter { $0.1 > 0 }
        #expect(!failing.isEmpty)
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        let result = try ingestor.ingest(path: Self.report, now: 1)
        #expect(result.outcome.total == failing.count)
        let rows = try store.findingsPage(after: nil, limit: 100)
        #expect(Set(rows.map(\.ruleID)) == Set(failing.map(\.0)))
        #expect(rows.allSatisfy { $0.model == "support-bot" })
        for (rule, fails, total) in failing {
            let row = try #require(rows.first { $0.ruleID == rule })
            #expect(row.severity == (Double(fails) / Double(total) >= 0.5 ? .high : .medium))
            #expect(row.message.contains("\(fails) of \(total)"))
        }
        let injection = try #require(rows.first { $0.ruleID.hasPrefix("promptinject.") })
        #expect(injection.threat == .unintendedSystemInteraction)
        #expect(injection.taxonomy.owaspLLM.contains("LLM01"))
        #expect(injection.taxonomy.other.contains("owasp-llm-2023:LLM01"))
    }

    @Test("OWASP LLM 2023 tags are remapped to 2025, originals kept")
    func remap() {
        let ids = OWASPLLM.remapGarakTags(["owasp:llm02", "owasp:llm06", "avid-effect:security:S0403", "quality:x"])
        #expect(ids.owaspLLM == ["LLM05", "LLM02"])
        #expect(ids.other == ["owasp-llm-2023:LLM02", "owasp-llm-2023:LLM06", "avid-effect:security:S0403"])
    }

    @Test("an aborted run (no completion) keeps its findings, warns, and resolves nothing")
    func aborted() throws {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        _ = try ingestor.ingest(path: Self.report, now: 1)
        let lines = try String(contentsOfFile: Self.report, encoding: .utf8).split(separator: "\n")
        let cut = lines.filter { !$0.contains("\"entry_type\": \"completion\"") && !$0.contains("promptinject.AttackRogueString") }
        let path = try TestPaths.write(cut.joined(separator: "\n") + "\n", name: "aborted.report.jsonl")
        let report = try ingestor.ingest(path: path, now: 2)
        #expect(report.warnings.contains { $0.contains("aborted") })
        #expect(report.outcome.resolved == 0)
        #expect(try store.findingsPage(after: nil, limit: 100).allSatisfy { $0.state == .new })
    }

    @Test("the hit log gives the same findings as the report (same identities), with hit counts")
    func hitlog() throws {
        let hitlog = TestPaths.sample("reports/garak/support-bot.hitlog.jsonl")
        let lines = try String(contentsOfFile: hitlog, encoding: .utf8).split(separator: "\n")
        var counts: [String: Int] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            counts["\(object["probe"]!)/\(object["detector"]!)", default: 0] += 1
        }
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        #expect(FormatSniffer.detect(try FormatSniffer.head(path: hitlog)) == .garakHitlog)
        #expect(try ingestor.ingest(path: hitlog, now: 1).outcome.new == counts.count)
        for row in try store.findingsPage(after: nil, limit: 100) {
            #expect(row.message.contains("flagged \(counts[row.ruleID] ?? -1) outputs"))
            #expect(row.model == "support-bot")
        }
        let report = try ingestor.ingest(path: Self.report, now: 2)
        #expect(report.outcome.new == 0 && report.outcome.unchanged == counts.count)
    }
}
