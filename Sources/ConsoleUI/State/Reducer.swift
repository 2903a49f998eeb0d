import Findings

/// The console's state machine: applies an action and says which effects to run.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case let .key(key):
            if state.form != nil { return formKey(key, &state) }
            if state.prompt != nil { return promptKey(key, &state) }
            if state.pendingCommand != nil || state.commandOutput != nil { return customKey(key, &state) }
            state.flash = nil
            if case let .character(character) = key, let custom = state.customCommandsHere.first(where: { $0.key == character }) {
                return startCustom(custom, &state)
            }
            guard let command = state.keymap.command(for: key) else {
                // A key that is bound but disabled here: say why nothing happens.
                if let binding = state.keymap.binding(for: key), let reason = binding.disabledReason {
                    state.flash = Flash("\(reason): \(binding.help) needs `mlsoc console`", isError: true)
                }
                return []
            }
            return perform(command, on: &state)
        case let .resized(size):
            state.size = size
            return []
        case let .tick(now):
            state.now = now
            return []
        case let .matrixLoaded(summary, lifecycle, projects):
            state.matrix = summary
            state.lifecycle = lifecycle
            state.loading = false
            // Riskiest first, as the models; the cursor stays on its project.
            let keep = state.projects.items.indices.contains(state.projects.cursor) ? state.projects.items[state.projects.cursor].name : nil
            let weights = state.models.weights
            state.projects.items = projects.sorted { ($0.score(weights), $1.name) > ($1.score(weights), $0.name) }
            if let keep, let index = state.projects.items.firstIndex(where: { $0.name == keep }) { state.projects.cursor = index }
            state.projects.loaded = true
            state.projects.cursor = clamp(state.projects.cursor, projects.count)
            return []
        case let .modelsLoaded(items):
            let keep = state.models.visible().indices.contains(state.models.cursor) ? state.models.visible()[state.models.cursor].id : nil
            state.models.items = items
            state.models.loaded = true
            let visible = state.models.visible()
            if let keep, let index = visible.firstIndex(where: { $0.id == keep }) { state.models.cursor = index }
            state.models.cursor = clamp(state.models.cursor, visible.count)
            if let id = state.models.detail?.model.id, let fresh = items.first(where: { $0.id == id }) {
                state.models.detail?.model = fresh
            }
            return []
        case let .modelDetailLoaded(id, breakdown, top, overdue):
            guard state.models.detail?.model.id == id else { return [] }
            state.models.detail?.breakdown = breakdown
            state.models.detail?.top = top
            state.models.detail?.overdue = overdue
            return []
        case let .findingsLoaded(items, append, generation):
            return findingsLoaded(items, append: append, generation: generation, &state)
        case let .findingsBefore(items, tail, generation):
            return findingsBefore(items, tail: tail, generation: generation, &state)
        case let .groupsLoaded(groups, generation):
            guard generation == state.findings.generation else { return [] }
            let keep = state.findings.currentGroup?.key
            state.findings.groups = groups
            state.findings.loading = false
            if let keep, let index = groups.groups.firstIndex(where: { $0.key == keep }) { state.findings.groupCursor = index }
            state.findings.groupCursor = clamp(state.findings.groupCursor, groups.groups.count)
            return []
        case let .groupTargetsLoaded(rows, command):
            return groupTargetsLoaded(rows, command: command, &state)
        case let .similarLoaded(rows):
            return similarLoaded(rows, &state)
        case let .findingsCounted(total, generation):
            guard generation == state.findings.generation else { return [] }
            state.findings.total = total
            if !state.findings.hasMore { state.findings.offset = max(0, total - state.findings.items.count) }
            return []
        case let .detailLoaded(detail):
            guard detail == nil || detail?.id == state.findings.current?.id else { return [] }
            if detail?.id != state.findings.detail?.id { state.findings.detailScroll = 0 }
            state.findings.detail = detail
            return []
        case let .ingestLoaded(snapshot):
            state.ingest.snapshot = snapshot
            state.ingest.loaded = true
            state.ingest.cursor = clamp(state.ingest.cursor, snapshot.scans.count)
            return []
        case let .auditLoaded(items, append, generation):
            guard generation == state.audit.generation else { return [] }
            let keep = state.audit.items.indices.contains(state.audit.cursor) ? state.audit.items[state.audit.cursor].id : nil
            state.audit.items = append ? state.audit.items + items : items
            state.audit.hasMore = items.count >= AuditState.pageSize
            state.audit.loading = false
            if !append, let keep, let index = state.audit.items.firstIndex(where: { $0.id == keep }) { state.audit.cursor = index }
            state.audit.cursor = clamp(state.audit.cursor, state.audit.items.count)
            return []
        case let .vocabularyLoaded(vocabulary):
            state.vocabulary = vocabulary
            // An `@` form opened before the accounts were read offers them now.
            if var form = state.form, form.kind == .assign, form.fields[0].choices.isEmpty, !vocabulary.accounts.isEmpty {
                form.fields[0].choices = vocabulary.accounts
                form.fields[0].hint = "↑/↓ for the accounts mlsoc knows; empty to unassign"
                state.form = form
            }
            return []
        case let .complianceLoaded(result, packs):
            guard result.pack.name == state.compliance.pack else { return [] }
            state.compliance.result = result
            state.compliance.packInfo = result.pack
            state.compliance.packNames = packs
            state.compliance.loaded = true
            state.compliance.error = nil
            state.compliance.row = clamp(state.compliance.row, result.rows.count)
            state.compliance.column = clamp(state.compliance.column, result.pack.controls.count)
            return []
        case let .packLoaded(pack, packs):
            guard pack.name == state.compliance.pack else { return [] }
            state.compliance.packInfo = pack
            state.compliance.packNames = packs
            return []
        case let .complianceFailed(message):
            state.compliance.loaded = true
            state.compliance.error = message
            return []
        case let .customFinished(output):
            return customFinished(output, &state)
        case let .metricsLoaded(metrics):
            state.metrics = metrics
            return []
        case let .unmappedLoaded(items):
            let keep = state.unmapped.items.indices.contains(state.unmapped.cursor) ? state.unmapped.items[state.unmapped.cursor] : nil
            state.unmapped.items = items
            state.unmapped.loaded = true
            state.unmapped.cursor =
                keep.flatMap { kept in items.firstIndex { $0.tool == kept.tool && $0.ruleID == kept.ruleID } }
                ?? clamp(state.unmapped.cursor, items.count)
            return []
        case .storeChanged:
            return reload(state)
        case let .failed(message):
            state.flash = Flash(message, isError: true)
            return []
        case let .ingestStatus(text):
            state.ingestStatus = text
            return []
        case let .themeApplied(name):
            state.themeName = name
            state.flash = Flash("theme \(name)")
            return []
        case let .triageDone(outcome):
            return triageDone(outcome, &state)
        case let .notice(text):
            state.flash = Flash(text)
            return []
        case .rotate:
            guard !state.kioskViews.isEmpty else { return [] }
            let index = state.kioskViews.firstIndex(of: state.view) ?? -1
            state.flash = nil
            return show(state.kioskViews[(index + 1) % state.kioskViews.count], &state)
        }
    }

    /// What to read again when the store changed: the summaries, and what the focused view shows.
    static func reload(_ state: AppState) -> [Effect] {
        // The matrix load brings the projects too (the Projects list, `:project` completion).
        var effects: [Effect] = [.loadMatrix]
        // The pack's controls once, so the matrix can say which controls a cell touches.
        if state.view == .matrix, state.compliance.packInfo?.name != state.compliance.pack { effects.append(.loadPack(state.compliance.pack)) }
        switch state.view {
        case .projects:
            break
        case .unmapped:
            effects.append(.loadUnmapped)
        case .metrics:
            effects.append(.loadMetrics(weeks: MetricsView.weeks, model: state.metricsModel))
        case .compliance:
            effects.append(.loadCompliance(pack: state.compliance.pack))
        case .models:
            effects.append(.loadModels)
            if let id = state.models.detail?.model.id { effects.append(.loadModelDetail(id: id)) }
        case .findings where state.findings.showGroups:
            effects.append(.loadGroups(state.findings.query, state.findings.grouping, generation: state.findings.generation))
        case .findings:
            let list = state.findings
            let limit = min(max(FindingListState.pageSize, list.items.count), FindingListState.refreshLimit)
            if list.hasBefore {
                // A window at the bottom (after `G`) is read again from the bottom.
                effects.append(.loadFindingsBefore(list.query, before: nil, limit: limit, generation: list.generation))
                effects.append(.countFindings(list.query, generation: list.generation))
            } else {
                effects.append(.loadFindings(list.query, after: nil, limit: limit, generation: list.generation))
                // A count shown for a longer list is kept true.
                if list.total != nil, list.hasMore { effects.append(.countFindings(list.query, generation: list.generation)) }
            }
            if list.showDetail, let id = list.current?.id { effects.append(.loadDetail(id: id)) }
        case .ingest:
            effects.append(.loadIngest)
        case .audit:
            let limit = min(max(AuditState.pageSize, state.audit.items.count), FindingListState.refreshLimit)
            effects.append(.loadAudit(state.audit.filter, before: nil, limit: limit, generation: state.audit.generation))
        case .matrix, .help:
            break
        }
        return effects
    }

    private static func findingsLoaded(_ items: [FindingRow], append: Bool, generation: Int, _ state: inout AppState) -> [Effect] {
        guard generation == state.findings.generation else { return [] }
        let keep = state.findings.current?.id
        state.findings.items = append ? state.findings.items + items : items
        state.findings.hasMore =
            append
            ? items.count >= FindingListState.pageSize
            : items.count >= max(FindingListState.pageSize, min(state.findings.items.count, FindingListState.refreshLimit))
        state.findings.loading = false
        if !append {
            state.findings.hasBefore = false
            state.findings.offset = 0
        }
        if !state.findings.hasMore, !state.findings.hasBefore { state.findings.total = state.findings.items.count }
        // A refresh keeps the cursor on the same finding when it is still there.
        if !append, let keep, let index = state.findings.items.firstIndex(where: { $0.id == keep }) {
            state.findings.cursor = index
        }
        state.findings.cursor = clamp(state.findings.cursor, state.findings.items.count)
        return detailOfCurrent(state)
    }

    /// The last page (after `G`) or the page above the window, read backwards.
    private static func findingsBefore(_ items: [FindingRow], tail: Bool, generation: Int, _ state: inout AppState) -> [Effect] {
        guard generation == state.findings.generation else { return [] }
        let keep = state.findings.current?.id
        state.findings.loading = false
        if tail {
            state.findings.items = items
            state.findings.hasMore = false
            state.findings.hasBefore = items.count >= FindingListState.pageSize
            state.findings.cursor = keep.flatMap { id in items.firstIndex { $0.id == id } } ?? max(0, items.count - 1)
            if !state.findings.hasBefore { state.findings.total = items.count }
        } else {
            state.findings.items = items + state.findings.items
            state.findings.cursor += items.count
            state.findings.hasBefore = items.count >= FindingListState.pageSize
        }
        state.findings.offset = state.findings.total.map { max(0, $0 - state.findings.items.count) } ?? 0
        state.findings.cursor = clamp(state.findings.cursor, state.findings.items.count)
        return detailOfCurrent(state)
    }

    static func clamp(_ cursor: Int, _ count: Int) -> Int { max(0, min(cursor, count - 1)) }

    /// The detail of the finding now under the cursor, when the detail pane shows another one.
    private static func detailOfCurrent(_ state: AppState) -> [Effect] {
        guard state.findings.showDetail, let id = state.findings.current?.id, id != state.findings.detail?.id else { return [] }
        return [.loadDetail(id: id)]
    }

    // MARK: - Commands

    private static func perform(_ command: Command, on state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            state.quitRequested = true
            return []
        case .refresh:
            state.flash = Flash("refreshed")
            return reload(state)
        case .suspend:
            return [.suspend]
        case .open: return open(&state)
        case .openFindings:
            guard let model = state.models.detail?.model else { return [] }
            let term: FindingFilter.Term = .models([model.id == 0 ? nil : model.name])
            return startFindings(
                FindingFilter(clauses: [.init(term), .init(.states(TriageState.allCases.filter(\.isOpen)))]),
                origin: .models, &state)
        case .back: return back(&state)
        case .nextView, .previousView:
            return nextTab(forward: command == .nextView, &state)
        case .showSavedView1, .showSavedView2, .showSavedView3:
            let index = command == .showSavedView1 ? 0 : command == .showSavedView2 ? 1 : 2
            guard state.savedViews.indices.contains(index) else {
                state.flash = Flash("no saved view \(index + 7): `:view save NAME` saves the Findings view as one", isError: true)
                return []
            }
            return useView(state.savedViews[index].name, &state)
        case .showMatrix: return show(.matrix, &state)
        case .showModels: return show(.models, &state)
        case .showFindings:
            state.activeView = nil
            return show(.findings, &state)
        case .showIngest: return show(.ingest, &state)
        case .showAudit: return show(.audit, &state)
        case .showCompliance: return show(.compliance, &state)
        case .help:
            if state.view != .help { state.helpReturn = state.view }
            state.view = .help
            state.helpScroll = 0
            return []
        case .filter:
            let text: String
            switch state.view {
            case .findings: text = state.findings.filter.description
            case .audit: text = state.audit.filter.description
            case .models: text = state.models.nameFilter
            default: text = ""
            }
            state.prompt = Prompt(kind: .filter, text: text.isEmpty ? text : text + " ")
            // Tool and model names for Tab (`tool:truff` → `tool:trufflehog`); the model list
            // filters by name, it completes nothing.
            return state.view == .models ? [] : [.loadVocabulary]
        case .palette:
            state.prompt = Prompt(kind: .command)
            return []
        case .sort:
            let all = FindingSort.allCases
            let next = all[((all.firstIndex(of: state.findings.sort) ?? 0) + 1) % all.count]
            state.flash = Flash("sorted by \(next.rawValue)")
            return restartFindings(sort: next, &state)
        case .pivot:
            state.pivot.toggle()
            return []
        case .moveLeft where state.view == .compliance:
            state.compliance.column = max(0, state.compliance.column - 1)
            return []
        case .moveRight where state.view == .compliance:
            state.compliance.column = clamp(state.compliance.column + 1, state.compliance.result?.pack.controls.count ?? 0)
            return []
        case .moveLeft:
            state.pivotColumn = max(0, state.pivotColumn - 1)
            return []
        case .moveRight:
            state.pivotColumn = min(LifecycleSummary.stages.count - 1, state.pivotColumn + 1)
            return []
        case .nextItem, .previousItem:
            return moveFindings(command == .nextItem ? .moveDown : .moveUp, &state)
        case .mark, .markRange:
            return markCommand(command, &state)
        case .markSimilar:
            return markSimilar(&state)
        case .runCustom:
            return []
        case .group:
            return group(by: state.findings.grouping.next, &state)
        case .copy:
            return copy(&state)
        case .setInTriage, .setExploitable, .setFalsePositive, .setNotAffected, .acceptRisk, .resolve, .reopen, .assign, .addNote, .undo,
            .approveAcceptance, .rejectAcceptance, .linkTicket:
            return triageCommand(command, &state)
        case .moveUp, .moveDown, .moveTop, .moveBottom, .pageUp, .pageDown:
            return move(command, &state)
        }
    }

    private static func open(_ state: inout AppState) -> [Effect] {
        let open = FindingFilter.Clause(.states(TriageState.allCases.filter(\.isOpen)))
        switch state.view {
        case .matrix where state.pivot:
            let target = Target.allCases[clamp(state.pivotRow, Target.allCases.count)]
            let stage = LifecycleSummary.stages[clamp(state.pivotColumn, LifecycleSummary.stages.count)]
            let filter = FindingFilter(clauses: [.init(.targets([target])), .init(.stages([stage.isEmpty ? "none" : stage])), open])
            return startFindings(filter, origin: .matrix, &state)
        case .matrix:
            guard Threat.matrixOrder.indices.contains(state.matrixCursor) else { return [] }
            // The Unclassified row opens what is unmapped, rule by rule, as `mlsoc mapping unmapped`.
            if Threat.matrixOrder[state.matrixCursor] == .unclassified { return show(.unmapped, &state) }
            let filter = FindingFilter(clauses: [.init(.threats([Threat.matrixOrder[state.matrixCursor]])), open])
            return startFindings(filter, origin: .matrix, &state)
        case .models where state.models.detail == nil:
            let visible = state.models.visible()
            guard visible.indices.contains(state.models.cursor) else { return [] }
            state.models.detail = ModelDetailState(model: visible[state.models.cursor])
            return [.loadModelDetail(id: visible[state.models.cursor].id)]
        case .findings where state.findings.showGroups:
            return expand(&state)
        case .findings where !state.findings.showDetail:
            guard let item = state.findings.current else { return [] }
            state.findings.showDetail = true
            state.findings.detailScroll = 0
            return state.findings.detail?.id == item.id ? [] : [.loadDetail(id: item.id)]
        case .unmapped:
            guard state.unmapped.items.indices.contains(state.unmapped.cursor) else { return [] }
            let item = state.unmapped.items[state.unmapped.cursor]
            return startFindings(
                FindingFilter(clauses: [
                    .init(.threats([.unclassified])), .init(.tools([item.tool])),
                    .init(.rules([item.ruleID])),
                ]), origin: .unmapped, &state)
        case .projects:
            guard state.projects.items.indices.contains(state.projects.cursor) else { return [] }
            let effects = scope(to: state.projects.items[state.projects.cursor].name, &state)
            return effects + show(.matrix, &state)
        case .compliance:
            // The cell's open findings: the model's, in the control's cells (or all of the model's
            // when the control is about ids, not cells).
            guard let (model, cell) = state.compliance.current, cell.control.process == nil else { return [] }
            // An accepted cell lists its accepted findings (their detail says who accepted them and until when).
            let states = cell.status == .accepted ? FindingFilter.Clause(.states([.accepted])) : open
            var clauses = [FindingFilter.Clause(.models([model.name])), states]
            if !cell.control.threats.isEmpty { clauses.append(.init(.threats(cell.control.threats))) }
            let cwes = cell.control.ids.compactMap { $0.hasPrefix("CWE-") ? Int($0.dropFirst(4)) : nil }
            if cell.control.threats.isEmpty, !cwes.isEmpty { clauses.append(.init(.cwes(cwes))) }
            return startFindings(FindingFilter(clauses: clauses), origin: .compliance, &state)
        case .audit:
            guard state.audit.items.indices.contains(state.audit.cursor) else { return [] }
            let id = state.audit.items[state.audit.cursor].findingID
            var effects = startFindings(FindingFilter(clauses: [.init(.ids([id]))]), origin: .audit, &state)
            state.findings.showDetail = true
            effects.append(.loadDetail(id: id))
            return effects
        default:
            return []
        }
    }

    private static func back(_ state: inout AppState) -> [Effect] {
        switch state.view {
        case .models where state.models.detail != nil:
            state.models.detail = nil
            return [.loadModels]
        case .findings where state.findings.showDetail:
            state.findings.showDetail = false
            return []
        case .findings where !state.findings.marks.isEmpty:
            state.findings.marks = []
            state.findings.markedRows = [:]
            state.findings.markAnchor = nil
            state.flash = Flash("marks cleared")
            return []
        case .findings where state.findings.expanded != nil:
            return collapse(&state)
        case .findings:
            return show(state.findings.origin == .findings ? .matrix : state.findings.origin, &state)
        case .help:
            state.view = state.helpReturn
            return []
        case .projects, .unmapped, .compliance, .metrics:
            return show(.matrix, &state)
        default:
            return []
        }
    }

    /// Switches view and reads what it shows.
    public static func show(_ view: ViewID, _ state: inout AppState) -> [Effect] {
        state.view = view
        if view == .findings, state.findings.items.isEmpty, !state.findings.loading {
            return restartFindings(sort: state.findings.sort, &state)
        }
        if view == .audit, !state.audit.loading, state.audit.items.isEmpty {
            return restartAudit(state.audit.filter, &state)
        }
        return reload(state)
    }

    /// Opens the findings list on a new filter.
    /// Opens the findings list on a new filter; grouped, it reads the groups first.
    public static func startFindings(_ filter: FindingFilter, origin: ViewID, _ state: inout AppState) -> [Effect] {
        state.view = .findings
        let previous = state.findings
        state.findings = FindingListState(filter: filter)
        state.findings.sort = previous.sort
        state.findings.grouping = previous.grouping
        state.findings.columns = previous.columns
        state.findings.origin = origin
        state.findings.generation = previous.generation + 1
        state.findings.loading = true
        if state.findings.showGroups {
            return [.loadGroups(state.findings.query, state.findings.grouping, generation: state.findings.generation)]
        }
        return [.loadFindings(state.findings.query, after: nil, limit: FindingListState.pageSize, generation: state.findings.generation)]
    }

    static func restartFindings(sort: FindingSort, _ state: inout AppState) -> [Effect] {
        state.findings.sort = sort
        return restartList(&state)
    }

    /// The list read again from the top with its filter, order and grouping; inside a group, the
    /// group stays open.
    static func restartList(_ state: inout AppState) -> [Effect] {
        let list = state.findings
        let effects = startFindings(list.filter, origin: list.origin, &state)
        guard list.expanded != nil else { return effects }
        state.findings.expanded = list.expanded
        state.findings.groups = list.groups
        state.findings.groupCursor = list.groupCursor
        return [.loadFindings(state.findings.query, after: nil, limit: FindingListState.pageSize, generation: state.findings.generation)]
    }

    static func restartAudit(_ filter: FindingFilter, _ state: inout AppState) -> [Effect] {
        let generation = state.audit.generation + 1
        state.audit = AuditState()
        state.audit.filter = filter
        state.audit.generation = generation
        state.audit.loading = true
        return [.loadAudit(filter, before: nil, limit: AuditState.pageSize, generation: generation)]
    }

    // MARK: - Movement

    /// The new cursor for a movement command over `count` rows with `page` rows visible.
    static func moved(_ command: Command, cursor: Int, count: Int, page: Int) -> Int {
        var next = cursor
        switch command {
        case .moveDown: next += 1
        case .moveUp: next -= 1
        case .pageDown: next += max(1, page)
        case .pageUp: next -= max(1, page)
        case .moveTop: next = 0
        case .moveBottom: next = count - 1
        default: break
        }
        return clamp(next, count)
    }

    private static func move(_ command: Command, _ state: inout AppState) -> [Effect] {
        let page = state.listRows
        switch state.view {
        case .matrix where state.pivot:
            state.pivotRow = moved(command, cursor: state.pivotRow, count: Target.allCases.count, page: page)
        case .matrix:
            state.matrixCursor = moved(command, cursor: state.matrixCursor, count: Threat.matrixOrder.count, page: page)
        case .models:
            if let detail = state.models.detail {
                state.models.detail?.scroll = scrolled(command, detail.scroll, page: page)
            } else {
                state.models.cursor = moved(command, cursor: state.models.cursor, count: state.models.visible().count, page: page)
            }
        case .findings:
            if state.findings.showDetail {
                state.findings.detailScroll = scrolled(command, state.findings.detailScroll, page: page)
                return []
            }
            if state.findings.showGroups {
                state.findings.groupCursor = moved(
                    command, cursor: state.findings.groupCursor, count: state.findings.groups?.groups.count ?? 0, page: page)
                return []
            }
            return moveFindings(command, &state)
        case .ingest:
            state.ingest.cursor = moved(command, cursor: state.ingest.cursor, count: state.ingest.snapshot.scans.count, page: page)
        case .audit:
            state.audit.cursor = moved(command, cursor: state.audit.cursor, count: state.audit.items.count, page: page)
            let audit = state.audit
            if audit.cursor >= audit.items.count - page, audit.hasMore, !audit.loading, let tail = audit.items.last {
                state.audit.loading = true
                return [.loadAudit(audit.filter, before: tail.id, limit: AuditState.pageSize, generation: audit.generation)]
            }
        case .help:
            state.helpScroll = scrolled(command, state.helpScroll, page: page)
        case .projects:
            state.projects.cursor = moved(command, cursor: state.projects.cursor, count: state.projects.items.count, page: page)
        case .unmapped:
            state.unmapped.cursor = moved(command, cursor: state.unmapped.cursor, count: state.unmapped.items.count, page: page)
        case .metrics:
            state.helpScroll = scrolled(command, state.helpScroll, page: page)
        case .compliance:
            state.compliance.row = moved(command, cursor: state.compliance.row, count: state.compliance.result?.rows.count ?? 0, page: page)
        }
        return []
    }

    /// A scroll offset; the renderer clamps it to the content.
    private static func scrolled(_ command: Command, _ offset: Int, page: Int) -> Int {
        switch command {
        case .moveDown: return offset + 1
        case .moveUp: return max(0, offset - 1)
        case .pageDown: return offset + page
        case .pageUp: return max(0, offset - page)
        case .moveTop: return 0
        default: return 100_000
        }
    }

    /// Moves in the findings list; nearing the loaded end asks for the next keyset page.
    private static func moveFindings(_ command: Command, _ state: inout AppState) -> [Effect] {
        let list = state.findings
        let page = state.listRows
        // `G` goes to the true last row: the last page read backwards, and a count for "row N of M".
        if command == .moveBottom, list.hasMore, !list.loading {
            state.findings.loading = true
            state.findings.cursor = max(0, list.items.count - 1)
            return [
                .loadFindingsBefore(list.query, before: nil, limit: FindingListState.pageSize, generation: list.generation),
                .countFindings(list.query, generation: list.generation),
            ]
        }
        // `g` from a window below the top starts the list again; the count it knew stays (and is
        // read again), so the position still reads "row 1 of M".
        if command == .moveTop, list.hasBefore {
            var effects = restartList(&state)
            if let total = list.total {
                state.findings.total = total
                effects.append(.countFindings(state.findings.query, generation: state.findings.generation))
            }
            return effects
        }
        state.findings.cursor = moved(command, cursor: list.cursor, count: list.items.count, page: page)
        var effects = detailOfCurrent(state)
        let wantsMore = command == .moveBottom || state.findings.cursor >= list.items.count - page
        if wantsMore, list.hasMore, !list.loading, let tail = list.items.last {
            state.findings.loading = true
            effects.append(.loadFindings(list.query, after: tail, limit: FindingListState.pageSize, generation: list.generation))
        } else if state.findings.cursor < page, list.hasBefore, !list.loading, let first = list.items.first {
            state.findings.loading = true
            effects.append(.loadFindingsBefore(list.query, before: first, limit: FindingListState.pageSize, generation: list.generation))
        }
        return effects
    }

    /// `y`: the marked findings as TSV (a header line, then one line each), else the one under the
    /// cursor as one TSV line; every field sanitised, tabs and line breaks in it made spaces.
    private static func copy(_ state: inout AppState) -> [Effect] {
        guard state.clipboard else {
            state.flash = Flash("copying is off (config.yaml clipboard: false)", isError: true)
            return []
        }
        let list = state.findings
        if list.showGroups {
            state.flash = Flash("open the group (Enter) to copy its findings", isError: true)
            return []
        }
        let marked = list.marked
        let rows = marked.isEmpty ? list.current.map { [$0] } ?? [] : marked
        guard !rows.isEmpty else {
            state.flash = Flash("no finding under the cursor", isError: true)
            return []
        }
        func field(_ text: String) -> String {
            String(TextSanitizer.sanitize(text).map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        func line(_ row: FindingRow) -> String {
            [
                "#\(row.id)", row.severity.name, row.state.key, row.tool, row.ruleID, row.model ?? "", row.location?.display ?? "",
                row.title,
            ].map(field).joined(separator: "\t")
        }
        let header = ["id", "severity", "state", "tool", "rule", "model", "location", "title"].joined(separator: "\t")
        var text = (marked.isEmpty ? [] : [header]) + rows.map(line)
        // Terminals cap OSC 52 (about 100 kB of text): past that, whole lines are dropped.
        var size = 0
        var kept = 0
        for entry in text {
            size += entry.utf8.count + 1
            if size > Reducer.copyLimit { break }
            kept += 1
        }
        let cut = kept < text.count
        text = Array(text.prefix(kept))
        let count = marked.isEmpty ? 1 : kept - 1
        state.flash = Flash(
            "copied \(count) finding\(count == 1 ? "" : "s") to your clipboard (OSC 52)" + (cut ? "; the rest did not fit in 100 kB" : ""))
        return [.copy(text.joined(separator: "\n") + (marked.isEmpty ? "" : "\n"))]
    }

    /// The most text one copy sends.
    static let copyLimit = 100_000
}
