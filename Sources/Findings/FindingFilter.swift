/// The filter language of the console and the CLI (DESIGN.md §7):
///
///     sev>=high state:open model:fraud* target:data tool:garak cwe:502 "free text"
///
/// Terms are separated by spaces. Different keys must all hold (AND); a key given twice, or a
/// comma list (`tool:garak,promptfoo`), matches any of its values (OR). A leading `-` negates a
/// term. Words without a key, and quoted strings, match title, message or path as substrings.
/// The parse is pure: `FindingStore` turns the result into bound SQL.
public struct FindingFilter: Sendable, Equatable, CustomStringConvertible {
    public var clauses: [Clause]

    public init(clauses: [Clause] = []) {
        self.clauses = clauses
    }

    public static let empty = FindingFilter()

    public var isEmpty: Bool { clauses.isEmpty }

    /// One term, maybe negated.
    public struct Clause: Sendable, Equatable {
        public var negated: Bool
        public var term: Term

        public init(_ term: Term, negated: Bool = false) {
            self.negated = negated
            self.term = term
        }
    }

    public enum Comparison: String, Sendable, Equatable, CaseIterable {
        case equal = "="
        case atLeast = ">="
        case atMost = "<="
        case above = ">"
        case below = "<"
    }

    public enum SLACondition: String, Sendable, Equatable {
        /// Past its due date and still open.
        case overdue
        /// Has a due date and is still open.
        case due
        /// No due date (info findings by default).
        case none
    }

    public enum Term: Sendable, Equatable {
        case severity(Comparison, Severity)
        /// Any of the listed severities (`sev:high,critical`).
        case severities([Severity])
        case states([TriageState])
        /// Name globs (`*`, `?`); `nil` stands for "no model" (`model:none`).
        case models([String?])
        /// Findings at a file matching one of these globs, at their first location or any other.
        case paths([String])
        case targets([Target])
        case threats([Threat])
        /// Tool name globs.
        case tools([String])
        /// Rule id globs.
        case rules([String])
        case cwes([Int])
        /// Lifecycle stage of the finding's model; "none" for findings whose model has no stage, or no model.
        case stages([String])
        case sla(SLACondition)
        case ids([Int64])
        /// Substring of title, message or path, case-insensitive.
        case text(String)
        /// Findings with an audit event by one of these accounts (globs); in the audit log, the event's actor.
        case actors([String])
        /// Findings with an audit event of these kinds (globs); in the audit log, the event's kind.
        case events([String])
        /// Project name globs: the project of the scan that found the finding.
        case projects([String])
        /// Findings with a risk acceptance in one of these four-eyes steps (`acceptance:proposed`).
        case acceptances([AcceptanceProposal.Status])
        /// Ticket globs (`ticket:JIRA-*`); `nil` stands for "no ticket" (`ticket:none`).
        case tickets([String?])
        /// Assignee globs; `nil` stands for "unassigned" (`assignee:none`), "me" for the acting
        /// account once `resolvingMe` has replaced it.
        case assignees([String?])
    }

    /// The filter with `assignee:me` naming `person` (the console and the CLI know who acts; the
    /// parse does not).
    public func resolvingMe(as person: String) -> FindingFilter {
        FindingFilter(
            clauses: clauses.map { clause in
                guard case let .assignees(values) = clause.term else { return clause }
                return Clause(.assignees(values.map { $0?.lowercased() == "me" ? person : $0 }), negated: clause.negated)
            })
    }

    /// The filter restricted to one project (`--project`, the console's `:project`); nil: unchanged.
    public func scoped(toProject project: String?) -> FindingFilter {
        guard let project else { return self }
        var scoped = self
        scoped.clauses.append(Clause(.projects([project])))
        return scoped
    }

    /// One key of the filter language: what the help shows and what Tab completes.
    public struct KeyInfo: Sendable {
        public var key: String
        public var example: String
        public var meaning: String
        /// The values Tab offers after `key:` (tools, models and projects come from the store).
        public var values: [String]
    }

    /// The filter language's keys, in the order the help lists them: the one table the parser's
    /// errors, the completion and the help screen read.
    public static let keyTable: [KeyInfo] = [
        KeyInfo(key: "sev", example: "sev>=high sev:crit,high", meaning: "severity: = : >= <= > <", values: Severity.descending.map(\.name)),
        KeyInfo(
            key: "state", example: "state:open state:closed",
            meaning: "or a state: " + TriageState.allCases.map(\.key).joined(separator: " "),
            values: ["open", "closed"] + TriageState.allCases.map(\.key)),
        KeyInfo(
            key: "model", example: "model:fraud* model:none", meaning: "model name glob (at any of its places), or no model",
            values: ["none"]),
        KeyInfo(key: "project", example: "project:fraud-detection", meaning: "the project of the scan that found it", values: []),
        KeyInfo(key: "target", example: "target:data", meaning: "matrix row", values: Target.allCases.map(\.key)),
        KeyInfo(key: "threat", example: "threat:model-theft", meaning: "matrix cell", values: Threat.allCases.map(\.key)),
        KeyInfo(key: "tool", example: "tool:garak", meaning: "tool name glob", values: []),
        KeyInfo(key: "rule", example: "rule:B30*", meaning: "rule id glob", values: []),
        KeyInfo(key: "path", example: "path:svc/*.py", meaning: "file path glob, at any of the finding's places", values: []),
        KeyInfo(key: "cwe", example: "cwe:502", meaning: "CWE id", values: []),
        KeyInfo(key: "stage", example: "stage:deploy", meaning: "lifecycle stage of the model", values: stageKeys + ["none"]),
        KeyInfo(
            key: "sla", example: "sla:overdue", meaning: "past the SLA due date; due: has one; none: has none",
            values: ["overdue", "due", "none"]),
        KeyInfo(key: "id", example: "id:42,43", meaning: "finding numbers", values: []),
        KeyInfo(key: "actor", example: "actor:alice", meaning: "findings with an event by them (in Audit: the events)", values: []),
        KeyInfo(key: "event", example: "event:reopened", meaning: "findings with such an event (in Audit: the events)", values: []),
        KeyInfo(
            key: "acceptance", example: "acceptance:proposed", meaning: "four-eyes risk acceptance: proposed, approved, rejected, withdrawn",
            values: AcceptanceProposal.Status.allCases.map(\.rawValue)),
        KeyInfo(key: "ticket", example: "ticket:JIRA-* ticket:none", meaning: "ticket key or URL glob, or no ticket", values: ["none"]),
        KeyInfo(key: "assignee", example: "assignee:me assignee:none", meaning: "assignee glob, you, or unassigned", values: ["me", "none"]),
    ]

    /// Keys the parser knows, for errors and completion.
    public static let keys = keyTable.map(\.key)

    /// The values Tab offers after `key:`.
    public static func values(of key: String) -> [String] {
        keyTable.first { $0.key == key }?.values ?? []
    }

    /// Lifecycle stages as the store keeps them.
    public static let stageKeys = ["design", "develop", "deploy", "monitor"]

    /// The filter written back in its canonical form.
    public var description: String {
        clauses.map { clause in (clause.negated ? "-" : "") + Self.describe(clause.term) }.joined(separator: " ")
    }

    static func describe(_ term: Term) -> String {
        func list(_ key: String, _ values: [String]) -> String { key + ":" + values.map(quoteIfNeeded).joined(separator: ",") }
        switch term {
        case let .severity(comparison, severity):
            return comparison == .equal ? "sev:\(severity.name)" : "sev\(comparison.rawValue)\(severity.name)"
        case let .severities(values): return list("sev", values.map(\.name))
        case let .states(values):
            if values == TriageState.allCases.filter(\.isOpen) { return "state:open" }
            if values == TriageState.allCases.filter({ !$0.isOpen }) { return "state:closed" }
            return list("state", values.map(\.key))
        case let .models(values): return list("model", values.map { $0 ?? "none" })
        case let .targets(values): return list("target", values.map(\.key))
        case let .threats(values): return list("threat", values.map(\.key))
        case let .tools(values): return list("tool", values)
        case let .rules(values): return list("rule", values)
        case let .cwes(values): return list("cwe", values.map(String.init))
        case let .stages(values): return list("stage", values)
        case let .sla(condition): return "sla:\(condition.rawValue)"
        case let .ids(values): return list("id", values.map(String.init))
        case let .text(text): return quoteIfNeeded(text)
        case let .actors(values): return list("actor", values)
        case let .events(values): return list("event", values)
        case let .projects(values): return list("project", values)
        case let .paths(values): return list("path", values)
        case let .acceptances(values): return list("acceptance", values.map(\.rawValue))
        case let .tickets(values): return list("ticket", values.map { $0 ?? "none" })
        case let .assignees(values): return list("assignee", values.map { $0 ?? "none" })
        }
    }

    public static func quoteIfNeeded(_ text: String) -> String {
        // Anything the parser would read differently unquoted: spaces, quotes, list and key syntax, a
        // leading minus (negation).
        let special: Set<Character> = ["\"", "\\", ",", ":", "=", "<", ">"]
        let plain = !text.isEmpty && text.first != "-" && !text.contains { $0.isWhitespace || special.contains($0) }
        return plain ? text : "\"" + text.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] } + "\""
    }
}

/// A filter that does not parse: what is wrong, and where (a 1-based character column).
public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int

    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "\(message) (at column \(column))" }

    /// The filter as typed (sanitised) and a caret under the column, for a terminal: the caret is
    /// placed by display width, so wide and combining characters before it do not shift it.
    public func pointing(at text: String) -> String {
        let before = String(Array(text).prefix(max(0, column - 1)))
        let pad = DisplayWidth.of(TextSanitizer.sanitize(before))
        return "  " + TextSanitizer.sanitize(text) + "\n  " + String(repeating: " ", count: pad) + "^"
    }
}

extension FindingFilter {
    /// Parses the filter language; the error names the column of the offending term.
    public static func parse(_ text: String) throws(FilterError) -> FindingFilter {
        var parser = FilterParser(Array(text))
        return FindingFilter(clauses: try parser.clauses())
    }

    /// The filter with one more clause, unless an equal clause is already there.
    public func adding(_ clause: Clause) -> FindingFilter {
        clauses.contains(clause) ? self : FindingFilter(clauses: clauses + [clause])
    }
}

/// A hand-written scanner for the filter language: small, position-aware, no regular expressions.
private struct FilterParser {
    let chars: [Character]
    var index = 0

    init(_ chars: [Character]) {
        self.chars = chars
    }

    mutating func clauses() throws(FilterError) -> [FindingFilter.Clause] {
        var clauses: [FindingFilter.Clause] = []
        while true {
            while index < chars.count, chars[index].isWhitespace { index += 1 }
            guard index < chars.count else { return clauses }
            clauses.append(try clause())
        }
    }

    private mutating func clause() throws(FilterError) -> FindingFilter.Clause {
        var start = index
        var negated = false
        // `not TERM` is `-TERM` (for shells and CLIs that read a leading `-` as an option).
        if index + 3 < chars.count, String(chars[index..<(index + 3)]).lowercased() == "not", chars[index + 3].isWhitespace {
            var next = index + 3
            while next < chars.count, chars[next].isWhitespace { next += 1 }
            if next < chars.count {
                negated = true
                index = next
                start = next
            }
        }
        if !negated, chars[index] == "-", index + 1 < chars.count, !chars[index + 1].isWhitespace {
            negated = true
            index += 1
        }
        if chars[index] == "\"" {
            let text = try quoted()
            guard !text.isEmpty else { throw FilterError("empty quoted text", column: start + 1) }
            return FindingFilter.Clause(.text(text), negated: negated)
        }
        let keyStart = index
        while index < chars.count, chars[index].isLetter || chars[index] == "_" { index += 1 }
        let key = String(chars[keyStart..<index]).lowercased()
        guard let comparison = comparisonHere(), !key.isEmpty else {
            // Not `key<op>`: a bare word of free text.
            index = keyStart
            let word = bareWord()
            return FindingFilter.Clause(.text(word), negated: negated)
        }
        let valueColumn = index + 1
        let values = try valueList()
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
            throw FilterError("\(key) needs a value, e.g. \(example(key))", column: valueColumn)
        }
        let term = try makeTerm(key: key, comparison: comparison, values: values, keyColumn: keyStart + 1, valueColumn: valueColumn)
        return FindingFilter.Clause(term, negated: negated)
    }

    /// Reads `:`, `=`, `>=`, `<=`, `>` or `<` at the cursor.
    private mutating func comparisonHere() -> FindingFilter.Comparison? {
        guard index < chars.count else { return nil }
        let next: Character? = index + 1 < chars.count ? chars[index + 1] : nil
        switch chars[index] {
        case ":", "=":
            index += 1
            return .equal
        case ">" where next == "=":
            index += 2
            return .atLeast
        case "<" where next == "=":
            index += 2
            return .atMost
        case ">":
            index += 1
            return .above
        case "<":
            index += 1
            return .below
        default: return nil
        }
    }

    private mutating func bareWord() -> String {
        let start = index
        while index < chars.count, !chars[index].isWhitespace { index += 1 }
        return String(chars[start..<index])
    }

    private mutating func quoted() throws(FilterError) -> String {
        let column = index + 1
        index += 1
        var out = ""
        while index < chars.count {
            let ch = chars[index]
            index += 1
            if ch == "\\", index < chars.count {
                out.append(chars[index])
                index += 1
            } else if ch == "\"" {
                return out
            } else {
                out.append(ch)
            }
        }
        throw FilterError("unterminated quote", column: column)
    }

    /// `a,b,"c d"` up to the next space.
    private mutating func valueList() throws(FilterError) -> [String] {
        var values: [String] = []
        var current = ""
        while index < chars.count, !chars[index].isWhitespace {
            if chars[index] == "\"" {
                current += try quoted()
                continue
            }
            if chars[index] == "," {
                values.append(current)
                current = ""
            } else {
                current.append(chars[index])
            }
            index += 1
        }
        values.append(current)
        return values
    }

    private func example(_ key: String) -> String {
        switch key {
        case "sev", "severity": "sev>=high"
        case "state": "state:open"
        case "model": "model:fraud*"
        case "project": "project:fraud-*"
        case "target": "target:data"
        case "threat": "threat:model-theft"
        case "tool": "tool:garak"
        case "rule": "rule:B301"
        case "path", "file": "path:app/*"
        case "cwe": "cwe:502"
        case "stage": "stage:deploy"
        case "sla": "sla:overdue"
        case "actor": "actor:alice"
        case "event": "event:reopened"
        case "acceptance": "acceptance:proposed"
        case "ticket": "ticket:JIRA-*"
        case "assignee": "assignee:me"
        default: "id:42"
        }
    }

    private func makeTerm(
        key: String, comparison: FindingFilter.Comparison, values: [String], keyColumn: Int,
        valueColumn: Int
    ) throws(FilterError) -> FindingFilter.Term {
        if comparison != .equal, key != "sev", key != "severity" {
            throw FilterError("\(key) takes ':' (only sev compares with >=, <=, >, <)", column: keyColumn)
        }
        func each<T>(_ parse: (String) -> T?, _ expected: String) throws(FilterError) -> [T] {
            var out: [T] = []
            for value in values {
                guard let parsed = parse(value) else {
                    throw FilterError("unknown \(key) '\(value)': expected \(expected)", column: valueColumn)
                }
                out.append(parsed)
            }
            return out
        }
        switch key {
        case "sev", "severity":
            let names = Severity.descending.map(\.name).joined(separator: ", ")
            let severities = try each(Self.severity, names)
            if comparison == .equal { return severities.count == 1 ? .severity(.equal, severities[0]) : .severities(severities) }
            guard severities.count == 1 else { throw FilterError("a comparison takes one severity", column: valueColumn) }
            return .severity(comparison, severities[0])
        case "state":
            return .states(try each(Self.states, "open, closed, " + TriageState.allCases.map(\.key).joined(separator: ", ")).flatMap { $0 })
        case "model":
            return .models(values.map { $0.lowercased() == "none" ? nil : $0 })
        case "project":
            return .projects(values)
        case "target":
            return .targets(try each({ Target(key: $0) }, Target.allCases.map(\.key).joined(separator: ", ")))
        case "threat":
            return .threats(try each({ Threat(key: $0) }, "a threat key such as model-theft or data-poisoning"))
        case "tool": return .tools(values)
        case "rule": return .rules(values)
        case "path", "file": return .paths(values)
        case "cwe":
            return .cwes(
                try each({ value in Int(value.uppercased().hasPrefix("CWE-") ? String(value.dropFirst(4)) : value) }, "a number such as 502"))
        case "stage":
            return .stages(
                try each(
                    { value in
                        value.lowercased() == "none" ? "none" : FindingFilter.stageKeys.first { $0.hasPrefix(value.lowercased()) && value.count >= 3 }
                    }, FindingFilter.stageKeys.joined(separator: ", ") + ", none"))
        case "sla":
            guard values.count == 1, let condition = FindingFilter.SLACondition(rawValue: values[0].lowercased()) else {
                throw FilterError("unknown sla '\(values.joined(separator: ","))': expected overdue, due, none", column: valueColumn)
            }
            return .sla(condition)
        case "actor": return .actors(values)
        case "event", "kind": return .events(values)
        case "id":
            return .ids(try each({ Int64($0) }, "a finding number"))
        case "acceptance":
            return .acceptances(
                try each(
                    { AcceptanceProposal.Status(rawValue: $0.lowercased()) },
                    AcceptanceProposal.Status.allCases.map(\.rawValue).joined(separator: ", ")))
        case "ticket": return .tickets(values.map { $0.lowercased() == "none" ? nil : $0 })
        case "assignee": return .assignees(values.map { $0.lowercased() == "none" ? nil : $0 })
        default:
            throw FilterError("unknown key '\(key)': expected one of \(FindingFilter.keys.joined(separator: ", "))", column: keyColumn)
        }
    }

    static func severity(_ text: String) -> Severity? {
        Severity(text: text).flatMap { Severity.allCases.contains($0) ? $0 : nil }.flatMap { severity in
            // Only the five names and their short forms; the scanner vocabularies are for ingest.
            ["critical", "crit", "high", "medium", "med", "low", "info"].contains(text.lowercased()) ? severity : nil
        }
    }

    static func states(_ text: String) -> [TriageState]? {
        switch text.lowercased() {
        case "open": TriageState.allCases.filter(\.isOpen)
        case "closed": TriageState.allCases.filter { !$0.isOpen }
        case "triage", "in-triage": [.inTriage]
        case "fp", "false-positive": [.falsePositive]
        default: TriageState(key: text).map { [$0] }
        }
    }
}
