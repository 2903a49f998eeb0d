/// What `mlsoc formats` says about each format: the tool and flag that write it, the versions
/// read, what becomes a finding, and an example in sample-data. How a format is recognised comes
/// from the sniffer's own rules (`FormatSniffer.recognition(of:)`).
public struct FormatDescription: Sendable {
    public let format: FormatSniffer.Format
    public let writtenBy: String
    public let versions: String
    public let findings: String
    public let example: String

    public var recognisedBy: [String] { FormatSniffer.recognition(of: format) }
}

extension FormatSniffer.Format {
    public var catalog: FormatDescription {
        let (writtenBy, versions, findings, example): (String, String, String, String) =
            switch self {
            case .sarif:
                (
                    "any SARIF 2.1.0 producer: bandit -f sarif, checkov -o sarif, semgrep --sarif, hadolint -f sarif, modelaudit --format sarif, trivy, CodeQL",
                    "SARIF 2.1.0", "results of kind fail (review/open start in triage; pass, notApplicable, informational are coverage)",
                    "sample-data/reports/bandit/fraud-detector.sarif"
                )
            case .modelscan:
                ("modelscan -r json", "0.7–0.8", "issues[]; errors[] and skipped files are warnings", "sample-data/reports/modelscan/models.json")
            case .modelscanConsole:
                (
                    "modelscan -r json without -o, its console redirected to a file", "0.7–0.8",
                    "as modelscan -r json, once the console's log lines and line wrapping are taken off",
                    "Tests/IngestTests/Fixtures/formats/modelscan-console.txt"
                )
            case .modelaudit:
                (
                    "modelaudit scan --format json", "0.2", "issues[] (debug notes dropped); scan failure is partial",
                    "sample-data/reports/modelaudit/models.json"
                )
            case .detectSecrets:
                (
                    "detect-secrets scan", "1.x", "results{file: [secret]}, one per hashed secret; audit labels (is_secret) as triage",
                    "sample-data/reports/detect-secrets/fraud-detector.json"
                )
            case .picklescan:
                (
                    "picklescan -p PATH (text; -g, -l DEBUG…CRITICAL)", "0.0.x–1.0",
                    "dangerous and suspicious import lines; -l DEBUG's scanned files are its coverage",
                    "sample-data/reports/picklescan/models.txt"
                )
            case .native:
                (
                    "mlsoc's own JSON Lines (docs/FORMAT.md)", "mlsoc.report/1", "mlsoc.finding/1 lines; mlsoc.end/1 closes a complete run",
                    "sample-data/reports/native/redteam-notes.jsonl"
                )
            case .garak:
                (
                    "garak report JSONL", "0.9–0.17", "probe × detector with failures, with the attack-success rate",
                    "sample-data/reports/garak/support-bot.report.jsonl"
                )
            case .cyclonedx:
                (
                    "CycloneDX ML-BOM / VEX: aisbom, modelaudit, cyclonedx-py, mlsoc export", "1.4–1.6",
                    "vulnerabilities[], aisbom risk ratings above LOW; components are inventory",
                    "sample-data/reports/cyclonedx/models.aisbom.cdx.json"
                )
            case .banditJSON:
                ("bandit -f json", "1.7–1.9", "results[]; errors[] make the run partial", "sample-data/reports/bandit/fraud-detector.json")
            case .hadolintJSON:
                (
                    "hadolint -f json", "2.x", "every hint but DL1000 (a Dockerfile it cannot parse: a warning)",
                    "sample-data/reports/hadolint/Dockerfile.json"
                )
            case .semgrepJSON: ("semgrep --json", "0.x–1.x", "results[]; errors[] are warnings", "sample-data/reports/semgrep/fraud-detector.json")
            case .promptfoo:
                (
                    "promptfoo eval -o results.json", "v3 results", "failed tests per plugin × provider, with the failure rate",
                    "sample-data/reports/promptfoo/support-bot.results.json"
                )
            case .pipAudit:
                (
                    "pip-audit -f json", "1.x (a list), 2.x (dependencies + fixes)", "dependency × advisory; skipped dependencies are warnings",
                    "sample-data/reports/pip-audit/fraud-detector.json"
                )
            case .fickling:
                (
                    "fickling --check-safety --json-output", "0.1", "one per pickle stream not judged LIKELY_SAFE",
                    "sample-data/reports/fickling/fraud-detector-v2.pkl.fickling.json"
                )
            case .checkovJSON:
                (
                    "checkov -o json", "2.x, 3.x",
                    "failed_checks[] of every framework; parsing_errors are warnings; the summary alone is a clean run",
                    "sample-data/reports/checkov/fraud-detector.json"
                )
            case .trufflehog3:
                (
                    "trufflehog3 -f json", "2.x (legacy), 3.x", "one per secret (its repeats in other commits are duplicates)",
                    "sample-data/reports/trufflehog3/fraud-detector.json"
                )
            case .garakHitlog:
                ("garak hit log JSONL", "0.9–0.17", "hits grouped per probe × detector", "sample-data/reports/garak/support-bot.hitlog.jsonl")
            case .nbdefense: ("nbdefense scan -o json", "1.x", "notebook_issues[].issues[]", "sample-data/reports/nbdefense/notebooks.json")
            case .gitlab:
                (
                    "semgrep --gitlab-sast|--gitlab-secrets, checkov -o gitlab_sast, GitLab SAST, secret detection, dependency and container scanning",
                    "schema 14–15", "vulnerabilities[]; a scan whose status is not success is partial",
                    "Tests/IngestTests/Fixtures/formats/gl-sast-semgrep.json"
                )
            case .codeClimate:
                (
                    "hadolint -f codeclimate|gitlab_codeclimate, GitLab Code Quality, Code Climate engines", "spec 0.3",
                    "every issue (type issue); NUL-separated objects or an array", "Tests/IngestTests/Fixtures/formats/hadolint.codeclimate.json"
                )
            case .trivy:
                (
                    "trivy fs|image|config -f json", "0.19 (list), SchemaVersion 2",
                    "vulnerabilities, failed misconfigurations, secrets (masked), licences", "Tests/IngestTests/Fixtures/formats/trivy-fs.json"
                )
            case .grype:
                (
                    "grype DIR|IMAGE -o json", "0.x", "one per package × vulnerability, with related ids",
                    "Tests/IngestTests/Fixtures/formats/grype-dir.json"
                )
            case .gitleaks:
                (
                    "gitleaks detect|dir|git -f json", "7.x, 8.x", "one per secret (never stored), its repeats in other commits are duplicates",
                    "Tests/IngestTests/Fixtures/formats/gitleaks.json"
                )
            case .trufflehogV3:
                (
                    "trufflehog git|filesystem --json", "3.x", "one per secret (never stored), verified ones critical",
                    "Tests/IngestTests/Fixtures/formats/trufflehog-v3.jsonl"
                )
            case .osvScanner:
                (
                    "osv-scanner --format json", "1.x", "one per package × advisory group (GHSA, CVE, PYSEC aliases are one)",
                    "Tests/IngestTests/Fixtures/formats/osv-scanner.json"
                )
            case .sonarGeneric:
                (
                    "SonarQube generic issue import (sonar.externalIssuesReportPaths)", "before and since 10.3", "issues[] with their rule",
                    "Tests/IngestTests/Fixtures/formats/sonar-generic.json"
                )
            case .avid:
                (
                    "garak -r REPORT (avidtools), Giskard to_avid, other AVID producers", "AVID 0.1–0.2",
                    "garak: probe × detector with failures, the same findings as its report; others: one per report",
                    "Tests/IngestTests/Fixtures/formats/garak.avid.jsonl"
                )
            case .hfHubScan:
                (
                    "the Hugging Face Hub API: /api/models/REPO/tree/main?expand=true, or ?securityStatus=true", "API v2 (2024–2026)",
                    "dangerous and suspicious pickle imports, malware, partner scanners' unsafe verdicts",
                    "Tests/IngestTests/Fixtures/formats/hf-hub-tree.json"
                )
            case .azureRedTeam:
                (
                    "Azure AI Red Teaming Agent (azure-ai-evaluation[redteam], PyRIT): RedTeamResult.to_json(), final_results.json",
                    "azure-ai-evaluation 1.x", "one per risk category an attack got through, with the attack-success rate",
                    "Tests/IngestTests/Fixtures/formats/azure-red-team.json"
                )
            case .mcpScan:
                (
                    "snyk-agent-scan scan --json (0.5+), mcp-scan --json (0.3)", "mcp-scan 0.3, snyk-agent-scan 0.5–0.6",
                    "MCP servers' and skills' risks (tool poisoning, rug pulls, toxic flows); API errors are warnings",
                    "Tests/IngestTests/Fixtures/formats/snyk-agent-scan.json"
                )
            case .giskard:
                (
                    "Giskard scan_report.to_json()", "giskard 2.x", "one per issue description, the detector as rule (to_avid is read as AVID)",
                    "Tests/IngestTests/Fixtures/formats/giskard-scan.json"
                )
            case .hiddenLayer:
                (
                    "HiddenLayer Model Scanner (hiddenlayer-sdk scans.retrieve, API v3 ScanReport); its SARIF goes through the SARIF reader",
                    "API v3", "file_results[].detections[] on the scanned model", "Tests/IngestTests/Fixtures/formats/hiddenlayer-scan.json"
                )
            case .emptyList:
                (
                    "hadolint, trufflehog3 and other list writers on a clean run", "any", "none; it names no tool, so it resolves nothing",
                    "Tests/IngestTests/Fixtures/formats/hadolint-clean.json"
                )
            }
        return FormatDescription(format: self, writtenBy: writtenBy, versions: versions, findings: findings, example: example)
    }
}
