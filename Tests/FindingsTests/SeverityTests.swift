import Findings
import Testing

@Suite struct SeverityTests {
    @Test(
        "scanner vocabularies normalise",
        arguments: [
            ("CRITICAL", Severity.critical), ("High", .high), ("MEDIUM", .medium), ("moderate", .medium),
            ("low", .low), ("info", .info), ("INFORMATIONAL", .info), ("warning", .medium), ("error", .high),
            ("OVERTLY_MALICIOUS", .critical), ("LIKELY_UNSAFE", .medium), ("SUSPICIOUS", .low), ("debug", .info),
            ("blocker", .critical), ("major", .high), ("minor", .low), (" style ", .low),
        ])
    func vocabularies(text: String, expected: Severity) {
        #expect(Severity(text: text) == expected)
    }

    @Test("words without a severity give nil", arguments: ["unknown", "", "null", "Unknown", "sev9"])
    func noSeverity(text: String) {
        #expect(Severity(text: text) == nil)
    }

    @Test("SARIF levels")
    func sarifLevels() {
        #expect(Severity(sarifLevel: "error") == .high)
        #expect(Severity(sarifLevel: "warning") == .medium)
        #expect(Severity(sarifLevel: "note") == .low)
        #expect(Severity(sarifLevel: "none") == .info)
        #expect(Severity(sarifLevel: "fatal") == nil)
    }

    @Test(
        "security-severity boundaries",
        arguments: [
            (10.0, Severity.critical), (9.0, .critical), (8.9, .high), (7.0, .high), (6.9, .medium), (4.0, .medium),
            (3.9, .low), (0.1, .low), (0.0, .info),
        ])
    func securitySeverity(score: Double, expected: Severity) {
        #expect(Severity(securitySeverity: score) == expected)
    }

    @Test("out-of-range security-severity is rejected")
    func securitySeverityOutOfRange() {
        #expect(Severity(securitySeverity: 10.1) == nil)
        #expect(Severity(securitySeverity: -1) == nil)
        #expect(Severity(securitySeverity: .nan) == nil)
        #expect(Severity(securitySeverityText: "7.5") == .high)
        #expect(Severity(securitySeverityText: "high") == nil)
    }

    @Test("order runs info < low < … < critical")
    func order() {
        #expect(Severity.allCases.sorted() == [.info, .low, .medium, .high, .critical])
        #expect(Severity.descending.first == .critical)
    }
}
