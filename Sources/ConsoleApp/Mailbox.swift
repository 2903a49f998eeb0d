import ConsoleUI
import Foundation

/// Actions posted by background workers for the run loop to take in order; the only shared state
/// between the workers and the thread that owns curses.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []

    public init() {}

    public func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        lock.unlock()
    }

    /// Everything posted so far, oldest first.
    public func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let taken = actions
        actions.removeAll()
        return taken
    }
}
