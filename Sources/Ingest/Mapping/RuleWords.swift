import Findings

/// The cell a rule's own name suggests, for a rule that no table, CWE, tag or tool default places
/// (a team's semgrep rule `yaml-load-unsafe` with no metadata): input 7 of the mapping, and the
/// guess `mapping unmapped` offers. Only the rule's last dotted component counts (semgrep prefixes
/// a local rule with its config's folders, whose names say nothing about the rule), with `-`, `_`
/// and `.` read as spaces.
enum RuleWords {
    static let table: [([String], Threat)] = [
        (["secret", "password", "passwd", "token", "credential", "api key", "apikey", "private key", "pii", "leak"], .dataLoss),
        (
            [
                "pickle", "unpickle", "deserial", "unsafe load", "load unsafe", "yaml load", "torch load", "joblib", "marshal", "shelve", "dill",
                "malware", "backdoor", "trojan", "download", "integrity", "unpinned", "supply",
            ],
            .malwareDistribution
        ),
        (["poison", "training data", "dataset"], .dataPoisoning),
        (
            ["prompt", "jailbreak", "inject", "exec", "eval", "shell", "command", "traversal", "ssrf", "xss", "template"],
            .unintendedSystemInteraction
        ),
        (["tls", "ssl", "cert", "verify", "signature"], .integrationIssues),
        (["timeout", "limit", "dos", "exhaust", "redos", "bomb"], .modelDenialOfService),
        (["licen", "copyright"], .ipInfringement),
        (["bias", "toxic", "harm"], .modelBiasAttack),
        (["hallucinat", "misinform"], .informationManipulation),
    ]

    /// The words of a rule id: its last dotted component (`threat` reads its separators).
    static func words(ruleID: String) -> String {
        ruleID.split(separator: ".").last.map(String.init) ?? ruleID
    }

    /// The cell these words name, and the word that named it; nil when none does.
    static func threat(_ words: String) -> (threat: Threat, word: String)? {
        let text = " " + words.lowercased().map { $0 == "-" || $0 == "_" || $0 == "." ? " " : String($0) }.joined() + " "
        for (keys, threat) in table {
            // A key starts a word: `eval` in `eval-on-output` or `evaluate`, never in `medieval`.
            if let key = keys.first(where: { text.contains(" " + $0) }) { return (threat, key) }
        }
        return nil
    }
}
