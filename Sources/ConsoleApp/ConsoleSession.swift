import ConsoleUI
import FindingStore
import Findings

/// The run loop: renders the state, turns terminal events into actions, runs the reducer's effects
/// against the store, and watches the store for commits by other processes.
public final class ConsoleSession {
    /// Why the loop ended.
    public enum Exit: Equatable {
        case quit
        case signal(Int32)
    }

    private let store: FindingStore
    private let terminal: any Terminal
    private var state: AppState
    private let monitor: ChangeMonitor?
    private let clock = ContinuousClock()
    /// Where background workers post their actions.
    private let mailbox: Mailbox

    public init(store: FindingStore, terminal: any Terminal, readOnly: Bool, glyphs: Glyphs, mailbox: Mailbox = Mailbox()) {
        self.store = store
        self.terminal = terminal
        self.mailbox = mailbox
        state = AppState(size: terminal.size, storePath: store.path, readOnly: readOnly, glyphs: glyphs)
        monitor = try? ChangeMonitor(store: store)
    }

    /// Runs until the user quits or a signal arrives; the caller restores the terminal.
    public func run() -> Exit {
        dispatch(.storeChanged)
        var painted: AppState?
        var lastPoll = clock.now
        while true {
            if painted != state {
                terminal.present(Renderer.render(state))
                painted = state
            }
            if state.quitRequested { return .quit }
            switch terminal.nextEvent(timeoutMilliseconds: 250) {
            case let .key(key)?: dispatch(.key(key))
            case let .resized(size)?: dispatch(.resized(size))
            case let .signal(number)?: return .signal(number)
            case nil: break
            }
            for action in mailbox.drain() { dispatch(action) }
            if clock.now - lastPoll >= .seconds(1) {
                lastPoll = clock.now
                if (try? monitor?.changed()) == true { dispatch(.storeChanged) }
            }
        }
    }

    private func dispatch(_ action: Action) {
        var pending = [action]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            for effect in Reducer.reduce(&state, next) {
                if let result = EffectRunner.run(effect, store: store) { pending.append(result) }
            }
        }
    }
}

/// Runs effects against the store and reports their results as actions.
public enum EffectRunner {
    public static func run(_ effect: Effect, store: FindingStore) -> Action? {
        switch effect {
        case .loadMatrix:
            do {
                return .matrixLoaded(try store.matrixSummary())
            } catch {
                return .failed("cannot read the store: \(error)")
            }
        case let .loadFindings(threat, after):
            do {
                let cursor = after.map { PageCursor(severity: $0.severity, id: $0.id) }
                let rows = try store.findingsPage(after: cursor, threat: threat, limit: FindingListState.pageSize)
                return .findingsLoaded(rows.map(EffectRunner.item), append: after != nil)
            } catch {
                return .failed("cannot read the store: \(error)")
            }
        case .quit:
            return nil
        }
    }

    static func item(_ row: FindingRow) -> FindingListItem {
        FindingListItem(id: row.id, severity: row.severity, state: row.state, threat: row.threat, tool: row.tool,
                        ruleID: row.ruleID, title: row.title, model: row.model, location: row.location?.display)
    }
}
