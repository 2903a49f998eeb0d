import FindingStore
import Findings
import Foundation

/// What `mlsoc gate` decided: the findings of the gated reports that match the policy, split into
/// those that fail it (open; new ones only with `--new-only`) and those that do not, each with why.
public struct GateVerdict: Sendable {
    public struct Exempt: Sendable {
        public var row: ExportRow
        public var reason: String
    }

    public var policy: String
    public var newOnly: Bool
    public var failing: [GateRow]
    public var exempt: [Exempt]

    public var passed: Bool { failing.isEmpty }

    public init(policy: String, newOnly: Bool, rows: [GateRow]) {
        self.policy = policy
        self.newOnly = newOnly
        failing = []
        exempt = []
        for gate in rows {
            let row = gate.row
            if row.state.isOpen {
                if newOnly, !gate.isNew {
                    exempt.append(Exempt(row: row, reason: "open, but not new in these reports (--new-only)"))
                } else {
                    failing.append(gate)
                }
                continue
            }
            exempt.append(Exempt(row: row, reason: Self.reason(row)))
        }
    }

    /// Why a closed finding does not fail the gate, from its triage.
    static func reason(_ row: ExportRow) -> String {
        if row.state == .notAffected { return "not affected (\(row.justification ?? "no justification"))" }
        return SARIFExport.justification(row) ?? row.state.key
    }

    /// The lines `mlsoc gate` prints: the verdict, then the failing findings and the exempt ones (each capped).
    public func summary(limit: Int = 50) -> [String] {
        let newCount = failing.filter(\.isNew).count
        var lines = [
            passed
                ? "gate: PASS: no open finding matches \(policy)\(newOnly ? " among the new ones" : "")"
                    + (exempt.isEmpty ? "" : " (\(exempt.count) matching finding\(exempt.count == 1 ? "" : "s") exempt by triage)")
                : "gate: FAIL: \(failing.count) open finding\(failing.count == 1 ? "" : "s") match \(policy) (\(newCount) new)"
        ]
        func line(_ row: ExportRow) -> String {
            "#\(row.id) \(row.severity.name) \(row.tool) \(row.ruleID) \(row.location?.display ?? row.model ?? "") \(row.title)"
        }
        for gate in failing.prefix(limit) { lines.append("  FAIL \(line(gate.row))\(gate.isNew ? " (new)" : "")") }
        if failing.count > limit { lines.append("  … and \(failing.count - limit) more") }
        for exempt in exempt.prefix(limit) { lines.append("  ok   \(line(exempt.row)): \(exempt.reason)") }
        if exempt.count > limit { lines.append("  … and \(exempt.count - limit) more") }
        return lines.map(TextSanitizer.sanitize)
    }

    /// JUnit XML as CI systems show it: one test case per matching finding (a failure when it fails
    /// the policy, skipped with its reason when triage exempts it), or one passing case for the policy.
    public func junit(now: Int64) -> String {
        var cases: [String] = []
        func attribute(_ text: String) -> String { XMLText.escape(text) }
        func name(_ row: ExportRow) -> String {
            "#\(row.id) \(row.severity.name) \(row.tool) \(row.ruleID) \(row.location?.display ?? row.model ?? "")"
        }
        for gate in failing {
            let row = gate.row
            let message = "\(row.severity.name) \(row.state.key)\(gate.isNew ? " (new)" : ""): \(row.title)"
            cases.append(
                "    <testcase classname=\"\(attribute("mlsoc.\(row.tool)"))\" name=\"\(attribute(name(row)))\">\n"
                    + "      <failure message=\"\(attribute(message))\" type=\"\(attribute(policy))\">\(XMLText.escape(row.message))</failure>\n"
                    + "    </testcase>")
        }
        for exempt in exempt {
            let row = exempt.row
            cases.append(
                "    <testcase classname=\"\(attribute("mlsoc.\(row.tool)"))\" name=\"\(attribute(name(row)))\">\n"
                    + "      <skipped message=\"\(attribute(exempt.reason))\"/>\n    </testcase>")
        }
        if cases.isEmpty { cases.append("    <testcase classname=\"mlsoc.gate\" name=\"\(attribute("no open finding matches \(policy)"))\"/>") }
        let tests = max(1, failing.count + exempt.count)
        let stamp = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(now)))
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="mlsoc gate" tests="\(tests)" failures="\(failing.count)" skipped="\(exempt.count)">
              <testsuite name="\(attribute("mlsoc gate: \(policy)\(newOnly ? " (new only)" : "")"))" tests="\(tests)" failures="\(failing.count)" errors="0" skipped="\(exempt.count)" timestamp="\(stamp)">
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
    }

    /// SARIF 2.1.0 of the matching findings, one run per tool, with the same result objects as
    /// `mlsoc export --format sarif` (triage as suppressions).
    public func sarif() throws -> String {
        let rows = failing.map(\.row) + exempt.map(\.row)
        var runs: [[String: Any]] = []
        for tool in Set(rows.map(\.tool)).sorted() {
            let own = rows.filter { $0.tool == tool }
            var ruleIDs: [String] = []
            var titles: [String: String] = [:]
            for row in own where titles[row.ruleID] == nil {
                ruleIDs.append(row.ruleID)
                titles[row.ruleID] = row.title
            }
            let index = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($0.element, $0.offset) })
            runs.append([
                "tool": [
                    "driver": [
                        "name": tool, "informationUri": "https://github.com/mlsoc/mlsoc",
                        "rules": ruleIDs.map { ["id": $0, "shortDescription": ["text": titles[$0] ?? $0]] },
                    ]
                ],
                "automationDetails": ["id": "mlsoc-gate/\(tool)/"],
                "results": own.map { SARIFExport.result($0, ruleIndex: index[$0.ruleID]) },
            ])
        }
        return try JSONOutput.encode([
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": runs,
        ]) + "\n"
    }
}

/// Text for XML attributes and content: the five entities escaped, and what XML 1.0 cannot hold
/// (control characters, lone surrogates never reach a Swift string) replaced.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
