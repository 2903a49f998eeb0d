import Findings

/// The grouped Findings view (`=`, `:group`), its groups' triage, and `S` (mark similar).
extension Reducer {
    /// The most findings one group action or one `S` takes: a larger group is narrowed by the filter first.
    public static let groupTargetLimit = 50_000

    static func group(by grouping: FindingGrouping, _ state: inout AppState) -> [Effect] {
        let list = state.findings
        state.findings.grouping = grouping
        state.findings.expanded = nil
        state.flash = Flash(grouping == .none ? "not grouped" : "grouped by \(grouping.rawValue)")
        return startFindings(list.filter, origin: state.view == .findings ? list.origin : state.view, &state)
    }

    /// Enter on a group: its findings, in the list's order; Esc comes back to the group.
    static func expand(_ state: inout AppState) -> [Effect] {
        guard let group = state.findings.currentGroup else { return [] }
        let list = state.findings
        let generation = list.generation + 1
        state.findings = FindingListState(filter: list.filter)
        state.findings.sort = list.sort
        state.findings.grouping = list.grouping
        state.findings.columns = list.columns
        state.findings.groups = list.groups
        state.findings.groupCursor = list.groupCursor
        state.findings.origin = list.origin
        state.findings.lastBatch = list.lastBatch
        state.findings.expanded = group
        // The group's count is the list's: "row N of M" from the start.
        state.findings.total = group.count
        state.findings.generation = generation
        state.findings.loading = true
        return [.loadFindings(state.findings.query, after: nil, limit: FindingListState.pageSize, generation: generation)]
    }

    /// Back from a group's findings to the groups, read again (a triage inside changed their counts).
    static func collapse(_ state: inout AppState) -> [Effect] {
        let list = state.findings
        let effects = startFindings(list.filter, origin: list.origin, &state)
        state.findings.groups = list.groups
        state.findings.groupCursor = list.groupCursor
        state.findings.lastBatch = list.lastBatch
        return effects
    }

    /// A triage key on a group row: the group's findings are read first (open ones; closed ones
    /// for reopen), then the action applies to them as to marked rows.
    static func groupTriage(_ command: Command, _ state: inout AppState) -> [Effect] {
        if command == .undo {
            let batch = state.findings.lastBatch
            guard batch.count > 1 else {
                state.flash = Flash("nothing to undo here: open the group (Enter) to undo one finding", isError: true)
                return []
            }
            state.findings.lastBatch = []
            return [.undoGroup(batch)]
        }
        guard let group = state.findings.currentGroup else {
            state.flash = Flash("no group under the cursor", isError: true)
            return []
        }
        var query = state.findings.query
        query.group = group.key
        query.sort = .severity
        let open = command != .reopen
        query.filter.clauses.append(.init(.states(TriageState.allCases.filter { $0.isOpen == open })))
        return [.loadGroupTargets(query, command)]
    }

    static func groupTargetsLoaded(_ rows: [FindingRow], command: Command, _ state: inout AppState) -> [Effect] {
        guard state.view == .findings, state.findings.showGroups else { return [] }
        guard !rows.isEmpty else {
            state.flash = Flash(command == .reopen ? "the group has no closed findings to reopen" : "the group has no open findings", isError: true)
            return []
        }
        guard rows.count <= groupTargetLimit else {
            state.flash = Flash(
                "the group has more than \(NumberFormat.grouped(groupTargetLimit)) findings: narrow the filter (/) first", isError: true)
            return []
        }
        return triage(command, items: rows, &state)
    }

    /// `S`: marks every finding of the filter (in the open group, if any) with the same tool, rule
    /// and message as the one under the cursor, loaded or not.
    static func markSimilar(_ state: inout AppState) -> [Effect] {
        guard !state.findings.showGroups, let current = state.findings.current else {
            state.flash = Flash("no finding under the cursor", isError: true)
            return []
        }
        return [.markSimilar(state.findings.query, findingID: current.id)]
    }

    static func similarLoaded(_ rows: [FindingRow], _ state: inout AppState) -> [Effect] {
        guard state.view == .findings, !state.findings.showGroups, let first = rows.first else { return [] }
        let kept = rows.prefix(groupTargetLimit)
        let loaded = Set(state.findings.items.map(\.id))
        for row in kept {
            state.findings.marks.insert(row.id)
            if !loaded.contains(row.id) { state.findings.markedRows[row.id] = row }
        }
        let cut = rows.count > groupTargetLimit ? " (the first \(NumberFormat.grouped(groupTargetLimit)))" : ""
        state.flash = Flash(
            "marked \(NumberFormat.grouped(kept.count)) finding\(kept.count == 1 ? "" : "s") like this one\(cut): "
                + "\(first.tool) \(first.ruleID), same message; \(NumberFormat.grouped(state.findings.marks.count)) marked in all")
        return []
    }
}
