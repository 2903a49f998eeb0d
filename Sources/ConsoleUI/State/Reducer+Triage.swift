import Findings

/// Triage keys, marks, the triage form, and the results of triage writes.
extension Reducer {
    /// The findings an action applies to: the marked ones, else the one under the cursor.
    static func triageTargets(_ state: AppState) -> [FindingRow] {
        let list = state.findings
        if !list.marks.isEmpty { return list.marked }
        return list.current.map { [$0] } ?? []
    }

    static func triageCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard state.view == .findings else { return [] }
        if state.findings.showGroups { return groupTriage(command, &state) }
        let items = triageTargets(state)
        guard !items.isEmpty else {
            state.flash = Flash("no finding under the cursor", isError: true)
            return []
        }
        return triage(command, items: items, &state)
    }

    /// A triage key on these findings: straight to the store, or the form its inputs need.
    static func triage(_ command: Command, items: [FindingRow], _ state: inout AppState) -> [Effect] {
        let targets = items.map { TriageTarget(id: $0.id, version: $0.version) }
        switch command {
        case .setInTriage: return direct(.inTriage(note: nil), items, targets, &state)
        case .setExploitable: return direct(.exploitable(note: nil), items, targets, &state)
        case .approveAcceptance:
            guard state.triageRules.acceptanceApproval else {
                state.flash = Flash("acceptances need no approval here (config.yaml triage: acceptance_approval: required)", isError: true)
                return []
            }
            return direct(.approveAcceptance(note: nil), items, targets, &state)
        case .undo:
            // Marked findings are undone together. Right after a bulk action, u undoes that action
            // (as lazygit's undo does the last action), wherever the cursor went: marking moves it
            // past the marked rows.
            if items.count > 1 { return [.undoGroup(items.map(\.id))] }
            let batch = state.findings.lastBatch
            if batch.count > 1 {
                state.findings.lastBatch = []
                return [.undoGroup(batch)]
            }
            return [.undo(id: items[0].id)]
        default:
            let kind: TriageForm.Kind
            switch command {
            case .setFalsePositive: kind = .falsePositive
            case .setNotAffected: kind = .notAffected
            case .acceptRisk: kind = .accept
            case .resolve: kind = .resolve
            case .reopen: kind = .reopen
            case .assign: kind = .assign
            case .rejectAcceptance: kind = .reject
            case .linkTicket: kind = .ticket
            default: kind = .note
            }
            state.form = TriageForm(
                kind: kind, targets: targets, states: items.map(\.state),
                assignee: items.count == 1 ? items[0].assignee : nil, ticket: items.count == 1 ? items[0].ticket : nil,
                proposes: state.triageRules.acceptanceApproval, accounts: state.vocabulary.accounts)
            // `@` offers the accounts the store knows: read them if they are not here yet.
            return kind == .assign && state.vocabulary.accounts.isEmpty ? [.loadVocabulary] : []
        }
    }

    /// Actions without inputs go straight to the store; with one finding the rules are checked first.
    private static func direct(
        _ action: TriageAction, _ items: [FindingRow], _ targets: [TriageTarget],
        _ state: inout AppState
    ) -> [Effect] {
        if items.count == 1 {
            do {
                try state.triageRules.check(action, from: items[0].state, now: state.now)
            } catch {
                state.flash = Flash("#\(items[0].id): \(error.message)", isError: true)
                return []
            }
        }
        return [.triage(targets, action)]
    }

    static func markCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard !state.findings.showGroups else {
            state.flash = Flash("a triage key on a group applies to all its findings; Enter opens it to mark some", isError: true)
            return []
        }
        guard let current = state.findings.current else { return [] }
        let cursor = state.findings.cursor
        if command == .markRange, let anchor = state.findings.markAnchor {
            let range = min(anchor, cursor)...max(anchor, cursor)
            for index in range where state.findings.items.indices.contains(index) {
                state.findings.marks.insert(state.findings.items[index].id)
            }
        } else if state.findings.marks.contains(current.id) {
            state.findings.marks.remove(current.id)
        } else {
            state.findings.marks.insert(current.id)
        }
        state.findings.markAnchor = cursor
        // Marking moves on, as in most file managers, so space space space marks a run.
        if command == .mark { state.findings.cursor = clamp(cursor + 1, state.findings.items.count) }
        return []
    }

    static func formKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var form = state.form else { return [] }
        switch key {
        case .escape, .control("c"), .control("g"):
            state.form = nil
            return []
        case .tab:
            form.focus = (form.focus + 1) % form.fields.count
        case .backTab:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        // The guard covers both keys (a `where` binds to the last pattern only: ↑ in a free-text
        // field divided by its zero choices; found by the prompt fuzz target).
        case .up where !form.fields[form.focus].choices.isEmpty, .down where !form.fields[form.focus].choices.isEmpty:
            let choices = form.fields[form.focus].choices
            let index = choices.firstIndex(of: form.fields[form.focus].value) ?? 0
            let next = (index + (key == .down ? 1 : choices.count - 1)) % choices.count
            form.fields[form.focus].editor = Prompt(kind: .command, text: choices[next])
        case .enter:
            switch form.action(now: state.now, rules: state.triageRules) {
            case let .failure(error):
                form.error = error.message
            case let .success(action):
                state.form = nil
                return [.triage(form.targets, action)]
            }
        default:
            _ = form.fields[form.focus].editor.handle(key, history: []) { _ in [] }
            form.error = nil
        }
        state.form = form
        return []
    }

    static func triageDone(_ outcome: TriageOutcome, _ state: inout AppState) -> [Effect] {
        state.flash = Flash((outcome.isUndo && outcome.results.count > 1 ? "undone: " : "") + outcome.summary, isError: outcome.hasProblems)
        let applied = outcome.results.compactMap { if case .applied = $0.result { $0.id } else { nil } }
        state.findings.lastBatch = !outcome.isUndo && applied.count > 1 ? applied : []
        state.findings.marks = []
        state.findings.markedRows = [:]
        state.findings.markAnchor = nil
        // The rows changed (or someone else changed them): read them again, detail included.
        var effects = reload(state)
        if state.findings.showDetail, let id = state.findings.current?.id, !effects.contains(.loadDetail(id: id)) {
            effects.append(.loadDetail(id: id))
        }
        return effects
    }
}
