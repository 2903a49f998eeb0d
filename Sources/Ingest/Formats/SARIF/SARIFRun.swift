import Findings
import Foundation
import JSONStream

/// The state of one SARIF run while its results stream by.
struct SARIFRun {
    var toolName = ""
    var toolVersion: String?
    var hasTool = false
    var category = ""
    /// bandit's per-file issue counts (`properties.metrics`) and the results seen per file.
    var metrics = BanditMetrics()
    /// The ids of the driver's rules, in order: for a tool whose rule list is the rule set it ran.
    var driverRuleIDs: [String] = []
    /// The run's working directory (`invocations[].workingDirectory`), when it came before the results.
    var workingDirectory: String? {
        didSet { places.removeAll() }
    }
    private var rules = SARIFRuleTable()
    /// The last rule unpacked: results of one rule tend to come together.
    private var lastRule: (component: Int, index: Int, rule: SARIFRule)?
    /// Rules of the tool's extensions (CodeQL query packs), by extension index.
    private var extensions: [(name: String, rules: SARIFRuleTable)] = []

    /// Reads `tool` as it streams by: the driver's rules one at a time, never the whole object as a
    /// tree (a log with a million rules kept the tree, five times the file, in memory).
    mutating func readTool(_ reader: JSONReader) throws {
        hasTool = true
        var name: String?
        var version: String?
        var semanticVersion: String?
        try reader.forEachMember { key in
            switch key {
            case "driver":
                try reader.forEachMember { key in
                    switch key {
                    case "name": name = try reader.readValue().string
                    case "version": version = try reader.readValue().text
                    case "semanticVersion": semanticVersion = try reader.readValue().text
                    case "rules":
                        try reader.forEachElement {
                            let rule = SARIFRule(try reader.readValue())
                            driverRuleIDs.append(rule.id)
                            rules.append(rule)
                        }
                    default: try reader.skipValue()
                    }
                }
            case "extensions":
                // CodeQL keeps its queries in query packs (`tool.extensions[]`); results point at
                // them with `rule.toolComponent` (SARIF §3.19.3, §3.52.7).
                try reader.forEachElement {
                    var table = SARIFRuleTable()
                    var extensionName = ""
                    try reader.forEachMember { key in
                        switch key {
                        case "name": extensionName = try reader.readValue().string ?? ""
                        case "rules": try reader.forEachElement { table.append(SARIFRule(try reader.readValue())) }
                        default: try reader.skipValue()
                        }
                    }
                    extensions.append((extensionName, table))
                }
            default:
                try reader.skipValue()
            }
        }
        toolName = ToolNames.canonical(name ?? "unknown")
        toolVersion = version ?? semanticVersion
    }

    /// Tool execution notifications and failed runs become scan warnings, never findings. True when
    /// the run failed: it resolves nothing. A file an error-level notification names (bandit's
    /// "syntax error while parsing AST from file") was not fully read: it is not covered, so its
    /// findings stay open, while the rest of the run resolves.
    func readInvocation(_ invocation: JSONValue, emit: (ParsedItem) throws -> Void) -> Bool {
        var messages: [String] = []
        let failed = invocation["executionSuccessful"]?.bool == false
        if failed {
            messages.append("the tool reports that its execution failed" + (invocation["exitCode"]?.text.map { " (exit code \($0))" } ?? ""))
        }
        for key in ["toolExecutionNotifications", "toolConfigurationNotifications"] {
            for note in invocation[key]?.array ?? [] {
                let level = note["level"]?.string ?? "warning"
                guard level == "error" || level == "warning" else { continue }
                let text = note.at("message", "text")?.string ?? "(no message)"
                let place = note["locations"]?.array?.first?.at("physicalLocation", "artifactLocation", "uri")?.string
                messages.append(place.map { "\($0): \(text)" } ?? text)
                if level == "error", let place { try? emit(.partlyReported(path(fromURI: place))) }
            }
        }
        for message in messages { try? emit(.warning(message)) }
        return failed
    }

    /// A SARIF artifact URI as this tool's findings and coverage name the file: decoded, cleaned,
    /// and in the tool's own JSON spelling (`SARIFDialect`).
    func path(fromURI uri: String) -> String {
        SARIFDialect.path(tool: toolName, ReportPath.fromURI(uri).path, workingDirectory: workingDirectory)
    }

    /// Cleaned URIs and their paths: a run names the same few files for thousands of results.
    private var places: [String: (ReportPath.Cleaned, String)] = [:]

    /// A result's URI, cleaned, and the path the finding gets.
    private mutating func place(_ raw: String?) -> (ReportPath.Cleaned?, String?) {
        guard let raw else { return (nil, nil) }
        if let known = places[raw] { return known }
        let cleaned = ReportPath.fromURI(raw)
        let path = SARIFDialect.path(tool: toolName.lowercased(), cleaned.path, workingDirectory: workingDirectory)
        if places.count >= 8192 { places.removeAll(keepingCapacity: true) }
        places[raw] = (cleaned, path)
        return (cleaned, path)
    }

    mutating func finding(from result: JSONValue, mapping: MappingRules) -> Finding {
        let rule = resolveRule(result)
        let tool = toolName.lowercased()
        let ruleID = SARIFDialect.ruleID(
            tool: tool, result: result, given: result["ruleId"]?.string ?? result.at("rule", "id")?.string ?? rule?.id ?? "unknown")
        let message =
            result.at("message", "text")?.string ?? result.at("message", "markdown")?.string
            ?? rule?.title ?? ruleID
        let physical = result["locations"]?.array?.first?["physicalLocation"]
        let (cleaned, uri) = place(physical?.at("artifactLocation", "uri")?.string)
        let region = physical?["region"]
        // A position the tool appended to the file name (` (pos 12)`) stands in for a snippet:
        // it tells two places in one file apart, as it did when it was part of the path.
        let snippet = region?.at("snippet", "text")?.string ?? cleaned?.position
        let location = uri.map { Location(path: $0, startLine: region?["startLine"]?.int, endLine: region?["endLine"]?.int) }

        let resultTags = result.at("properties", "tags")?.array?.compactMap(\.string) ?? []
        let tags = (rule?.tags ?? []) + resultTags
        let cwe = (rule?.cwe ?? []) + resultTags.compactMap(SARIFRule.cweNumber) + SARIFRun.taxaCWE(result)
        let subject = MappingSubject(tool: tool, ruleID: ruleID, cwe: cwe, tags: tags, stated: rule?.stated ?? [], other: rule?.other ?? [])
        let title = rule?.title ?? ruleID
        let mapped = mapping.map(subject, context: MappingContext(path: uri, title: title, message: message, code: snippet))
        var taxonomy = TaxonomyIDs(cwe: Array(Set(subject.cwe)).sorted().map { "CWE-\($0)" })
        taxonomy.merge(mapped.taxonomy)

        let securitySeverity = result.at("properties", "security-severity")?.text ?? rule?.securitySeverity
        // The tool's own word (bandit's issue_severity, security-severity) beats a rule's
        // severity, which beats the bare level.
        let severity =
            SARIFDialect.severity(tool: tool, result: result) ?? SARIFRun.toolSeverity(result: result, securitySeverity: securitySeverity)
            ?? mapped.severity
            ?? SARIFRun.levelSeverity(result: result, rule: rule)

        // SARIF §3.27.12: every location is a place the result occurs. The first is the finding's.
        let others = (result["locations"]?.array ?? []).dropFirst().compactMap { other -> OtherLocation? in
            let place = other["physicalLocation"]
            guard let raw = place?.at("artifactLocation", "uri")?.string else { return nil }
            return OtherLocation(
                Location(path: path(fromURI: raw), startLine: place?.at("region", "startLine")?.int, endLine: place?.at("region", "endLine")?.int))
        }
        var finding = Finding(
            fingerprint: fingerprint(result: result, tool: tool, ruleID: ruleID, uri: uri, snippet: snippet, message: message),
            tool: tool, ruleID: ruleID, title: rule?.title ?? ruleID, message: message, severity: severity,
            score: securitySeverity.flatMap(Double.init), threat: mapped.threat, taxonomy: taxonomy,
            artifact: uri, location: location, evidence: snippet, suppressed: SARIFRun.isSuppressed(result),
            mappingWhy: mapped.why
        )
        finding.mappingInputs = mapped.inputs
        finding.otherLocations = others
        return finding
    }

    private mutating func resolveRule(_ result: JSONValue) -> SARIFRule? {
        // The rule's component: the driver (-1), or the extension `rule.toolComponent` names.
        var component = -1
        if let reference = result.at("rule", "toolComponent") {
            if let given = reference["index"]?.int, extensions.indices.contains(given) {
                component = given
            } else if let name = reference["name"]?.string, let found = extensions.firstIndex(where: { $0.name == name }) {
                component = found
            }
        }
        let table = component < 0 ? rules : extensions[component].rules
        var index: Int?
        if let given = result["ruleIndex"]?.int ?? result.at("rule", "index")?.int, (0..<table.count).contains(given) {
            index = given
        } else if let id = result["ruleId"]?.string ?? result.at("rule", "id")?.string {
            // A hierarchical id "A/B" falls back to its base rule "A" (SARIF §3.27.5).
            index = table.index(of: id) ?? id.split(separator: "/").first.flatMap { table.index(of: String($0)) }
        }
        guard let index else { return nil }
        if let last = lastRule, last.index == index, last.component == component { return last.rule }
        let rule = table[index]
        lastRule = (component, index, rule)
        return rule
    }

    /// The tool's own word first (bandit's `issue_severity`), then `security-severity`, then the
    /// result's `level`, then the rule's default level, then SARIF's default (`warning`).
    static func severity(result: JSONValue, rule: SARIFRule?, securitySeverity: String?) -> Severity {
        toolSeverity(result: result, securitySeverity: securitySeverity) ?? levelSeverity(result: result, rule: rule)
    }

    /// A severity the tool states beyond the level: `issue_severity`, `severity`, `security-severity`.
    static func toolSeverity(result: JSONValue, securitySeverity: String?) -> Severity? {
        if let text = result.at("properties", "issue_severity")?.string ?? result.at("properties", "severity")?.string,
            let severity = Severity(text: text)
        {
            return severity
        }
        return securitySeverity.flatMap(Severity.init(securitySeverityText:))
    }

    static func levelSeverity(result: JSONValue, rule: SARIFRule?) -> Severity {
        let level = result["level"]?.string ?? rule?.defaultLevel ?? "warning"
        return Severity(sarifLevel: level) ?? .medium
    }

    /// CWE ids a result names through `taxa[]` references into the CWE taxonomy.
    static func taxaCWE(_ result: JSONValue) -> [String] {
        (result["taxa"]?.array ?? []).compactMap { taxon in
            let component = taxon.at("toolComponent", "name")?.string?.uppercased() ?? ""
            guard let id = taxon["id"]?.text, component == "CWE" || id.uppercased().hasPrefix("CWE") else { return nil }
            return SARIFRule.cweNumber(id) ?? (Int(id).map(String.init))
        }
    }

    /// Suppressed when any suppression is accepted (a missing status means accepted);
    /// `underReview` and `rejected` suppressions do not suppress.
    static func isSuppressed(_ result: JSONValue) -> Bool {
        guard let suppressions = result["suppressions"]?.array else { return false }
        return suppressions.contains { ($0["status"]?.string ?? "accepted") == "accepted" }
    }

    /// The tool's fingerprints when it gives them; otherwise tool, rule, file, the first line of
    /// the snippet (or the message) — never the line number, so findings survive edits above them.
    private func fingerprint(result: JSONValue, tool: String, ruleID: String, uri: String?, snippet: String?, message: String) -> Fingerprint {
        for key in ["fingerprints", "partialFingerprints"] where SARIFDialect.usesToolFingerprints(tool: tool) {
            // semgrep without a login writes "requires login" as every fingerprint: no identity at all.
            if let members = result[key]?.members?.filter({ $0.1.text != "requires login" }), !members.isEmpty {
                let parts = members.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1.text ?? "")" }
                return Fingerprinter.fingerprint(FingerprintKey([tool, ruleID, uri ?? ""] + parts))
            }
        }
        if tool == "semgrep" {
            // semgrep's JSON has no code without a login: the identity both formats can build.
            return Fingerprinter.fingerprint(FingerprintKey([tool, ruleID] + SemgrepParser.identity(path: uri ?? "", message: message)))
        }
        let anchor = snippet.map(SARIFRun.anchor) ?? ""
        // The same key the tool's own JSON parser builds (bandit), so both formats dedupe.
        return Fingerprinter.fingerprint(FingerprintKey([tool, ruleID, uri ?? "", anchor, message]))
    }

    /// The first non-blank line of a snippet, trimmed: the part of the fingerprint that survives
    /// edits elsewhere in the file. Runs once per result, so plain-ASCII snippets (nearly all) are
    /// scanned as bytes; anything else takes the Character path, whose results (a CRLF is one
    /// Character, so never a line break; Unicode spaces) the byte path reproduces exactly.
    static func anchor(_ snippet: String) -> String {
        let fast: String?? = snippet.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                // Character.isWhitespace, for ASCII: tab, LF, VT, FF, CR, space.
                if bytes[start..<end].contains(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }) {
                    // CharacterSet.whitespaces, for ASCII: space and tab.
                    var low = start
                    var high = end
                    while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
                    while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
                }
                start = end + 1
            }
            return ""
        }
        if let fast = fast ?? nil { return fast }
        return characterAnchor(snippet)
    }

    /// The same, by Characters: what fingerprints were always made with.
    static func characterAnchor(_ snippet: String) -> String {
        snippet.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) }.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
