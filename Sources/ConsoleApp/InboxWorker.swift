import ConsoleUI
import Findings
import Foundation
import Ingest

/// In-process ingest for `mlsoc --inbox DIR`: a background thread watches the inboxes and posts its
/// status to the console's mailbox; the console sees new findings through its change monitor.
public final class InboxWorker: @unchecked Sendable {
    private let inboxes: [Inbox]
    private let ingestor: ReportIngestor
    private let mailbox: Mailbox
    private let stopped = Locked(false)
    private var thread: Thread?

    public init(directories: [String], ingestor: ReportIngestor, mailbox: Mailbox) throws {
        inboxes = try directories.map { try Inbox(directory: $0) }
        self.ingestor = ingestor
        self.mailbox = mailbox
    }

    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "mlsoc-inbox"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        stopped.withLock { $0 = true }
    }

    private var isStopped: Bool { stopped.value }

    private func run() {
        var ingested = 0
        var quarantined = 0
        let waiter = DirectoryWaiter(directories: inboxes.map(\.directory.path))
        for inbox in inboxes { _ = try? inbox.requeueLeftovers() }
        while !isStopped {
            for inbox in inboxes where !isStopped {
                let ready = (try? inbox.ready()) ?? []
                guard !ready.isEmpty else { continue }
                mailbox.post(.ingestStatus("\(ready.count) report\(ready.count == 1 ? "" : "s")…"))
                _ = inbox.processBatch(
                    ready, with: ingestor, workers: ProcessInfo.processInfo.activeProcessorCount,
                    now: { Int64(Date().timeIntervalSince1970) }
                ) { event in
                    switch event {
                    case .ingested: ingested += 1
                    case let .quarantined(_, reason):
                        quarantined += 1
                        self.mailbox.post(.failed("quarantined: \(reason)"))
                    case .requeued: break
                    }
                    self.mailbox.post(.ingestStatus(self.summary(ingested, quarantined)))
                }
            }
            waiter.wait(timeout: 0.5)
        }
    }

    private func summary(_ ingested: Int, _ quarantined: Int) -> String {
        quarantined == 0 ? "\(ingested) in" : "\(ingested) in, \(quarantined) quarantined"
    }
}
