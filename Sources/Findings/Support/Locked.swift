import Synchronization

/// A value shared between threads, behind the standard library's `Mutex`: a reference, so closures
/// and workers can hold the same one. The one lock box of the code base (mailboxes, counters,
/// caches, worker state).
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with the value, alone.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try mutex.withLock { try body(&$0) }
    }

    /// The value now.
    public var value: Value { mutex.withLock { $0 } }
}
