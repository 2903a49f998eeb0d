import Findings

/// The `/` filter line and the `:` command palette.
extension Reducer {
    static func promptKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        // A message about the line (a paste cut at the limit) lasts until the next key.
        state.flash = nil
        let history = prompt.kind == .filter ? state.filterHistory : state.commandHistory
        let themes = state.themeNames
        let packs = state.compliance.packNames
        let views = state.savedViews.map(\.name)
        let projects = state.projects.items.map(\.name)
        let vocabulary = state.vocabulary
        let filterView = state.view
        let kind = prompt.kind
        let lengthBefore = prompt.text.count
        let outcome = prompt.handle(key, history: history) { line in
            switch kind {
            case .command: return PaletteCommand.complete(line, themes: themes, projects: projects, packs: packs, views: views)
            case .filter:
                guard filterView != .models else { return [] }
                let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                let before = words.dropLast().map { $0 + " " }.joined()
                return PaletteCommand.completeFilter(words.last ?? "", projects: projects, vocabulary: vocabulary).map { before + $0 }
            }
        }
        switch outcome {
        case .cancel:
            state.prompt = nil
            return []
        case .editing:
            // A long line (a paste arriving key by key) is checked when it is applied, not on
            // every key: parsing 4,000 characters per key made a paste quadratic.
            prompt.error = prompt.text.count <= 512 ? validate(prompt, view: state.view) : nil
            let dropped: Bool
            switch key {
            case .character: dropped = lengthBefore >= Prompt.maxLength
            case let .paste(text): dropped = lengthBefore + text.count > Prompt.maxLength
            default: dropped = false
            }
            if dropped {
                state.flash = Flash("a prompt line holds at most \(Prompt.maxLength) characters: the rest was dropped", isError: true)
            }
            state.prompt = prompt
            return []
        case let .submit(text):
            prompt.error = validate(prompt, view: state.view)
            if let error = prompt.error {
                state.prompt = prompt
                state.flash = Flash(error.description, isError: true)
                return []
            }
            state.prompt = nil
            let line = text.trimmingASCIIWhitespace()
            if !line.isEmpty {
                if prompt.kind == .filter {
                    remember(line, in: &state.filterHistory)
                } else {
                    remember(line, in: &state.commandHistory)
                }
            }
            return prompt.kind == .filter ? applyFilter(line, &state) : runCommand(line, &state)
        }
    }

    private static func remember(_ line: String, in history: inout [String]) {
        history.removeAll { $0 == line }
        history.append(line)
        if history.count > 100 { history.removeFirst(history.count - 100) }
    }

    /// The parse error of what is typed so far, with its column in the prompt's own text.
    static func validate(_ prompt: Prompt, view: ViewID) -> FilterError? {
        switch prompt.kind {
        case .filter:
            guard view != .models else { return nil }
            do {
                _ = try FindingFilter.parse(prompt.text)
                return nil
            } catch {
                return error
            }
        case .command:
            let (word, argument, offset) = split(prompt.text)
            guard let command = PaletteCommand.named(word), command.takesFilter, !argument.isEmpty else {
                return nil
            }
            do {
                _ = try FindingFilter.parse(argument)
                return nil
            } catch {
                return FilterError(error.message, column: error.column + offset)
            }
        }
    }

    /// The first word, the rest, and the rest's 0-based offset in the line.
    private static func split(_ line: String) -> (String, String, Int) {
        let chars = Array(line)
        var start = 0
        while start < chars.count, chars[start] == " " { start += 1 }
        var end = start
        while end < chars.count, chars[end] != " " { end += 1 }
        var rest = end
        while rest < chars.count, chars[rest] == " " { rest += 1 }
        return (String(chars[start..<end]), String(chars[rest...]), rest)
    }

    private static func applyFilter(_ text: String, _ state: inout AppState) -> [Effect] {
        switch state.view {
        case .models:
            state.models.nameFilter = text
            state.models.cursor = 0
            return []
        case .audit:
            guard let filter = try? FindingFilter.parse(text) else { return [] }
            return restartAuditFilter(filter, &state)
        default:
            guard let filter = try? FindingFilter.parse(text) else { return [] }
            let origin = state.view == .findings ? state.findings.origin : state.view
            state.activeView = nil
            return startFindings(filter, origin: origin, &state)
        }
    }

    private static func restartAuditFilter(_ filter: FindingFilter, _ state: inout AppState) -> [Effect] {
        state.view = .audit
        return restartAudit(filter, &state)
    }

    static func runCommand(_ line: String, _ state: inout AppState) -> [Effect] {
        let (word, argument, _) = split(line)
        guard !word.isEmpty else { return [] }
        guard let command = PaletteCommand.named(word) else {
            state.flash = Flash("unknown command '\(word)': try :help", isError: true)
            return []
        }
        switch command {
        case .matrix:
            state.pivot = false
            return show(.matrix, &state)
        case .pivot:
            state.pivot.toggle()
            return show(.matrix, &state)
        case .models: return show(.models, &state)
        case .ingest: return show(.ingest, &state)
        case .help:
            if state.view != .help { state.helpReturn = state.view }
            state.view = .help
            return []
        case .quit:
            state.quitRequested = true
            return []
        case .findings:
            guard !argument.isEmpty else { return show(.findings, &state) }
            guard let filter = try? FindingFilter.parse(argument) else { return [] }
            return startFindings(filter, origin: state.view == .findings ? state.findings.origin : state.view, &state)
        case .view:
            return viewCommand(argument, &state)
        case .columns:
            return setColumns(argument, &state)
        case .proposals:
            let filter = FindingFilter(clauses: [.init(.acceptances([.proposed]))])
            if !state.triageRules.acceptanceApproval {
                state.flash = Flash("acceptances need no approval here (config.yaml triage: acceptance_approval: required)")
            }
            return startFindings(filter, origin: state.view == .findings ? state.findings.origin : state.view, &state)
        case .audit:
            guard !argument.isEmpty else { return show(.audit, &state) }
            guard let filter = try? FindingFilter.parse(argument) else { return [] }
            return restartAuditFilter(filter, &state)
        case .sort:
            guard let sort = FindingSort(rawValue: argument) else {
                state.flash = Flash("sort by one of: \(FindingSort.allCases.map(\.rawValue).joined(separator: ", "))", isError: true)
                return []
            }
            return restartFindings(sort: sort, &state)
        case .group:
            guard let grouping = FindingGrouping(rawValue: argument.isEmpty ? "none" : argument) else {
                state.flash = Flash("group by one of: \(FindingGrouping.allCases.map(\.rawValue).joined(separator: ", "))", isError: true)
                return []
            }
            return group(by: grouping, &state)
        case .project:
            return scope(to: argument, &state)
        case .projects:
            return show(.projects, &state)
        case .unmapped:
            return show(.unmapped, &state)
        case .metrics:
            state.helpScroll = 0
            if state.metricsModel != (argument.isEmpty ? nil : argument) { state.metrics = nil }
            state.metricsModel = argument.isEmpty ? nil : argument
            return show(.metrics, &state)
        case .compliance:
            return show(.compliance, &state)
        case .pack:
            guard !argument.isEmpty else {
                let known = state.compliance.packNames.isEmpty ? "" : ": \(state.compliance.packNames.joined(separator: ", "))"
                state.flash = Flash("packs\(known) (now \(state.compliance.pack))")
                return []
            }
            state.compliance.pack = argument
            state.compliance.result = nil
            state.compliance.loaded = false
            state.compliance.column = 0
            return show(.compliance, &state)
        case .theme:
            guard !argument.isEmpty else {
                state.flash = Flash("themes: \(state.themeNames.joined(separator: ", ")) (now \(state.themeName))")
                return []
            }
            return [.setTheme(argument)]
        }
    }
}
