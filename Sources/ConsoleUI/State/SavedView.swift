import Findings

/// A named Findings view (issue 20, like k9s's views.yaml): a filter, an order, a grouping and the
/// columns. From config.yaml `views:` or saved with `:view save NAME` (the state file); the first
/// three are tabs 7, 8 and 9.
public struct SavedView: Sendable, Equatable, Codable {
    public var name: String
    /// The filter as typed (parsed when the view is used, so a view saved by a newer mlsoc still loads).
    public var filter: String
    public var sort: FindingSort
    public var grouping: FindingGrouping
    /// Column keys (`FindingColumn`); nil: the default columns.
    public var columns: [String]?
    /// From config.yaml: `:view delete` cannot remove it, `:view save` of the same name shadows it.
    public var fromConfig: Bool

    public init(
        name: String, filter: String = "", sort: FindingSort = .severity, grouping: FindingGrouping = .none, columns: [String]? = nil,
        fromConfig: Bool = false
    ) {
        self.name = name
        self.filter = filter
        self.sort = sort
        self.grouping = grouping
        self.columns = columns
        self.fromConfig = fromConfig
    }

    enum CodingKeys: String, CodingKey {
        case name, filter, sort, grouping, columns
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        filter = try container.decodeIfPresent(String.self, forKey: .filter) ?? ""
        sort = try container.decodeIfPresent(FindingSort.self, forKey: .sort) ?? .severity
        grouping = try container.decodeIfPresent(FindingGrouping.self, forKey: .grouping) ?? .none
        columns = try container.decodeIfPresent([String].self, forKey: .columns)
        fromConfig = false
    }

    /// A view name: letters, digits, `-`, `_` and `.`, at most 24 characters (it is a tab label).
    public static func validName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 24
            && name.unicodeScalars.allSatisfy {
                ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) && $0.value < 0x2000
            }
    }

    /// Why a definition (config.yaml or the state file) cannot be used, if it cannot.
    public var problem: String? {
        guard Self.validName(name) else { return "view name '\(name)': letters, digits, - _ . and at most 24 characters" }
        do {
            _ = try FindingFilter.parse(filter)
        } catch {
            return "view \(name): filter: \(error.description)"
        }
        if let columns, let unknown = columns.first(where: { FindingColumn(rawValue: $0) == nil }) {
            return "view \(name): unknown column '\(unknown)': one of \(FindingColumn.allCases.map(\.rawValue).joined(separator: ", "))"
        }
        return nil
    }
}

/// The columns a Findings view can show (`columns:` of a view, `:columns`).
public enum FindingColumn: String, Sendable, CaseIterable {
    case id, sev, state, due, age, tool, rule, title, model, project, location, assignee, ticket

    /// What the Findings view shows unless a view says otherwise.
    public static let defaults: [FindingColumn] = [.id, .sev, .state, .due, .tool, .rule, .title, .model, .location]

    /// The columns of a list of keys, unknown ones left out; nil or empty: the defaults.
    public static func list(_ keys: [String]?) -> [FindingColumn] {
        let columns = (keys ?? []).compactMap(FindingColumn.init(rawValue:))
        return columns.isEmpty ? defaults : columns
    }
}
