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
        case .storeChanged:
            return [.loadMatrix]
        case let .failed(message):
            state.flash = Flash(message, isError: true)
            return []
        case let .ingestStatus(text):
            state.ingestStatus = text
            return []
        }
    }

    private static func perform(_ command: Command, on state: inout AppState) -> [Effect] {
        let rows = Threat.matrixOrder.count
        switch command {
        case .quit:
            state.quitRequested = true
            return [.quit]
        case .moveDown:
            state.matrixCursor = min(rows - 1, state.matrixCursor + 1)
        case .moveUp:
            state.matrixCursor = max(0, state.matrixCursor - 1)
        case .moveTop:
            state.matrixCursor = 0
        case .moveBottom, .pageDown:
            state.matrixCursor = rows - 1
        case .pageUp:
            state.matrixCursor = 0
        case .refresh:
            state.flash = Flash("refreshed")
            return [.loadMatrix]
        }
        return []
    }
}
