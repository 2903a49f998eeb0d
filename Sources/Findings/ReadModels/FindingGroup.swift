/// How the Findings view folds its rows (issue 20): one row per rule (tool + rule + message), per
/// artefact, or per model, each with its count, worst severity and states.
public enum FindingGrouping: String, Sendable, CaseIterable, Codable {
    case none, rule, artifact, model

    /// The next grouping `=` switches to.
    public var next: FindingGrouping {
        switch self {
        case .none: .rule
        case .rule: .artifact
        case .artifact: .model
        case .model: .none
        }
    }

    /// The column title of the group's key.
    public var title: String {
        switch self {
        case .none: "FINDING"
        case .rule: "MESSAGE"
        case .artifact: "ARTIFACT"
        case .model: "MODEL"
        }
    }
}

/// What makes findings one group: the store's ids, so a group's findings are found again exactly.
public enum FindingGroupKey: Sendable, Hashable {
    /// A rule (`rule.id`) with one message text (`message.id`).
    case rule(ruleRef: Int64, messageID: Int64)
    /// The artefact as reported, or the location's path when the finding names none ("" for neither).
    case artifact(String)
    /// A model (`model.id`); 0 for findings of no model.
    case model(Int64)
}

/// One row of a grouped Findings view.
public struct FindingGroup: Sendable, Equatable, Identifiable {
    public var key: FindingGroupKey
    /// For a rule group: the tool, the rule id and the message; for the others, the artefact or model name.
    public var tool: String
    public var ruleID: String
    public var label: String
    /// How many findings of the group match the filter, by state.
    public var states: [TriageState: Int]
    /// The severity of the most severe finding of the group that matches.
    public var worst: Severity

    public var id: FindingGroupKey { key }

    public init(key: FindingGroupKey, tool: String = "", ruleID: String = "", label: String, states: [TriageState: Int], worst: Severity) {
        self.key = key
        self.tool = tool
        self.ruleID = ruleID
        self.label = label
        self.states = states
        self.worst = worst
    }

    public var count: Int { states.values.reduce(0, +) }
    public var openCount: Int { states.filter(\.key.isOpen).values.reduce(0, +) }

    /// "12 new · 3 in_triage · 1 false_positive": the states with findings, open ones first.
    public var stateSummary: String {
        TriageState.allCases.sorted { ($0.isOpen ? 0 : 1, $0.rawValue) < ($1.isOpen ? 0 : 1, $1.rawValue) }
            .compactMap { state in states[state].flatMap { $0 > 0 ? "\($0) \(state.key)" : nil } }
            .joined(separator: " · ")
    }
}

/// A grouped view's groups: the most severe first, then the largest, at most `limit` of them.
public struct FindingGroups: Sendable, Equatable {
    public var grouping: FindingGrouping
    public var groups: [FindingGroup]
    /// How many groups there were in all (more than `groups.count` when the list was cut).
    public var total: Int
    /// True when the counts came from the store's summary (groupSummary), false when from the rows.
    public var fromSummary: Bool

    public init(grouping: FindingGrouping, groups: [FindingGroup] = [], total: Int = 0, fromSummary: Bool = false) {
        self.grouping = grouping
        self.groups = groups
        self.total = total
        self.fromSummary = fromSummary
    }

    /// The order every grouped view shows: groups with open findings first, then the worst
    /// severity, the most open, the most findings, and the label.
    public static func ordered(_ groups: [FindingGroup]) -> [FindingGroup] {
        func rank(_ group: FindingGroup) -> (Int, Int, Int, Int) {
            (group.openCount > 0 ? 1 : 0, group.worst.rawValue, group.openCount, group.count)
        }
        return groups.sorted { rank($0) != rank($1) ? rank($0) > rank($1) : ($0.label, $0.ruleID, $0.key) < ($1.label, $1.ruleID, $1.key) }
    }
}

extension FindingGroupKey: Comparable {
    /// A fixed order among groups that tie on everything shown (rule and message ids, model id, artefact).
    public static func < (lhs: FindingGroupKey, rhs: FindingGroupKey) -> Bool {
        switch (lhs, rhs) {
        case let (.rule(a, b), .rule(c, d)): (a, b) < (c, d)
        case let (.model(a), .model(b)): a < b
        case let (.artifact(a), .artifact(b)): a < b
        case (.rule, _): true
        case (.model, .artifact): true
        default: false
        }
    }
}
