import Config
import Export
import FindingStore
import Findings
import Foundation
import JSONStream
import TestSupport
import Testing

@testable import Ingest

/// Compliance evidence on the sample reports, ingested by the real path, with a fixed clock: every
/// status is reached, and triage moves a cell.
@Suite(.serialized) struct ComplianceTests {
    static let ingestedAt: Int64 = 1_790_000_000
    static let day: Int64 = 86_400

    static func pack(_ name: String) throws -> CompliancePack {
        try CompliancePacks.named(name, environment: ["HOME": "/nonexistent"])
    }

    /// The pack evaluated over the store as of `now`.
    static func evaluate(_ store: FindingStore, _ pack: CompliancePack, at now: Int64) throws -> ComplianceResult {
        ComplianceEvaluator.evaluate(pack, facts: try store.complianceFacts(now: now), now: now)
    }

    static func cell(_ result: ComplianceResult, _ model: String, _ control: String) -> ComplianceResult.Cell? {
        result.rows.first { $0.model.name == model }?.cells.first { $0.control.id == control }
    }

    @Test("every status is reached on a store of the sample reports, with a fixed clock")
    func statuses() throws {
        let store = try ExportTests.sampleStore()
        let pack = try Self.pack("owasp-llm-2025")
        let now = Self.ingestedAt + Self.day
        let result = try Self.evaluate(store, pack, at: now)
        // Open findings of fraud-detector in the prompt-injection cells.
        #expect(Self.cell(result, "fraud-detector", "LLM01")?.status == .violated)
        #expect((Self.cell(result, "fraud-detector", "LLM01")?.open ?? 0) > 0)
        // A dataset is not what prompt injection is about.
        #expect(Self.cell(result, "fraud-transactions-2026q3", "LLM01")?.status == .notApplicable)
        // modelaudit ran on credit-advisor's project a day ago and nothing of LLM03 is open.
        let supply = try #require(Self.cell(result, "credit-advisor", "LLM03"))
        #expect(supply.status == .evidenced, "\(supply.reason)")
        #expect(supply.scans.allSatisfy { supply.control.testedBy.contains($0.tool) && $0.sha256.count == 64 })
        // garak and promptfoo ran against support-bot only: nothing tested LLM08 on credit-advisor.
        let rag = try #require(Self.cell(result, "credit-advisor", "LLM08"))
        #expect(rag.status == .noEvidence && rag.reason.contains("nothing tested LLM08 on credit-advisor"), "\(rag.reason)")
        #expect(Self.cell(result, "support-bot", "LLM08")?.status != .noEvidence)
        // Forty days on, the same scans are older than the 30-day window.
        let later = Self.ingestedAt + 40 * Self.day
        let aged = try Self.evaluate(store, pack, at: later)
        let stale = try #require(Self.cell(aged, "credit-advisor", "LLM03"))
        #expect(stale.status == .stale && stale.reason.contains("40 days ago"), "\(stale.reason)")
        #expect(Self.cell(aged, "credit-advisor", "LLM08")?.status == .noEvidence)
        // Coverage: current evidence over applicable controls.
        let row = try #require(result.rows.first { $0.model.name == "credit-advisor" })
        let current = row.cells.filter { [.violated, .accepted, .evidenced].contains($0.status) }.count
        #expect(row.coverage == Double(current) / Double(row.cells.filter { $0.status != .notApplicable }.count))
    }

    @Test("accepting a control's findings makes it accepted; the acceptance running out makes it violated again")
    func acceptance() throws {
        let store = try ExportTests.sampleStore()
        let pack = try Self.pack("owasp-llm-2025")
        let now = Self.ingestedAt + Self.day
        let before = try Self.evaluate(store, pack, at: now)
        let violated = try #require(Self.cell(before, "credit-advisor", "LLM04"))
        #expect(violated.status == .violated)
        let open = try store.findingsPage(
            FindingQuery(filter: try FindingFilter.parse("model:credit-advisor state:open"), sort: .severity), after: nil, limit: 500, now: now)
        #expect(!open.isEmpty)
        let until = now + 30 * Self.day
        let results = try store.triage(
            open.map { ($0.id, $0.version) }, action: .acceptRisk(reason: "compensating control at the gateway", until: until), actor: "alice",
            now: now)
        #expect(results.count == open.count)
        let after = try Self.evaluate(store, pack, at: now)
        let accepted = try #require(Self.cell(after, "credit-advisor", "LLM04"))
        #expect(accepted.status == .accepted && accepted.accepted == violated.open, "\(accepted.reason)")
        // The acceptance ends: the findings are open again, and so is the control.
        let lapsed = until + Self.day
        let again = try Self.evaluate(store, pack, at: lapsed)
        #expect(Self.cell(again, "credit-advisor", "LLM04")?.status == .violated)
    }

    @Test("process controls read the audit trail: SLA breaches, triage decisions, rescans")
    func processControls() throws {
        let store = try ExportTests.sampleStore()
        let pack = try Self.pack("eu-ai-act")
        let now = Self.ingestedAt + Self.day
        let result = try Self.evaluate(store, pack, at: now)
        #expect(Self.cell(result, "support-bot", "Art.9(2)")?.status == .evidenced)
        #expect(Self.cell(result, "support-bot", "Art.9(4)")?.status == .noEvidence, "no decision recorded yet")
        // A year on, every open finding is past its SLA: post-market monitoring is violated.
        let year = Self.ingestedAt + 365 * Self.day
        let late = try Self.evaluate(store, pack, at: year)
        #expect(Self.cell(late, "support-bot", "Art.72-sla")?.status == .violated)
        #expect(Self.cell(late, "support-bot", "Art.9(2)")?.status == .stale)
        // A triage decision is evidence of a recorded risk response.
        let open = try store.findingsPage(
            FindingQuery(filter: try FindingFilter.parse("model:support-bot state:open"), sort: .severity), after: nil, limit: 1, now: now)
        let first = try #require(open.first)
        _ = try store.triage(first.id, expectedVersion: first.version, action: .inTriage(note: "looking"), actor: "bob", now: now)
        let decided = try Self.evaluate(store, pack, at: now)
        #expect(Self.cell(decided, "support-bot", "Art.9(4)")?.status == .evidenced)
        // Not applicable by stage: post-market monitoring is for deployed models.
        #expect(Self.cell(result, "sentiment-bert", "Art.72")?.status == .notApplicable)
    }

    @Test("the built-in packs load, each control names what violates and what tests it")
    func builtInPacks() throws {
        let packs = try CompliancePacks.all(environment: ["HOME": "/nonexistent"])
        #expect(Set(packs.map(\.name)) == ["owasp-llm-2025", "mitre-atlas", "nist-ai-rmf", "eu-ai-act", "iso-42001"])
        for pack in packs {
            #expect(!pack.source.isEmpty && !pack.version.isEmpty, "\(pack.name) says where its ids come from")
            for control in pack.controls where control.process == nil {
                #expect(!control.testedBy.isEmpty && !(control.threats.isEmpty && control.ids.isEmpty), "\(pack.name) \(control.id)")
            }
        }
    }

    @Test(
        "a broken pack is refused with the file, the line and the key",
        arguments: [
            (
                "pack: x\ntitle: t\nversion: '1'\nsource: s\ncontrols:\n  - id: A\n    title: t\n    clause: c\n    findings: { threats: [data-leak] }\n    tested_by: [garak]\n",
                "controls.0.findings.threats", 9
            ),
            (
                "pack: x\ntitle: t\nversion: '1'\nsource: s\ncontrols:\n  - id: A\n    title: t\n    clause: c\n    findings: { ids: [LLM01] }\n",
                "controls.0.tested_by", 6
            ),
            (
                "pack: x\ntitle: t\nversion: '1'\nsource: s\ncontrols:\n  - id: A\n    title: t\n    clause: c\n    process: sometimes\n",
                "controls.0.process", 9
            ),
            ("pack: x\ntitle: t\nversion: '1'\nsource: s\nwindow: 30\ncontrols: []\n", "window", 5),
            (
                "pack: x\ntitle: t\nversion: '1'\nsource: s\ncontrols:\n  - id: A\n    title: t\n    clause: c\n    findings: { ids: [LLM01] }\n    tested_by: [garak]\n    run: { promptfoo: plugins x }\n",
                "controls.0.run.promptfoo", 11
            ),
            (
                "pack: x\ntitle: t\nversion: '1'\nsource: s\ncontrols:\n  - id: A\n    title: t\n    clause: c\n    process: rescan\n  - id: A\n    title: u\n    clause: c\n    process: sla\n",
                "controls.1.id", 10
            ),
        ])
    func brokenPack(yaml: String, key: String, line: Int) throws {
        do {
            _ = try CompliancePacks.parse(yaml: yaml, source: "/home/u/.config/mlsoc/packs/mine.yaml")
            Issue.record("accepted a broken pack")
        } catch let error as IngestError {
            #expect(error.file == "/home/u/.config/mlsoc/packs/mine.yaml")
            #expect(error.message.contains("at \(key)"), "\(error.message)")
            #expect(error.line == line, "\(error)")
        }
    }

    @Test("gaps are the untested controls, each with the scans to run that would test it")
    func gaps() throws {
        let store = try ExportTests.sampleStore()
        let now = Self.ingestedAt + Self.day
        let result = try Self.evaluate(store, try Self.pack("owasp-llm-2025"), at: now)
        let gaps = ComplianceGaps.gaps(result)
        let statuses = result.rows.flatMap { row in row.cells.map { (row.model.name, $0.control.id, $0.status) } }
        // Exactly the no-evidence and stale cells.
        #expect(gaps.count == statuses.filter { $0.2 == .noEvidence || $0.2 == .stale }.count)
        let injection = try #require(gaps.first { $0.model.name == "credit-advisor" && $0.cell.control.id == "LLM01" })
        #expect(
            injection.commands.contains {
                $0.hasPrefix("python -m garak") && $0.contains("--target_name credit-advisor") && $0.contains("--probes promptinject")
            })
        #expect(injection.commands.count == injection.cell.control.testedBy.count)
        #expect(ComplianceGaps.text(result).contains("then: mlsoc ingest"))
    }

    @Test("a user pack of the same name replaces the built-in one")
    func userPack() throws {
        let home = try TestPaths.temporaryDirectory("mlsoc-packs")
        let directory = home.appendingPathComponent("mlsoc/packs")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
        pack: owasp-llm-2025
        title: Our reading of the OWASP LLM Top 10
        version: "2025-internal"
        source: internal
        window_days: 7
        controls:
          - id: LLM01
            title: Prompt injection tested weekly
            clause: internal policy 4.2
            findings: { ids: [LLM01] }
            tested_by: [garak]
        """.write(to: directory.appendingPathComponent("owasp.yaml"), atomically: true, encoding: .utf8)
        let pack = try CompliancePacks.named("owasp-llm-2025", environment: ["XDG_CONFIG_HOME": home.path])
        #expect(pack.version == "2025-internal" && pack.windowDays == 7 && pack.controls.count == 1)
    }
}
