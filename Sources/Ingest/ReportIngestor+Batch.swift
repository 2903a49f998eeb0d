import Dispatch
import FindingStore
import Foundation

extension ReportIngestor {
    /// Ingests many reports: up to `workers` files are hashed and parsed in parallel threads while
    /// one writer commits them, each in its own transaction, in the order given. Results arrive in
    /// that order through `onResult`; a failed file never stops the others.
    public func ingest(paths: [String], now: @escaping @Sendable () -> Int64, category: String = "", workers: Int,
                       onResult: (_ path: String, _ result: Result<Report, IngestError>) -> Void) {
        let channels = paths.map { _ in ParsedChannel() }
        let prepared = paths.map { _ in PreparedBox() }
        let slots = DispatchSemaphore(value: max(1, workers))
        // Start parsers in file order, each once a slot is free, so the file the writer needs next
        // always has a parser: later files can never hold every slot while it waits.
        let starter = Thread { [self] in
            for index in paths.indices {
                slots.wait()
                let thread = Thread { [self] in
                    parse(paths[index], into: channels[index], prepared: prepared[index])
                    slots.signal()
                }
                thread.name = "mlsoc-parse-\(index)"
                thread.start()
            }
        }
        starter.start()
        for index in paths.indices {
            let channel = channels[index]
            let result: Result<Report, IngestError>
            do {
                switch try prepared[index].wait() {
                case nil:
                    channel.cancel()
                    result = .success(Report(file: paths[index], format: "", outcome: IngestOutcome(alreadyIngested: true), warnings: []))
                case let ready?:
                    let report = try write(ready, now: now(), category: category) { handle in
                        while let item = try channel.receive() { try handle(item) }
                    }
                    if report.outcome.alreadyIngested { channel.cancel() }
                    result = .success(report)
                }
            } catch let error as IngestError {
                channel.cancel()
                result = .failure(error)
            } catch let error as JSONError {
                channel.cancel()
                result = .failure(IngestError.json(error, file: paths[index]))
            } catch {
                channel.cancel()
                result = .failure(IngestError(.malformed, file: paths[index], "\(error)"))
            }
            onResult(paths[index], result)
        }
    }

    /// One parser thread: prepare, then stream every item into the channel.
    private func parse(_ path: String, into channel: ParsedChannel, prepared: PreparedBox) {
        let ready: Prepared?
        do {
            ready = try prepare(path: path)
            prepared.set(.success(ready))
        } catch {
            prepared.set(.failure(error))
            channel.finish(nil)
            return
        }
        guard let ready else {
            channel.finish(nil)
            return
        }
        do {
            try ready.parser.parse(try ByteStream(path: path), context: ParseContext(file: path)) { try channel.send($0) }
            channel.finish(nil)
        } catch {
            channel.finish(error)
        }
    }
}

/// The outcome of `prepare`, handed from a parser thread to the writer.
final class PreparedBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Result<ReportIngestor.Prepared?, any Error>?

    func set(_ result: Result<ReportIngestor.Prepared?, any Error>) {
        condition.lock()
        value = result
        condition.broadcast()
        condition.unlock()
    }

    func wait() throws -> ReportIngestor.Prepared? {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return try value?.get() ?? nil
    }
}
