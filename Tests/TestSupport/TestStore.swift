import FindingStore
import Findings
import Foundation

/// A fresh store in its own temporary directory, one per test.
public enum TestStore {
    public static func make() throws -> FindingStore {
        let directory = try TestPaths.temporaryDirectory("mlsoc-store")
        return try FindingStore(path: directory.appendingPathComponent("findings.db").path)
    }

    /// A finding with just enough set; `key` decides the fingerprint.
    public static func finding(
        _ key: String, severity: Severity = .high, threat: Threat = .misconfiguration,
        tool: String = "testtool", rule: String = "R1"
    ) -> Finding {
        var bytes = Array(key.utf8.prefix(16))
        while bytes.count < 16 { bytes.append(0) }
        return Finding(
            fingerprint: Fingerprint(bytes: bytes), tool: tool, ruleID: rule, title: "rule \(rule)",
            message: "message \(key)", severity: severity, threat: threat,
            location: Location(path: "src/\(key).py", startLine: 3))
    }

    /// A scan header with a sha256 made from `name`.
    public static func header(_ name: String, at time: Int64 = 1_700_000_000) -> ScanHeader {
        var sha = Array(name.utf8.prefix(32))
        while sha.count < 32 { sha.append(0x5A) }
        return ScanHeader(format: "test", sourcePath: name, sha256: sha, ingestedAt: time, actor: "tester")
    }
}
