import FindingStore
import Findings
import Foundation
import TestSupport
import Testing

@Suite struct ModelRiskTests {
    static let day: Int64 = 86_400
    static let t0: Int64 = 1_790_000_000 / 86_400 * 86_400  // midnight UTC

    func finding(_ key: String, _ severity: Severity, model: String?, asr: Double? = nil, tool: String = "t") -> Finding {
        var finding = TestStore.finding(key, severity: severity, tool: tool)
        finding.model = model
        finding.attackSuccessRate = asr
        return finding
    }

    @Test("scores worked out by hand: weights × open findings × rate × criticality; closed findings do not count")
    func scoring() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r1", at: Self.t0)) { sink in
            try sink.noteModel(ModelRecord(name: "chat", source: "config", criticality: 2))
            try sink.noteModel(ModelRecord(name: "fraud", source: "config"))
            try sink.add(finding("a", .critical, model: "chat"))  // 10
            try sink.add(finding("b", .high, model: "chat", asr: 0.25))  // 5 × 0.25 = 1.25
            try sink.add(finding("c", .medium, model: "chat", asr: 0.5))  // 3 × 0.5 = 1.5
            try sink.add(finding("d", .info, model: "chat"))  // 0
            try sink.add(finding("e", .low, model: "fraud"))  // 1
            try sink.add(finding("f", .high, model: "fraud"))  // 5
            try sink.add(finding("g", .critical, model: nil))  // (no model) 10
        }
        // Close one of fraud's findings: a later report of the same scope without it.
        _ = try store.ingest(TestStore.header("r2", at: Self.t0 + 60)) { sink in
            sink.noteCoverage(.root(""))  // the report says it scanned the whole tree
            for (key, severity, model, asr) in [
                ("a", Severity.critical, "chat", nil), ("b", .high, "chat", 0.25), ("c", .medium, "chat", 0.5),
                ("d", .info, "chat", nil), ("e", .low, "fraud", nil), ("g", .critical, nil, nil),
            ] as [(String, Severity, String?, Double?)] {
                try sink.add(finding(key, severity, model: model, asr: asr))
            }
        }
        let risks = Dictionary(uniqueKeysWithValues: try store.modelRisks(now: Self.t0 + 120).map { ($0.name, $0) })
        // chat: (10 + 1.25 + 1.5 + 0) × 2 = 25.5
        #expect(risks["chat"]?.score() == 25.5)
        #expect(risks["chat"]?.openCount == 4)
        // fraud: the high one was resolved by the second report; 1 × 1 = 1
        #expect(risks["fraud"]?.score() == 1)
        #expect(risks["(no model)"]?.score() == 10)
        // Other weights.
        var weights = RiskWeights()
        weights.set(.critical, 100)
        #expect(risks["chat"]?.score(weights: weights) == (100 + 1.25 + 1.5) * 2)
        #expect(risks["chat"]?.formula() == "(1×10 critical + 0.25×5 high + 0.5×3 medium) × criticality 2 = 25.5")
        // The breakdown adds up to the score.
        let chat = try #require(risks["chat"])
        let breakdown = try store.modelBreakdown(modelID: chat.id)
        #expect(breakdown.byTool.reduce(0) { $0 + $1.score() } * chat.criticality == chat.score())
        #expect(breakdown.byTarget.reduce(0) { $0 + $1.score() } * chat.criticality == chat.score())
    }

    @Test("daily snapshots with a fixed clock: one point a day, the last ingest of the day wins, gaps carry forward")
    func snapshots() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("d0", at: Self.t0 + 10)) { try $0.add(finding("a", .critical, model: "m")) }
        _ = try store.ingest(TestStore.header("d0b", at: Self.t0 + 20)) { sink in
            sink.noteCategory("other")
            try sink.add(finding("b", .high, model: "m"))
        }
        _ = try store.ingest(TestStore.header("d2", at: Self.t0 + 2 * Self.day)) { sink in
            sink.noteCategory("third")
            try sink.add(finding("c", .low, model: "m"))
        }
        let model = try #require(try store.modelRisks(now: Self.t0 + 3 * Self.day + 5).first { $0.name == "m" })
        #expect(model.trend == [15, 15, 16, 16])
    }

    @Test("same sha256 merges into the richer entry; its findings, and later ones under the old name, land there")
    func mergeByHash() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("bom1", at: Self.t0)) { sink in
            try sink.noteModel(ModelRecord(name: "fraud-v2", source: "cyclonedx", sha256: "ABCDEF0123"))
            try sink.add(finding("x", .high, model: "fraud-v2"))
        }
        _ = try store.ingest(TestStore.header("bom2", at: Self.t0 + 10)) { sink in
            try sink.noteModel(
                ModelRecord(
                    name: "fraud-detector", version: "2.3.0", source: "cyclonedx", sha256: "abcdef0123",
                    modelCard: "{}"))
        }
        let risks = try store.modelRisks(now: Self.t0 + 20)
        #expect(risks.map(\.name) == ["fraud-detector"])
        #expect(risks.first?.openCount == 1)
        let (model, alias) = try #require(try store.resolveModel("fraud-v2"))
        #expect(model.name == "fraud-detector" && model.version == "2.3.0")
        #expect(alias?.reason == "fraud-v2 has the same sha256 (abcdef0123…) as fraud-detector 2.3.0")
        _ = try store.ingest(TestStore.header("scan3", at: Self.t0 + 30)) { sink in
            sink.noteCategory("again")
            try sink.add(finding("y", .low, model: "fraud-v2"))
        }
        #expect(try store.modelRisks(now: Self.t0 + 40).map(\.openCount) == [2])
    }

    @Test("config aliases merge names into one model, and say so")
    func mergeByAlias() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r1", at: Self.t0)) { sink in
            try sink.add(finding("x", .high, model: "openai-community/gpt2"))
        }
        _ = try store.ingest(TestStore.header("r2", at: Self.t0 + 10)) { sink in
            try sink.noteModel(ModelRecord(name: "gpt2-chat", source: "config"))
            try sink.noteAlias("openai-community/gpt2", of: "gpt2-chat", reason: "listed under aliases of gpt2-chat in config.yaml")
        }
        let risks = try store.modelRisks(now: Self.t0 + 20)
        #expect(risks.map(\.name) == ["gpt2-chat"] && risks.first?.openCount == 1)
        #expect(try store.modelAliases()[risks[0].id]?.map(\.name) == ["openai-community/gpt2"])
    }
}
