import Findings

/// Saved views (`:view`, tabs 7–9), the Findings columns (`:columns`), and `Tab` over the tabs.
extension Reducer {
    /// The saved views shown as tabs (and reached with 7, 8, 9).
    public static let viewTabs = 3

    /// `:view` (list), `:view NAME`, `:view save NAME`, `:view delete NAME`.
    static func viewCommand(_ argument: String, _ state: inout AppState) -> [Effect] {
        let words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.first {
        case nil:
            let names = state.savedViews.map(\.name)
            state.flash = Flash(
                names.isEmpty ? "no saved views: `:view save NAME` saves the Findings view" : "views: " + names.joined(separator: ", "))
            return []
        case "save":
            guard words.count == 2 else {
                state.flash = Flash("`:view save NAME` (one word)", isError: true)
                return []
            }
            return saveView(words[1], &state)
        case "delete":
            guard words.count == 2 else {
                state.flash = Flash("`:view delete NAME`", isError: true)
                return []
            }
            return deleteView(words[1], &state)
        default:
            return useView(argument, &state)
        }
    }

    /// Opens a saved view: the Findings list with its filter, order, grouping and columns.
    public static func useView(_ name: String, _ state: inout AppState) -> [Effect] {
        guard let view = state.savedViews.first(where: { $0.name == name }) else {
            let known = state.savedViews.map(\.name)
            state.flash = Flash(
                "no view '\(name)'" + (known.isEmpty ? ": `:view save NAME` saves one" : ": one of " + known.joined(separator: ", ")), isError: true)
            return []
        }
        if let problem = view.problem {
            state.flash = Flash(problem, isError: true)
            return []
        }
        let filter = (try? FindingFilter.parse(view.filter)) ?? .empty
        state.findings.sort = view.sort
        state.findings.grouping = view.grouping
        state.findings.columns = view.columns
        state.findings.expanded = nil
        state.activeView = view.name
        return startFindings(filter, origin: .matrix, &state)
    }

    /// Saves the Findings view as it is (filter, order, grouping, columns) under a name: a view of
    /// the state file, over one of config.yaml's of the same name.
    static func saveView(_ name: String, _ state: inout AppState) -> [Effect] {
        guard SavedView.validName(name) else {
            state.flash = Flash("a view name is letters, digits, - _ . and at most 24 characters", isError: true)
            return []
        }
        let list = state.findings
        let view = SavedView(
            name: name, filter: list.filter.description, sort: list.sort, grouping: list.grouping, columns: list.columns)
        if let index = state.savedViews.firstIndex(where: { $0.name == name && !$0.fromConfig }) {
            state.savedViews[index] = view
        } else {
            state.savedViews.removeAll { $0.name == name }
            state.savedViews.append(view)
        }
        state.activeView = state.view == .findings ? name : state.activeView
        let position = state.savedViews.firstIndex { $0.name == name } ?? 0
        let key = position < viewTabs ? " (tab \(position + 7))" : ""
        state.flash = Flash("saved view \(name)\(key): \(view.filter.isEmpty ? "all findings" : view.filter)")
        return [.saveViews(state.savedViews.filter { !$0.fromConfig })]
    }

    static func deleteView(_ name: String, _ state: inout AppState) -> [Effect] {
        guard let view = state.savedViews.first(where: { $0.name == name }) else {
            state.flash = Flash("no view '\(name)'", isError: true)
            return []
        }
        guard !view.fromConfig else {
            state.flash = Flash("view \(name) comes from config.yaml: remove it there", isError: true)
            return []
        }
        state.savedViews.removeAll { $0.name == name && !$0.fromConfig }
        if state.activeView == name { state.activeView = nil }
        state.flash = Flash("deleted view \(name)")
        return [.saveViews(state.savedViews.filter { !$0.fromConfig })]
    }

    /// `:columns id,sev,title,…` or `:columns default`: the Findings list's columns.
    static func setColumns(_ argument: String, _ state: inout AppState) -> [Effect] {
        let keys = argument.split(separator: ",").map { String($0).trimmingASCIIWhitespace().lowercased() }.filter { !$0.isEmpty }
        let all = FindingColumn.allCases.map(\.rawValue).joined(separator: ",")
        if keys.isEmpty {
            state.flash = Flash("columns: \(FindingColumn.list(state.findings.columns).map(\.rawValue).joined(separator: ",")) (of \(all))")
            return []
        }
        if keys == ["default"] {
            state.findings.columns = nil
        } else {
            if let unknown = keys.first(where: { FindingColumn(rawValue: $0) == nil }) {
                state.flash = Flash("unknown column '\(unknown)': one of \(all)", isError: true)
                return []
            }
            state.findings.columns = keys
        }
        state.flash = Flash("columns: " + FindingColumn.list(state.findings.columns).map(\.rawValue).joined(separator: ","))
        return state.view == .findings ? [] : show(.findings, &state)
    }

    /// `Tab` and `Shift-Tab`: the six views, then the saved views' tabs.
    static func nextTab(forward: Bool, _ state: inout AppState) -> [Effect] {
        let saved = Array(state.savedViews.prefix(viewTabs).map(\.name))
        let count = ViewID.tabs.count + saved.count
        let view = state.view == .help ? state.helpReturn : state.view
        let current =
            view == .findings ? state.activeView.flatMap { saved.firstIndex(of: $0) }.map { ViewID.tabs.count + $0 } : nil
        let position = current ?? ViewID.tabs.firstIndex(of: view) ?? 0
        let next = (position + (forward ? 1 : count - 1)) % count
        if next >= ViewID.tabs.count { return useView(saved[next - ViewID.tabs.count], &state) }
        if ViewID.tabs[next] == .findings { state.activeView = nil }
        return show(ViewID.tabs[next], &state)
    }
}
