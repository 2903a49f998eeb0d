/// How bad a finding is, on the five-step scale every view and score uses.
public enum Severity: Int, Sendable, CaseIterable, Comparable, Codable, CustomStringConvertible {
    case info = 0
    case low = 1
    case medium = 2
    case high = 3
    case critical = 4

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    public var name: String {
        switch self {
        case .critical: "critical"
        case .high: "high"
        case .medium: "medium"
        case .low: "low"
        case .info: "info"
        }
    }

    public var description: String { name }

    /// Highest first, the order of every table column.
    public static let descending: [Severity] = [.critical, .high, .medium, .low, .info]

    /// Normalises the text vocabularies scanners use (case-insensitive).
    ///
    /// Returns nil for words that carry no severity ("unknown", "", "null"), so a caller can fall back
    /// to a rule default instead of guessing.
    public init?(text: String) {
        let word = text.trimmingASCIIWhitespace().lowercased()
        switch word {
        case "critical", "crit", "blocker", "overtly_malicious", "very high", "very_high":
            self = .critical
        case "high", "error", "err", "severe", "major", "likely_overtly_malicious", "dangerous":
            self = .high
        case "medium", "moderate", "med", "warning", "warn", "likely_unsafe":
            self = .medium
        case "low", "minor", "note", "suspicious", "possibly_unsafe", "style":
            self = .low
        case "info", "informational", "information", "debug", "none", "likely_safe", "negligible":
            self = .info
        default:
            return nil
        }
    }

    /// SARIF `level`: error → high, warning → medium, note → low, none → info.
    public init?(sarifLevel: String) {
        switch sarifLevel {
        case "error": self = .high
        case "warning": self = .medium
        case "note": self = .low
        case "none": self = .info
        default: return nil
        }
    }

    /// The CVSS-style `security-severity` property used by GitHub code scanning and trivy:
    /// ≥ 9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low, 0 info.
    public init?(securitySeverity score: Double) {
        guard score.isFinite, score >= 0, score <= 10 else { return nil }
        switch score {
        case 9...: self = .critical
        case 7..<9: self = .high
        case 4..<7: self = .medium
        case 0.1..<4: self = .low
        default: self = .info
        }
    }

    /// Parses a `security-severity` given as text, as SARIF producers write it.
    public init?(securitySeverityText text: String) {
        guard let score = Double(text.trimmingASCIIWhitespace()) else { return nil }
        self.init(securitySeverity: score)
    }
}

extension String {
    /// Trims spaces, tabs and line breaks without Foundation.
    public func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
