import ConsoleUI
import Findings

/// Actions posted by background workers for the run loop to take in order; the only shared state
/// between the workers and the thread that owns curses.
public final class Mailbox: Sendable {
    private let actions = Locked<[Action]>([])

    public init() {}

    public func post(_ action: Action) {
        actions.withLock { $0.append(action) }
    }

    /// Everything posted so far, oldest first.
    public func drain() -> [Action] {
        actions.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }
}
