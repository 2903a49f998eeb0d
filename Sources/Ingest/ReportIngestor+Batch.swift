import Dispatch
import FindingStore
import Foundation
import JSONStream

extension ReportIngestor {
    /// Ingests many reports: up to `workers` files are hashed and parsed in parallel threads while
    /// one writer commits them, each in its own transaction, in the order given. Results arrive in
    /// that order through `onResult`; a failed file never stops the others.
    /// `request` says what the caller knows about each file (its project, coverage, category).
    public func ingest(
        paths: [String], now: @escaping @Sendable () -> Int64, workers: Int,
        request: @escaping @Sendable (_ path: String) -> IngestRequest = { _ in IngestRequest() },
        onResult: (_ path: String, _ result: Result<Report, IngestError>) -> Void
    ) {
        let channels = paths.map { _ in ParsedChannel() }
        let prepared = paths.map { _ in PreparedBox() }
        let slots = DispatchSemaphore(value: max(1, workers))
        // Start parsers in file order, each once a slot is free, so the file the writer needs next
        // always has a parser: later files can never hold every slot while it waits. A slot is
        // freed when the writer is done with its file, not when its parser is: a parsed file waits
        // in its channel (up to 4,096 findings), so freeing earlier would let parsers run ahead by
        // any number of files and memory grow with the number of files.
        let starter = Thread { [self] in
            for index in paths.indices {
                slots.wait()
                let thread = Thread { [self] in
                    parse(paths[index], request: request(paths[index]), into: channels[index], prepared: prepared[index])
                }
                thread.name = "mlsoc-parse-\(index)"
                thread.start()
            }
        }
        starter.start()
        var index = 0
        var transaction = 0
        while index < paths.count {
            transaction += 1
            // One transaction for as many reports as are parsed and waiting, up to a bound. Results
            // are handed out once their transaction committed.
            var pending: [(path: String, result: Result<Report, IngestError>)] = []
            let started = DispatchTime.now().uptimeNanoseconds
            var findings = 0
            var failed: (path: String, error: IngestError)?
            do {
                try store.ingestGroup { group in
                    repeat {
                        let result = write(index, paths: paths, channels: channels, prepared: prepared, group: group, now: now)
                        slots.signal()
                        index += 1
                        switch result {
                        case var .success(report):
                            findings += report.outcome.total
                            report.transaction = transaction
                            pending.append((paths[index - 1], .success(report)))
                        case let .failure(error):
                            // The group rolls back; the reports before this one are written again below.
                            failed = (paths[index - 1], error)
                            throw error
                        }
                    } while index < paths.count && findings < ReportIngestor.groupFindings
                        && DispatchTime.now().uptimeNanoseconds - started < ReportIngestor.groupNanoseconds
                }
            } catch {
                if let failed {
                    // Nothing of the group is in the store: the others alone, each in its own
                    // transaction, then the one that failed.
                    pending = pending.map { entry in
                        transaction += 1
                        let number = transaction
                        return (
                            entry.path,
                            Result { try ingest(path: entry.path, now: now(), request: request(entry.path)) }
                                .map { report in
                                    var report = report
                                    report.transaction = number
                                    return report
                                }
                                .mapError { ReportIngestor.ingestError($0, file: entry.path) }
                        )
                    }
                    pending.append((failed.path, .failure(failed.error)))
                } else {
                    // The commit failed: nothing of the group is in the store.
                    pending = pending.map { ($0.path, .failure(ReportIngestor.ingestError(error, file: $0.path))) }
                }
            }
            for (path, result) in pending { onResult(path, result) }
        }
    }

    /// A group of reports commits once it holds this many findings or has been open this long (so
    /// other writers, such as a console's triage, wait at most about that long for the lock; their
    /// busy timeout is 10 s). 2 s split a 100k-finding batch into two commits, 8% slower.
    /// `MLSOC_INGEST_GROUP_FINDINGS=1` commits every report on its own (the crash tests use it to
    /// stop the writer between reports).
    static let groupFindings = ProcessInfo.processInfo.environment["MLSOC_INGEST_GROUP_FINDINGS"].flatMap(Int.init) ?? 100_000
    static let groupNanoseconds: UInt64 = 5_000_000_000

    /// Writes file `index` into the group, from its parser's channel.
    private func write(
        _ index: Int, paths: [String], channels: [ParsedChannel], prepared: [PreparedBox], group: IngestGroup,
        now: @Sendable () -> Int64
    ) -> Result<Report, IngestError> {
        let channel = channels[index]
        do {
            switch try prepared[index].wait() {
            case nil:
                channel.cancel()
                return .success(Report(file: paths[index], format: "", outcome: IngestOutcome(alreadyIngested: true), warnings: []))
            case let ready?:
                let report = try write(ready, into: group, now: now()) { handle in
                    while let item = try channel.receive() { try handle(item) }
                }
                if report.outcome.alreadyIngested { channel.cancel() }
                return .success(report)
            }
        } catch {
            channel.cancel()
            return .failure(ReportIngestor.ingestError(error, file: paths[index]))
        }
    }

    /// One parser thread: prepare, then stream every item into the channel.
    private func parse(_ path: String, request: IngestRequest, into channel: ParsedChannel, prepared: PreparedBox) {
        let ready: Prepared?
        do {
            ready = try prepare(path: path, request: request)
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
            try ready.parser.parse(try ByteStream.report(path: path), context: ParseContext(file: path)) { try channel.send(attributed($0)) }
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
