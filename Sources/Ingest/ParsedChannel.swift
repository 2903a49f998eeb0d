import Foundation

/// A bounded queue of parsed items from one parser thread to the writer: the parser blocks when
/// the writer falls behind, so memory stays bounded whatever the report size.
///
/// Items cross in batches: the parser collects `batch` items before it takes the lock, and the
/// writer takes everything queued at once. One lock and one wake-up per item cost the writer
/// thread (the ingest's bottleneck) about a tenth of its time.
final class ParsedChannel: @unchecked Sendable {
    private let condition = NSCondition()
    /// Shared, under `condition`.
    private var items: [ParsedItem] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int
    private let batch: Int
    /// The parser's own items, not yet handed over.
    private var outgoing: [ParsedItem] = []
    /// The writer's own items, taken from `items`, and the next one to return.
    private var incoming: [ParsedItem] = []
    private var next = 0

    init(capacity: Int = 4096, batch: Int = 256) {
        self.capacity = capacity
        self.batch = batch
    }

    /// Parser side: queues an item; waits while the queue is full; throws when the writer gave up
    /// on this report.
    func send(_ item: ParsedItem) throws {
        outgoing.append(item)
        if outgoing.count >= batch { try handOver() }
    }

    private func handOver() throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity, !cancelled { condition.wait() }
        if cancelled {
            outgoing = []
            throw CancellationError()
        }
        items.append(contentsOf: outgoing)
        outgoing.removeAll(keepingCapacity: true)
        condition.broadcast()
    }

    /// Parser side: the report ended, cleanly (`nil`) or with an error.
    func finish(_ error: (any Error)?) {
        if error == nil, !outgoing.isEmpty { try? handOver() }
        outgoing = []
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Writer side: the next item, nil at the end; rethrows the parser's error.
    func receive() throws -> ParsedItem? {
        if next < incoming.count {
            next += 1
            return incoming[next - 1]
        }
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !finished { condition.wait() }
        if items.isEmpty {
            // Done: let go of every item, and of the buffers (a batch keeps every file's channel
            // until it ends; 4,096 reserved items each were 1.6 MiB per file).
            incoming = []
            items = []
            next = 0
            if let failure { throw failure }
            return nil
        }
        // Take everything queued; the consumed batch becomes the parser's empty buffer.
        incoming.removeAll(keepingCapacity: true)
        swap(&incoming, &items)
        next = 1
        condition.broadcast()
        return incoming[0]
    }

    /// Writer side: stop the parser (the report failed while writing).
    func cancel() {
        condition.lock()
        cancelled = true
        items = []
        condition.broadcast()
        condition.unlock()
        incoming = []
        next = 0
    }
}
