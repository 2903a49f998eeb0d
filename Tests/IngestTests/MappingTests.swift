import Config
import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream
import TestSupport
import Testing

/// The mapping (issue 17): its inputs in order, the CWE table, the resource context, the tool's
/// severity, the lint of what is unmapped, and the share of unclassified findings on reports of
/// rules and checks the mapping file does not name (Fixtures/mapping).
@Suite struct MappingTests {
    static let mappingFolder = TestPaths.packageRoot.appendingPathComponent("Tests/IngestTests/Fixtures/mapping/reports")
    static func report(_ name: String) -> String { mappingFolder.appendingPathComponent(name).path }

    private typealias S = MappingSubject

    private static func subject(_ tool: String, _ rule: String, cwe: [String] = [], tags: [String] = []) -> MappingSubject {
        MappingSubject(tool: tool, ruleID: rule, cwe: cwe, tags: tags)
    }

    /// Every entry of the bundled `rules`, `tags` and `defaults`, with a subject it must decide and
    /// the cell it must give. A new entry without a case here fails `everyBuiltInRuleHasACase`.
    private static let cases: [(id: String, subject: MappingSubject, cell: Threat)] = [
        ("bandit.deserialisation", subject("bandit", "B301"), .malwareDistribution),
        ("bandit.exec", subject("bandit", "B102"), .unintendedSystemInteraction),
        ("bandit.secrets", subject("bandit", "B105"), .dataLoss),
        ("bandit.tls", subject("bandit", "B501"), .integrationIssues),
        ("bandit.misconfiguration", subject("bandit", "B201"), .misconfiguration),
        ("bandit.trojan-source", subject("bandit", "B613"), .malwareDistribution),
        ("bandit.cleartext", subject("bandit", "B312"), .dataLoss),
        ("bandit.timeouts", subject("bandit", "B113"), .modelDenialOfService),
        ("bandit.unpinned-hub", subject("bandit", "B615"), .malwareDistribution),
        ("bandit.injection", subject("bandit", "B608"), .unintendedSystemInteraction),
        ("checkov.storage-exposure", subject("checkov", "CKV_AWS_20"), .dataLoss),
        ("checkov.sagemaker", subject("checkov", "CKV_AWS_122"), .modelTheft),
        ("checkov.k8s-privilege", subject("checkov", "CKV_K8S_16"), .misconfiguration),
        ("checkov.k8s-resources", subject("checkov", "CKV_K8S_10"), .modelDenialOfService),
        ("checkov.secrets", subject("checkov", "CKV_SECRET_x"), .dataLoss),
        ("checkov.network-iam", subject("checkov", "CKV_AWS_24"), .misconfiguration),
        ("checkov.ci", subject("checkov", "CKV_GHA_x"), .integrationIssues),
        ("codeql.bind-all", subject("codeql", "py/bind-socket-all-network-interfaces"), .misconfiguration),
        ("modelscan.unsafe-operator", subject("modelscan", "x"), .malwareDistribution),
        ("picklescan.dangerous-import", subject("picklescan", "x"), .malwareDistribution),
        ("modelaudit.licence", subject("modelaudit", "S1008"), .ipInfringement),
        ("modelaudit.lambda", subject("modelaudit", "S1103"), .malwareDistribution),
        ("modelaudit.bombs", subject("modelaudit", "S214"), .modelDenialOfService),
        ("modelaudit.polyglot", subject("modelaudit", "S908"), .malwareDistribution),
        ("modelaudit.integrity", subject("modelaudit", "S901"), .integrationIssues),
        ("modelaudit.secrets", subject("modelaudit", "S7x"), .dataLoss),
        ("modelaudit.weights", subject("modelaudit", "S8x"), .dataPoisoning),
        ("modelaudit.chat-template", subject("modelaudit", "xjinja2x"), .unintendedSystemInteraction),
        ("modelaudit.network", subject("modelaudit", "S3x"), .unintendedSystemInteraction),
        ("modelaudit.numpy-object", subject("modelaudit", "numpy_check"), .malwareDistribution),
        ("modelaudit.code", subject("modelaudit", "S1x"), .malwareDistribution),
        ("detect-secrets.secret", subject("detect-secrets", "x"), .dataLoss),
        ("garak.latent-injection", subject("garak", "latentinjection.x"), .promptSelfReplication),
        ("garak.prompt-injection", subject("garak", "promptinject.x"), .unintendedSystemInteraction),
        ("garak.output-exploitation", subject("garak", "ansiescape.x"), .unintendedSystemInteraction),
        ("garak.toxicity", subject("garak", "lmrc.x"), .modelBiasAttack),
        ("garak.leak-replay", subject("garak", "leakreplay.x"), .ipInfringement),
        ("garak.divergence", subject("garak", "divergence.x"), .dataLoss),
        ("garak.malwaregen", subject("garak", "malwaregen.x"), .malwareDistribution),
        ("garak.package-hallucination", subject("garak", "packagehallucination.x"), .integrationIssues),
        ("garak.misinformation", subject("garak", "snowball.x"), .informationManipulation),
        ("aisbom.rce", subject("aisbomx", "RCE Detected"), .malwareDistribution),
        ("aisbom.chat-template", subject("aisbomx", "Chat Templatex"), .unintendedSystemInteraction),
        ("aisbom.legacy", subject("aisbomx", "Legacy Binaryx"), .integrationIssues),
        ("aisbom.legal", subject("aisbomx", "xicensx"), .ipInfringement),
        (
            "cyclonedx.vulnerability-deserialisation", subject("some-tool", "some-rule", cwe: ["502"], tags: ["cyclonedx:vulnerability"]),
            .malwareDistribution
        ),
        ("cyclonedx.vulnerability", subject("some-tool", "some-rule", tags: ["cyclonedx:vulnerability"]), .integrationIssues),
        ("hadolint.secrets", subject("hadolint", "DL3064"), .dataLoss),
        ("promptfoo.pii", subject("promptfoo", "piix"), .dataLoss),
        ("promptfoo.dos", subject("promptfoo", "divergent-repetition"), .modelDenialOfService),
        ("promptfoo.bias", subject("promptfoo", "bias:x"), .modelBiasAttack),
        ("promptfoo.ip", subject("promptfoo", "harmful:copyright-violations"), .ipInfringement),
        ("promptfoo.misinformation", subject("promptfoo", "hallucination"), .informationManipulation),
        ("promptfoo.prompt-extraction", subject("promptfoo", "prompt-extraction"), .ipTheft),
        ("promptfoo.indirect-injection", subject("promptfoo", "indirect-prompt-injection"), .promptSelfReplication),
        ("promptfoo.agency", subject("promptfoo", "shell-injection"), .unintendedSystemInteraction),
        ("promptfoo.harmful", subject("promptfoo", "harmful:x"), .modelBiasAttack),
        ("pip-audit.malicious-package", subject("pip-audit", "MAL-x"), .malwareDistribution),
        ("pip-audit.vulnerability", subject("pip-audit", "x"), .integrationIssues),
        ("fickling.non-standard", subject("fickling", "NonStandardImports"), .integrationIssues),
        ("fickling.unsafe", subject("fickling", "x"), .malwareDistribution),
        ("trufflehog3.secret", subject("trufflehog3", "x"), .dataLoss),
        ("nbdefense.licence", subject("nbdefense", "UNAPPROVED_LICENSEx"), .ipInfringement),
        ("nbdefense.vulnerable-dependency", subject("nbdefense", "VULNERABLE_DEPENDENCYx"), .integrationIssues),
        ("nbdefense.data", subject("nbdefense", "SECRETS"), .dataLoss),
        ("trivy.deserialisation", subject("trivy", "CVE-x", cwe: ["502"]), .malwareDistribution),
        ("trivy.vulnerability", subject("trivy", "CVE-x"), .integrationIssues),
        ("trivy.malicious-package", subject("trivy", "MAL-x"), .malwareDistribution),
        ("trivy.k8s-resources", subject("trivy", "KSV011"), .modelDenialOfService),
        ("trivy.storage-exposure", subject("trivy", "AVD-AWS-0086"), .dataLoss),
        ("trivy.misconfiguration", subject("trivy", "AVD-x"), .misconfiguration),
        ("trivy.licence", subject("trivy", "license:x"), .ipInfringement),
        ("trivy.secret", subject("trivy", "some-rule", tags: ["secret"]), .dataLoss),
        ("grype.malicious-package", subject("grype", "MAL-x"), .malwareDistribution),
        ("grype.vulnerability", subject("grype", "x"), .integrationIssues),
        ("osv-scanner.malicious-package", subject("osv-scanner", "MAL-x"), .malwareDistribution),
        ("osv-scanner.vulnerability", subject("osv-scanner", "x"), .integrationIssues),
        ("gitleaks.secret", subject("gitleaks", "x"), .dataLoss),
        ("trufflehog.secret", subject("trufflehog", "x"), .dataLoss),
        ("huggingface-hub.scan", subject("huggingface-hub", "x"), .malwareDistribution),
        ("azure-red-team.ip", subject("azure-ai-red-team", "risk:protected_material"), .ipInfringement),
        ("azure-red-team.code", subject("azure-ai-red-team", "risk:code_vulnerability"), .unintendedSystemInteraction),
        ("azure-red-team.data", subject("azure-ai-red-team", "risk:sensitive_data_leakage"), .dataLoss),
        ("azure-red-team.ungrounded", subject("azure-ai-red-team", "risk:ungrounded_attributes"), .informationManipulation),
        ("azure-red-team.harmful", subject("azure-ai-red-team", "risk:x"), .modelBiasAttack),
        ("mcp-scan.private-data", subject("mcp-scan", "private_data"), .dataLoss),
        ("mcp-scan.malicious", subject("mcp-scan", "malicious_code"), .malwareDistribution),
        ("mcp-scan.poisoning", subject("mcp-scan", "x"), .unintendedSystemInteraction),
        ("giskard.injection", subject("giskard", "LLMPromptInjectionDetector"), .unintendedSystemInteraction),
        ("giskard.disclosure", subject("giskard", "LLMInformationDisclosureDetector"), .dataLoss),
        ("giskard.bias", subject("giskard", "LLMHarmfulContentDetector"), .modelBiasAttack),
        ("giskard.misinformation", subject("giskard", "LLMImplausibleOutputDetector"), .informationManipulation),
        ("giskard.integration", subject("giskard", "LLMOutputFormattingDetector"), .integrationIssues),
        ("hiddenlayer.detection", subject("hiddenlayer", "x"), .malwareDistribution),
        ("owasp-2021.injection", subject("some-tool", "some-rule", tags: ["xa03:2021x"]), .unintendedSystemInteraction),
        ("owasp-2021.ssrf", subject("some-tool", "some-rule", tags: ["xa10:2021x"]), .unintendedSystemInteraction),
        ("owasp-2021.integrity", subject("some-tool", "some-rule", tags: ["xa08:2021x"]), .malwareDistribution),
        ("owasp-2021.components", subject("some-tool", "some-rule", tags: ["xa06:2021x"]), .integrationIssues),
        ("owasp-2021.crypto", subject("some-tool", "some-rule", tags: ["xa02:2021x"]), .dataLoss),
        ("owasp-2021.configuration", subject("some-tool", "some-rule", tags: ["xa01:2021x"]), .misconfiguration),
        ("quality", subject("some-tool", "some-rule", tags: ["maintainability"]), .misconfiguration),
        ("checkov.default", subject("checkov", "some-rule"), .misconfiguration),
        ("hadolint.default", subject("hadolint", "some-rule"), .misconfiguration),
        ("modelaudit.default", subject("modelaudit", "some-rule"), .malwareDistribution),
        ("trivy.default", subject("trivy", "some-rule"), .misconfiguration),
        ("kics.default", subject("kics", "some-rule"), .misconfiguration),
        ("tfsec.default", subject("tfsec", "some-rule"), .misconfiguration),
        ("terrascan.default", subject("terrascan", "some-rule"), .misconfiguration),
        ("kube-linter.default", subject("kubex", "some-rule"), .misconfiguration),
        ("dockle.default", subject("dockle", "some-rule"), .misconfiguration),
        ("garak.default", subject("garak", "some-rule"), .unintendedSystemInteraction),
        ("promptfoo.default", subject("promptfoo", "some-rule"), .unintendedSystemInteraction),
        ("safety.default", subject("safety", "some-rule"), .integrationIssues),
        ("dependency-check.default", subject("dependency-check", "some-rule"), .integrationIssues),
        ("snyk.default", subject("snykx", "some-rule"), .integrationIssues),
        ("npm-audit.default", subject("npmx", "some-rule"), .integrationIssues),
        ("govulncheck.default", subject("govulncheck", "some-rule"), .integrationIssues),
        ("ggshield.default", subject("ggshield", "some-rule"), .dataLoss),
        ("noseyparker.default", subject("noseyx", "some-rule"), .dataLoss),
        ("protectai.default", subject("guardian", "some-rule"), .malwareDistribution),
        ("advisory.malicious", subject("snyk", "MAL-2024-1234"), .malwareDistribution),
        ("advisory.deserialisation", subject("some-sca", "XYZ-1", cwe: ["502"], tags: ["dependency-advisory"]), .malwareDistribution),
        ("advisory.vulnerability", subject("some-sca", "XYZ-1", cwe: ["79"], tags: ["dependency-advisory"]), .integrationIssues),
        ("advisory.id-deserialisation", subject("snyk open source", "SNYK-PYTHON-TORCH-1", cwe: ["502"]), .malwareDistribution),
        ("advisory.id", subject("snyk open source", "SNYK-PYTHON-REQUESTS-1", cwe: ["400"]), .integrationIssues),
        ("gitlab.secrets", subject("secret-scanner", "x", tags: ["gitlab:secret_detection"]), .dataLoss),
    ]

    @Test("every built-in rule, tag entry and tool default has a case naming its cell")
    func everyBuiltInRuleHasACase() throws {
        let rules = try MappingRules.bundled()
        let named = Set(Self.cases.map(\.id))
        let entries = rules.builtin + rules.tagTable + rules.defaults
        let missing = entries.map(\.id).filter { !named.contains($0) }
        #expect(missing.isEmpty, "entries without a case: \(missing)")
        #expect(Set(entries.map(\.id)).count == entries.count, "entry ids are unique")
    }

    @Test("each case is decided by its own entry (none is shadowed by an earlier one) and lands in its cell")
    func casesLandInTheirCells() throws {
        let rules = try MappingRules.bundled()
        for (id, subject, cell) in Self.cases {
            let result = rules.map(subject)
            #expect(result.ruleID == id, "\(subject.tool) \(subject.ruleID) was decided by \(result.ruleID ?? "nothing"), not \(id)")
            #expect(result.threat == cell, "\(id) should give \(cell.key), gives \(result.threat.key)")
        }
    }

    /// The CWEs the issue names, and the cell an analyst picks first for each (TAXONOMY.md).
    static let requiredCWEs: [(String, Threat)] = [
        ("16", .misconfiguration), ("22", .unintendedSystemInteraction), ("78", .unintendedSystemInteraction),
        ("79", .unintendedSystemInteraction), ("89", .unintendedSystemInteraction), ("94", .unintendedSystemInteraction),
        ("95", .unintendedSystemInteraction), ("200", .dataLoss), ("250", .misconfiguration), ("269", .misconfiguration),
        ("284", .misconfiguration), ("295", .integrationIssues), ("311", .dataLoss), ("312", .dataLoss), ("319", .dataLoss),
        ("327", .misconfiguration), ("352", .misconfiguration), ("400", .modelDenialOfService), ("489", .misconfiguration),
        ("494", .malwareDistribution), ("502", .malwareDistribution), ("522", .dataLoss), ("532", .dataLoss),
        ("611", .unintendedSystemInteraction), ("668", .misconfiguration), ("693", .misconfiguration), ("732", .misconfiguration),
        ("770", .modelDenialOfService), ("798", .dataLoss), ("829", .malwareDistribution), ("918", .unintendedSystemInteraction),
        ("1104", .integrationIssues), ("1321", .unintendedSystemInteraction),
    ]

    /// Every entry of the CWE table, by the last CWE it lists (so a later entry cannot steal it).
    static let cweEntries: [(id: String, cwe: String, cell: Threat)] = [
        ("cwe.malicious-code", "512", .malwareDistribution),
        ("cwe.deserialisation", "502", .malwareDistribution),
        ("cwe.untrusted-code", "353", .malwareDistribution),
        ("cwe.prompt-injection", "1427", .unintendedSystemInteraction),
        ("cwe.llm-output", "1426", .unintendedSystemInteraction),
        ("cwe.adversarial-input", "1039", .informationManipulation),
        ("cwe.credentials", "13", .dataLoss),
        ("cwe.debug", "489", .misconfiguration),
        ("cwe.certificate", "757", .integrationIssues),
        ("cwe.command-and-code", "625", .unintendedSystemInteraction),
        ("cwe.query-injection", "564", .unintendedSystemInteraction),
        ("cwe.output-handling", "75", .unintendedSystemInteraction),
        ("cwe.xxe", "112", .unintendedSystemInteraction),
        ("cwe.ssrf", "441", .unintendedSystemInteraction),
        ("cwe.path", "641", .unintendedSystemInteraction),
        ("cwe.redirect", "601", .unintendedSystemInteraction),
        ("cwe.object-injection", "1287", .unintendedSystemInteraction),
        ("cwe.memory", "908", .unintendedSystemInteraction),
        ("cwe.resources", "920", .modelDenialOfService),
        ("cwe.host-network", "406", .misconfiguration),
        ("cwe.exposure", "921", .dataLoss),
        ("cwe.privilege", "1220", .misconfiguration),
        ("cwe.access-control", "309", .misconfiguration),
        ("cwe.web-hardening", "1230", .misconfiguration),
        ("cwe.crypto", "324", .misconfiguration),
        ("cwe.temp-files", "366", .misconfiguration),
        ("cwe.logging", "117", .misconfiguration),
        ("cwe.error-handling", "1069", .misconfiguration),
        ("cwe.components", "477", .integrationIssues),
    ]

    @Test("every CWE table entry has a case naming its cell, decided by that entry")
    func everyCWEEntryHasACase() throws {
        let rules = try MappingRules.bundled()
        #expect(Set(rules.cweTable.map(\.id)) == Set(Self.cweEntries.map(\.id)))
        for (id, cwe, cell) in Self.cweEntries {
            let result = rules.map(S(tool: "some-sast", ruleID: "r", cwe: [cwe]))
            #expect(result.ruleID == id && result.threat == cell, "CWE-\(cwe): \(result.ruleID ?? "nothing") → \(result.threat.key)")
        }
    }

    @Test("the CWE table covers the CWEs SAST and IaC tools emit most, each with its reason")
    func cweTable() throws {
        let rules = try MappingRules.bundled()
        for (cwe, cell) in Self.requiredCWEs {
            let result = rules.map(S(tool: "some-sast", ruleID: "r", cwe: ["CWE-\(cwe)"]))
            #expect(result.threat == cell && result.input == .cwe, "CWE-\(cwe) → \(result.threat.key) by \(result.input.name)")
        }
        // A CWE is in one entry only, and every entry says why.
        let all = rules.cweTable.flatMap { $0.cwe ?? [] }
        #expect(Set(all).count == all.count)
        #expect(rules.cweTable.allSatisfy { !($0.why ?? "").isEmpty })
        // CodeQL writes three digits; decisive CWEs come first (Flask debug: 215 and 489).
        #expect(rules.map(S(tool: "codeql", ruleID: "py/x", cwe: ["079"])).threat == .unintendedSystemInteraction)
        #expect(rules.map(S(tool: "codeql", ruleID: "py/x", cwe: ["215", "489"])).threat == .misconfiguration)
    }

    @Test("inputs are tried in order: user rule, tool metadata, built-in rule, CWE, tags, tool default, unclassified")
    func inputOrder() throws {
        let user = try MappingRules(
            json: Data(#"{"version": 2, "rules": [{"id": "ours", "tool": "semgrep", "rules": ["mine.*"], "threat": "ip-theft"}]}"#.utf8),
            source: "user")
        let rules = try MappingRules.bundled().overridden(by: user)
        // 1 beats 2: the user's rule over the rule's own metadata.
        #expect(rules.map(S(tool: "semgrep", ruleID: "mine.x", stated: ["data-poisoning"])).input == .user)
        // 2 beats 3 and 4: a cell, an ATLAS technique, an OWASP LLM id named by the rule.
        let stated = rules.map(S(tool: "bandit", ruleID: "B301", cwe: ["502"], stated: ["AML.T0020"]))
        #expect(stated.input == .stated && stated.threat == .dataPoisoning && stated.taxonomy.atlas == ["AML.T0020"])
        #expect(rules.map(S(tool: "x", ruleID: "r", stated: ["Data poisoning"])).threat == .dataPoisoning)
        #expect(rules.map(S(tool: "x", ruleID: "r", stated: ["LLM01:2025 - Prompt Injection"])).threat == .unintendedSystemInteraction)
        #expect(rules.map(S(tool: "x", ruleID: "r", stated: ["LLM06:2023 - Sensitive Information Disclosure"])).threat == .dataLoss)
        #expect(rules.map(S(tool: "x", ruleID: "r", stated: ["AML.T0010.002"])).threat == .dataPoisoning)
        #expect(rules.map(S(tool: "x", ruleID: "r", stated: ["AML.T0010.001"])).threat == .malwareDistribution)
        #expect(rules.map(S(tool: "x", ruleID: "r", stated: ["ML05"])).threat == .modelTheft)
        // 3 beats 4: bandit's own rule over its CWE; a dependency advisory stays a dependency finding.
        #expect(rules.map(S(tool: "bandit", ruleID: "B201", cwe: ["94"])).threat == .misconfiguration)
        #expect(rules.map(S(tool: "trivy", ruleID: "CVE-2018-18074", cwe: ["522"])).threat == .integrationIssues)
        #expect(rules.map(S(tool: "trivy", ruleID: "CVE-2025-32434", cwe: ["502"])).threat == .malwareDistribution)
        // 4 beats 6: a checkov check with a CWE is decided by it only when no checkov rule names it.
        #expect(rules.map(S(tool: "kics", ruleID: "abc", cwe: ["798"])).threat == .dataLoss)
        #expect(rules.map(S(tool: "kics", ruleID: "abc")).input == .toolDefault)
        // 5: OWASP categories and ids in tags, code quality.
        #expect(rules.map(S(tool: "x", ruleID: "r", tags: ["OWASP-A03:2021 - Injection"])).threat == .unintendedSystemInteraction)
        #expect(rules.map(S(tool: "x", ruleID: "r", tags: ["owasp-llm10"])).threat == .modelDenialOfService)
        #expect(rules.map(S(tool: "x", ruleID: "r", tags: ["maintainability"])).threat == .misconfiguration)
        // 7: the rule's name, its last dotted part only, keys at the start of a word.
        let named = rules.map(S(tool: "semgrep", ruleID: "home.ci.templates.rules.yaml-load-unsafe"))
        #expect(named.threat == .malwareDistribution && named.input == .words, "\(named.why)")
        #expect(rules.map(S(tool: "semgrep", ruleID: "team.hub-model-unpinned")).threat == .malwareDistribution)
        #expect(rules.map(S(tool: "semgrep", ruleID: "team.leaky-token-log")).threat == .dataLoss)
        #expect(rules.map(S(tool: "semgrep", ruleID: "templates.medieval-naming")).input == .none, "no 'eval' inside a word, no folder names")
        #expect(rules.map(S(tool: "kics", ruleID: "token-in-env")).input == .toolDefault, "a tool default decides before the name")
        // 8: nothing said.
        let none = rules.map(S(tool: "x", ruleID: "r"))
        #expect(none.threat == .unclassified && none.input == .none && none.why.contains("no CWE, tags or threat metadata"))
        // What every input would have said, for `mapping explain`.
        let answers = rules.answers(S(tool: "semgrep", ruleID: "x", cwe: ["732"], tags: ["owasp-a01:2021"]))
        #expect(answers.map(\.input) == [.user, .stated, .builtin, .cwe, .tags, .toolDefault, .words])
        #expect(answers[3].result?.threat == .misconfiguration && answers[4].result?.threat == .misconfiguration && answers[0].result == nil)
    }

    @Test("a mapping file names its bad entry: unknown threat, severity, or an entry that matches nothing")
    func badFiles() {
        #expect(throws: IngestError.self) {
            try MappingRules(json: Data(#"{"version": 2, "rules": [], "cwe": [{"id": "c", "cwe": ["1"], "threat": "nope"}]}"#.utf8), source: "m.json")
        }
        do {
            _ = try MappingRules(json: Data(#"{"version": 2, "rules": [{"id": "empty", "threat": "misconfiguration"}]}"#.utf8), source: "m.json")
            Issue.record("an entry with no criteria was accepted")
        } catch {
            #expect("\(error)".contains("m.json") && "\(error)".contains("empty") && "\(error)".contains("matches nothing"))
        }
    }

    /// Ingests the reports into a fresh store (with the config's data stores, if any).
    static func ingest(_ paths: [String], config: MlsocConfig = MlsocConfig()) throws -> FindingStore {
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test", config: config)
        for path in paths { _ = try ingestor.ingest(path: path, now: 1_800_000_000) }
        return store
    }

    static func rows(_ store: FindingStore) throws -> [FindingRow] {
        try store.findingsPage(after: nil, limit: 100_000)
    }

    @Test("the five cases of the issue land in the cells an analyst picks first, from semgrep's metadata alone")
    func fiveCases() throws {
        let store = try Self.ingest([Self.report("semgrep-community.json")])
        let rows = try Self.rows(store)
        func cell(_ suffix: String) -> [Threat] { rows.filter { $0.ruleID.hasSuffix(suffix) }.map(\.threat) }
        #expect(cell("curl-pipe-shell") == [.malwareDistribution])
        #expect(cell("aws-s3-bucket-public-read") == [.dataLoss, .dataLoss])
        #expect(cell("unpinned-from-pretrained") == [.malwareDistribution, .malwareDistribution])
        #expect(cell("privileged-container") == [.misconfiguration])
        #expect(cell("debug-enabled") == [.misconfiguration])
        // A rule that names its threat (mlsecops-threat, atlas) is taken at its word.
        #expect(cell("training-data-from-public-url") == [.dataPoisoning])
        #expect(!rows.contains { $0.threat == .unclassified })
    }

    @Test("a NumPy file of dtype=object is malware distribution: modelaudit's details name CWE-502")
    func numpyObjectArray() throws {
        let rows = try Self.rows(try Self.ingest([Self.report("modelaudit-numpy.json")]))
        let numpy = try #require(rows.first { $0.ruleID == "numpy_check" })
        #expect(numpy.threat == .malwareDistribution && numpy.taxonomy.cwe == ["CWE-502"])
    }

    @Test("data stores: public write to training data is poisoning, its read, encryption and logging data loss, weights model theft")
    func dataStores() throws {
        let config = try MlsocConfig.parse(
            yaml: """
                data_stores:
                  - name: training-data
                    data: training
                    resources: ["*training*"]
                  - name: model-weights
                    data: weights
                    resources: ["*model_weights*", "*model-weights*"]
                """, source: "config.yaml")
        let store = try Self.ingest(
            [Self.report("checkov-all.json"), Self.report("semgrep-community.json"), Self.report("trivy-config.json")],
            config: config)
        let rows = try Self.rows(store)
        func cell(_ rule: String, _ path: String? = nil, line: Int? = nil) -> Threat? {
            rows.first { $0.ruleID.hasSuffix(rule) && (line == nil || $0.location?.startLine == line) }?.threat
        }
        // The bucket policy granting s3:PutObject to "*" on the training bucket (checkov names the resource).
        #expect(cell("CKV_AWS_70") == .dataPoisoning)
        let training = rows.filter { $0.tool == "checkov" && $0.message.contains("logging") }
        #expect(!training.isEmpty)
        // Logging off and unencrypted on the training bucket: data loss; public read of the weights: model theft.
        #expect(cell("AVD-AWS-0088") == .dataLoss)
        #expect(cell("AVD-AWS-0089") == .modelTheft)
        let publicACLs: Set<Threat> = Set(rows.filter { $0.ruleID == "AVD-AWS-0092" }.map(\.threat))
        let expectedACLs: Set<Threat> = [.modelTheft, .dataLoss]
        #expect(publicACLs == expectedACLs)
        // checkov's public READ ACL: on the weights bucket model theft, on the docs bucket (no store) data loss.
        #expect(rows.first { $0.ruleID == "CKV_AWS_20" && $0.location?.startLine == 23 }?.threat == .modelTheft)
        #expect(rows.first { $0.ruleID == "CKV_AWS_20" && $0.location?.startLine == 18 }?.threat == .dataLoss)
        // Not a storage exposure: left where the rules put it.
        #expect(cell("AVD-AWS-0090") == .misconfiguration)
        #expect(cell("CKV_AWS_24") == .misconfiguration)
        // semgrep's JSON names no resource without a login: a store by path catches its findings.
        let byPath = try MlsocConfig.parse(
            yaml: """
                data_stores:
                  - name: training-data
                    data: training
                    paths: ["infra/storage.tf"]
                """, source: "config.yaml")
        let semgrep = try Self.rows(try Self.ingest([Self.report("semgrep-community.json")], config: byPath))
        #expect(semgrep.first { $0.ruleID.hasSuffix("s3-bucket-policy-public-write") }?.threat == .dataPoisoning)
        #expect(semgrep.filter { $0.ruleID.hasSuffix("aws-s3-bucket-public-read") }.allSatisfy { $0.threat == .dataLoss })
        #expect(semgrep.first { $0.ruleID.hasSuffix("wildcard-iam-action") }?.threat == .misconfiguration)
        // Without the config, a public write stays a misconfiguration; a public read is still data loss.
        let plain = try Self.rows(try Self.ingest([Self.report("semgrep-community.json")]))
        #expect(plain.first { $0.ruleID.hasSuffix("s3-bucket-policy-public-write") }?.threat == .misconfiguration)
        #expect(plain.filter { $0.ruleID.hasSuffix("aws-s3-bucket-public-read") }.allSatisfy { $0.threat == .dataLoss })
    }

    @Test("a data store entry that cannot match or holds an unknown kind is an error naming its place")
    func badDataStore() {
        for (yaml, key) in [
            ("data_stores:\n  - name: x\n    data: secrets\n    paths: [a]\n", "data_stores.0.data"),
            ("data_stores:\n  - name: x\n    data: training\n", "data_stores.0"),
        ] {
            do {
                _ = try MlsocConfig.parse(yaml: yaml, source: "cfg.yaml")
                Issue.record("accepted: \(yaml)")
            } catch {
                #expect("\(error)".contains("cfg.yaml") && "\(error)".contains(key))
            }
        }
    }

    @Test("severity: semgrep impact × likelihood and checkov's own beat the level and the rule's fallback")
    func toolSeverity() throws {
        let rows = try Self.rows(try Self.ingest([Self.report("semgrep-community.json")]))
        // ERROR, but likelihood HIGH × impact LOW: medium.
        #expect(rows.first { $0.ruleID.hasSuffix("subprocess-shell-true") }?.severity == .medium)
        // HIGH × HIGH: critical.
        #expect(rows.first { $0.ruleID.hasSuffix("secret-in-env") }?.severity == .critical)
        // No impact or likelihood: the level (INFO → low).
        #expect(rows.first { $0.ruleID.hasSuffix("no-op-assert") }?.severity == .low)
        // checkov with a platform key says HIGH; offline (null) the rule's fallback (low for checkov.default) stands.
        let check =
            #"{"check_type": "terraform", "results": {"failed_checks": [{"check_id": "CKV_AWS_999", "check_name": "Something", "severity": "CRITICAL", "file_path": "/main.tf", "repo_file_path": "/main.tf", "file_line_range": [1, 2], "resource": "aws_x.y", "code_block": []}, {"check_id": "CKV_AWS_998", "check_name": "Other", "severity": null, "file_path": "/main.tf", "repo_file_path": "/main.tf", "file_line_range": [3, 4], "resource": "aws_x.z", "code_block": []}], "passed_checks": []}, "summary": {"checkov_version": "3.3.30"}}"#
        let checkov = try Self.rows(try Self.ingest([try TestPaths.write(check, name: "checkov.json")]))
        #expect(checkov.first { $0.ruleID == "CKV_AWS_999" }?.severity == .critical)
        #expect(checkov.first { $0.ruleID == "CKV_AWS_998" }?.severity == .low)
    }

    @Test("Unclassified stays at or below 1% on sample-data, the mapping fixtures and the formats fixtures")
    func unclassifiedShare() throws {
        var paths: [String] = []
        let roots = [TestPaths.packageRoot.appendingPathComponent("sample-data/reports"), Self.mappingFolder]
        for root in roots {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { paths.append(url.path) }
            }
        }
        for (name, format) in FormatsFixtureTests.expected where format != nil { paths.append(FormatsFixtureTests.fixture(name)) }
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        for path in paths.sorted() { _ = try? ingestor.ingest(path: path, now: 1_800_000_000) }
        let rows = try Self.rows(store)
        let unclassified = rows.filter { $0.threat == .unclassified }
        let share = Double(unclassified.count) / Double(max(rows.count, 1))
        #expect(rows.count > 500, "the corpus is the variety real users have, not a handful: \(rows.count) findings")
        #expect(share <= 0.01, "\(unclassified.count) of \(rows.count) unclassified: \(Set(unclassified.map { "\($0.tool) \($0.ruleID)" }).sorted())")
        // The lint lists exactly those rules, most findings first.
        let lint = try store.unmappedRules(FindingFilter(), now: 1_800_000_000)
        #expect(lint.reduce(0) { $0 + $1.findings } == unclassified.count)
    }

    @Test("mapping unmapped: rules of unclassified findings with what the tool said and a rule to paste that maps them")
    func unmappedLint() throws {
        let report = """
            {"version": "1.185.0", "results": [
              {"check_id": "team.rules.log-session-value", "path": "svc/a.py", "start": {"line": 3}, "end": {"line": 3},
               "extra": {"message": "A session token is written to the log", "severity": "WARNING", "metadata": {"team": "ml-platform"}, "lines": "x"}},
              {"check_id": "team.rules.log-session-value", "path": "svc/b.py", "start": {"line": 9}, "end": {"line": 9},
               "extra": {"message": "A session token is written to the log", "severity": "WARNING", "metadata": {}, "lines": "y"}},
              {"check_id": "team.rules.odd", "path": "svc/c.py", "start": {"line": 1}, "end": {"line": 1},
               "extra": {"message": "Odd construct", "severity": "INFO", "metadata": {"confidence": "LOW"}, "lines": "z"}}
            ], "errors": [], "paths": {"scanned": ["svc/a.py", "svc/b.py", "svc/c.py"]}}
            """
        let path = try TestPaths.write(report, name: "semgrep.json")
        let store = try Self.ingest([path])
        let lint = try store.unmappedRules(FindingFilter(), now: 1_800_000_000)
        #expect(lint.map(\.ruleID) == ["team.rules.log-session-value", "team.rules.odd"])
        #expect(lint.first?.findings == 2 && lint.first?.open == 2)
        let suggestion = UnmappedSuggestion(try #require(lint.first))
        // Nothing in the name: the hygiene cell, for a person to check.
        #expect(suggestion.rule.threat == "misconfiguration" && suggestion.rule.tool == "semgrep", "\(suggestion.rule)")
        // The suggested rules, saved as the user's file, map the findings on the next ingest.
        let file = UnmappedSuggestion.mappingFile(lint.map { UnmappedSuggestion($0).rule })
        let user = try MappingRules(json: Data(file.utf8), source: "suggested")
        let store2 = try TestStore.make()
        _ = try ReportIngestor(store: store2, mapping: try MappingRules.bundled().overridden(by: user), actor: "test").ingest(path: path, now: 1)
        #expect(try Self.rows(store2).allSatisfy { $0.threat != .unclassified })
    }

    @Test("a finding seen again takes today's cell with a remapped event; a poorer format never sends it back to unclassified")
    func remapOnReingest() throws {
        let store = try TestStore.make()
        let bundled = try MappingRules.bundled()
        // The SARIF of the run has no metadata for two rules; the JSON has it.
        _ = try ReportIngestor(store: store, mapping: bundled, actor: "test").ingest(path: Self.report("semgrep-community.sarif"), now: 1)
        let before = try Self.rows(store)
        // One of them is placed by its name alone (training-data-from-public-url → data poisoning).
        #expect(before.filter { $0.threat == .unclassified }.count == 1)
        #expect(before.first { $0.ruleID.hasSuffix("training-data-from-public-url") }?.threat == .dataPoisoning)
        let outcome = try ReportIngestor(store: store, mapping: bundled, actor: "test").ingest(path: Self.report("semgrep-community.json"), now: 2)
        #expect(outcome.outcome.remapped == 1)
        let after = try Self.rows(store)
        #expect(!after.contains { $0.threat == .unclassified })
        let remapped = try #require(after.first { $0.ruleID.hasSuffix("useless-comparison.no-op-assert") })
        let history = try #require(try store.findingDetail(id: remapped.id)).events
        #expect(history.contains { $0.kind == "remapped" && $0.from == "unclassified" && $0.to == remapped.threat.key })
        let moved = try #require(after.first { $0.ruleID.hasSuffix("training-data-from-public-url") })
        #expect(moved.threat == .dataPoisoning)
        // The SARIF again: no way back to unclassified, and the rule keeps what the JSON said.
        _ = try ReportIngestor(store: store, mapping: bundled, actor: "test").ingest(path: Self.report("semgrep-community.sarif"), now: 3)
        #expect(!(try Self.rows(store)).contains { $0.threat == .unclassified })
        let record = try #require(try store.mappingRecord(findingID: moved.id))
        #expect(record.inputs?.contains("AML.T0020") == true)
        // The matrix summary follows the moves.
        let summary = try store.matrixSummary()
        #expect(summary.openCount(.unclassified) + summary.closedCount(.unclassified) == 0)
        #expect(summary.total == (try Self.rows(store)).count)
    }
}
