import Findings

/// The console's state machine: applies an action and says which effects to run.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case let .key(key):
            state.flash = nil
            guard let command = state.keymap.command(for: key) else { return [] }
            return perform(command, on: &state)
        case let .resized(size):
            state.size = size
            return []
        case let .matrixLoaded(summary):
            state.matrix = summary
            state.loading = false
            return []
        case let .findingsLoaded(items, append):
            let keep = state.findings.items.indices.contains(state.findings.cursor) ? state.findings.items[state.findings.cursor].id : nil
            state.findings.items = append ? state.findings.items + items : items
            state.findings.hasMore = items.count == FindingListState.pageSize
            state.findings.loading = false
            // A refresh keeps the cursor on the same finding when it is still there.
            if !append, let keep, let index = state.findings.items.firstIndex(where: { $0.id == keep }) {
                state.findings.cursor = index
            }
            state.findings.cursor = min(state.findings.cursor, max(0, state.findings.items.count - 1))
            return []
        case .storeChanged:
            return state.view == .findings ? [.loadMatrix, .loadFindings(threat: state.findings.threat, after: nil)] : [.loadMatrix]
        case let .failed(message):
            state.flash = Flash(message, isError: true)
            return []
        case let .ingestStatus(text):
            state.ingestStatus = text
            return []
        }
    }

    private static func perform(_ command: Command, on state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            state.quitRequested = true
            return [.quit]
        case .refresh:
            state.flash = Flash("refreshed")
            return state.view == .findings ? [.loadMatrix, .loadFindings(threat: state.findings.threat, after: nil)] : [.loadMatrix]
        case .open:
            guard state.view == .matrix, Threat.matrixOrder.indices.contains(state.matrixCursor) else { return [] }
            let threat = Threat.matrixOrder[state.matrixCursor]
            state.view = .findings
            state.findings = FindingListState(threat: threat)
            state.findings.loading = true
            return [.loadFindings(threat: threat, after: nil)]
        case .back:
            state.view = .matrix
            return []
        case .moveUp, .moveDown, .moveTop, .moveBottom, .pageUp, .pageDown:
            return state.view == .matrix ? moveMatrix(command, &state) : moveList(command, &state)
        }
    }

    private static func moveMatrix(_ command: Command, _ state: inout AppState) -> [Effect] {
        let last = Threat.matrixOrder.count - 1
        switch command {
        case .moveDown: state.matrixCursor = min(last, state.matrixCursor + 1)
        case .moveUp: state.matrixCursor = max(0, state.matrixCursor - 1)
        case .moveTop, .pageUp: state.matrixCursor = 0
        default: state.matrixCursor = last
        }
        return []
    }

    /// Moves in the findings list; reaching the loaded end asks for the next keyset page.
    private static func moveList(_ command: Command, _ state: inout AppState) -> [Effect] {
        let list = state.findings
        let page = max(1, state.size.height - 4)
        let last = max(0, list.items.count - 1)
        var cursor = list.cursor
        switch command {
        case .moveDown: cursor += 1
        case .moveUp: cursor -= 1
        case .pageDown: cursor += page
        case .pageUp: cursor -= page
        case .moveTop: cursor = 0
        default: cursor = last
        }
        state.findings.cursor = max(0, min(last, cursor))
        if cursor >= last, list.hasMore, !list.loading, let tail = list.items.last {
            state.findings.loading = true
            return [.loadFindings(threat: list.threat, after: tail)]
        }
        return []
    }
}
