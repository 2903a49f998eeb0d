import Foundation

/// A bounded queue of parsed items from one parser thread to the writer: the parser blocks when
/// the writer falls behind, so memory stays bounded whatever the report size.
final class ParsedChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [ParsedItem] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// Parser side: waits while the queue is full; throws when the writer gave up on this report.
    func send(_ item: ParsedItem) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        items.append(item)
        condition.broadcast()
    }

    /// Parser side: the report ended, cleanly (`nil`) or with an error.
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Writer side: the next item, nil at the end; rethrows the parser's error.
    func receive() throws -> ParsedItem? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count, !finished { condition.wait() }
        if head < items.count {
            let item = items[head]
            head += 1
            if head > 1024, head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return item
        }
        // Done: let go of the consumed items (up to 1,024 findings stay in the array otherwise,
        // for every file of a batch until the batch ends).
        items = []
        head = 0
        if let failure { throw failure }
        return nil
    }

    /// Writer side: stop the parser (the report failed while writing).
    func cancel() {
        condition.lock()
        cancelled = true
        items = []
        head = 0
        condition.broadcast()
        condition.unlock()
    }
}
