import Findings

/// The palette's commands (`:` in the console): an enum, so a command the reducer does not handle
/// is a compile error rather than a line that silently does nothing. Their names, aliases,
/// arguments and help are data that the parser, the completion and the help screen read.
public enum PaletteCommand: String, Sendable, CaseIterable {
    case matrix, pivot, models, findings, proposals, view, columns, metrics, ingest, audit, sort, group, project, projects, unmapped, compliance,
        pack, theme,
        help, quit

    public var name: String { rawValue }

    public var aliases: [String] {
        switch self {
        case .matrix: ["m"]
        case .findings: ["f"]
        case .project: ["p"]
        case .help: ["h"]
        case .quit: ["q", "q!"]
        case .pivot, .models, .proposals, .view, .columns, .metrics, .ingest, .audit, .sort, .group, .projects, .unmapped, .compliance, .pack, .theme:
            []
        }
    }

    public var argument: String {
        switch self {
        case .findings, .audit: "[FILTER]"
        case .sort: FindingSort.allCases.map(\.rawValue).joined(separator: "|")
        case .group: FindingGrouping.allCases.map(\.rawValue).joined(separator: "|")
        case .view: "NAME|save NAME|delete NAME"
        case .columns: "COLUMN,…|default"
        case .project: "NAME|all"
        case .theme, .pack: "NAME"
        case .metrics: "[MODEL|none]"
        case .matrix, .pivot, .models, .proposals, .ingest, .projects, .unmapped, .compliance, .help, .quit: ""
        }
    }

    public var help: String {
        switch self {
        case .matrix: "the threat matrix"
        case .pivot: "the matrix by lifecycle stage, or back"
        case .models: "the per-model risk table"
        case .findings: "the triage queue, filtered"
        case .metrics: "triage over time (all, or one model's): opened vs closed per week, time to fix, SLA compliance, backlog age"
        case .proposals: "risk acceptances waiting for a second person's approval (a to approve, R to reject)"
        case .ingest: "workers, recent scans, quarantine"
        case .audit: "the event log, filtered"
        case .sort: "order of the findings"
        case .group: "fold the findings by rule (tool + rule + message), artifact or model"
        case .view: "open a saved view; save the Findings view (filter, sort, grouping, columns) under a name; delete one"
        case .columns: "the Findings columns: " + FindingColumn.allCases.map(\.rawValue).joined(separator: ",")
        case .project: "scope every view to one project, or all"
        case .projects: "every project with its open findings and risk"
        case .unmapped: "rules of unclassified findings, with a mapping rule to paste"
        case .compliance: "evidence per model and control of a framework pack"
        case .pack: "the framework pack the Compliance view shows"
        case .theme: "switch the colour theme"
        case .help: "keys and commands"
        case .quit: "leave mlsoc"
        }
    }

    /// True when the argument is a finding filter (checked as it is typed).
    public var takesFilter: Bool { self == .findings || self == .audit }

    public static let all = allCases

    public static func named(_ word: String) -> PaletteCommand? {
        allCases.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// Completions of a partly typed command line.
    public static func complete(
        _ line: String, themes: [String], projects: [String] = [], packs: [String] = [], views: [String] = []
    ) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count > 1 else {
            return allCases.map(\.name).filter { $0.hasPrefix(line) }.map { $0 + " " }
        }
        let head = words[0] + " "
        let partial = words.last ?? ""
        let before = words.dropLast().joined(separator: " ") + " "
        switch named(words[0]) {
        case .theme: return themes.filter { $0.hasPrefix(partial) }.map { head + $0 }
        case .pack: return packs.filter { $0.hasPrefix(partial) }.map { head + $0 }
        case .project: return (["all"] + projects).filter { $0.hasPrefix(partial) }.map { head + $0 }
        case .sort: return FindingSort.allCases.map(\.rawValue).filter { $0.hasPrefix(partial) }.map { head + $0 }
        case .group: return FindingGrouping.allCases.map(\.rawValue).filter { $0.hasPrefix(partial) }.map { head + $0 }
        case .view:
            if words.count == 2 { return (["save", "delete"] + views).filter { $0.hasPrefix(partial) }.map { head + $0 } }
            return words[1] == "delete" ? views.filter { $0.hasPrefix(partial) }.map { before + $0 } : []
        case .columns:
            let done = partial.lastIndex(of: ",").map { String(partial[...$0]) } ?? ""
            let last = String(partial.dropFirst(done.count))
            let names = done.isEmpty ? ["default"] + FindingColumn.allCases.map(\.rawValue) : FindingColumn.allCases.map(\.rawValue)
            return names.filter { $0.hasPrefix(last) }.map { head + done + $0 }
        case .findings, .audit: return completeFilter(partial).map { before + $0 }
        default: return []
        }
    }

    /// Completes the last word of a filter: keys, then the values the key knows (states,
    /// severities, cells, stages from the filter's table; tools, rules and models from the store;
    /// projects from the console). After a comma, the next value of a list (`sev:crit,hi`).
    public static func completeFilter(_ word: String, projects: [String] = [], vocabulary: FilterVocabulary = FilterVocabulary()) -> [String] {
        let negation = word.hasPrefix("-") ? "-" : ""
        let body = String(word.dropFirst(negation.count))
        guard let colon = body.firstIndex(of: ":") else {
            return FindingFilter.keys.filter { $0.hasPrefix(body) }.map { negation + $0 + ":" }
        }
        let key = String(body[..<colon])
        let list = String(body[body.index(after: colon)...])
        let done = list.lastIndex(of: ",").map { String(list[...$0]) } ?? ""
        let value = String(list.dropFirst(done.count))
        let values: [String]
        switch key {
        case "project": values = projects
        case "tool": values = vocabulary.tools
        case "rule": values = vocabulary.rules
        case "model": values = ["none"] + vocabulary.models
        case "assignee": values = ["me", "none"] + vocabulary.accounts
        default: values = FindingFilter.values(of: key)
        }
        return values.lazy.filter { $0.hasPrefix(value) }.prefix(200).map { negation + key + ":" + done + FindingFilter.quoteIfNeeded($0) }
    }
}
