import ArgumentParser
import Config
import Dispatch
import Findings
import Foundation
import Ingest
import JSONStream

extension Mlsoc {
    /// Watches inbox directories and ingests what lands in them.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Watch inbox directories and ingest the reports dropped into them.",
            discussion: """
                Each DIR gets processing/, done/ and quarantine/ beside the files. A report is claimed \
                by an atomic rename into processing/, ingested in one transaction, then moved to done/; \
                one that fails goes to quarantine/ with NAME.error beside it giving the reason and the \
                place. Files left in processing/ by a crash are re-queued at start. Write reports under \
                a hidden or .tmp/.part name and rename them when complete; other files are taken once \
                their size holds still. Stops cleanly on SIGINT or SIGTERM.

                A report dropped into DIR/<project>/ belongs to that project (CI jobs of several \
                repositories can share one inbox); one at the top belongs to --project, else to what \
                the report or the config names, else to `default`. File names are printed through the \
                same sanitiser as report text.
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Inbox directories (created if missing).", valueName: "dir"))
        var directories: [String]

        @Option(help: ArgumentHelp("Seconds between polls when nothing wakes the watcher.", valueName: "seconds"))
        var interval: Double = 0.5

        @Flag(help: "Process what is in the inboxes now, then exit (for cron and scripts).")
        var once = false

        @Option(help: ArgumentHelp("Reports parsed in parallel while one writer commits them (default: the number of cores).", valueName: "n"))
        var workers = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: ArgumentHelp("The project of reports at the top of an inbox (a DIR/<project>/ folder wins).", valueName: "name"))
        var project: String?

        @Option(
            help: ArgumentHelp(
                "What the scans looked at, instead of what the reports say (repeatable; see `mlsoc ingest --help`).", valueName: "path"))
        var covers: [String] = []

        func validate() throws {
            if let project, let problem = MlsocConfig.projectNameProblem(project) {
                throw ValidationError("--project: \(problem)")
            }
            guard interval > 0, interval <= 60 else { throw ValidationError("--interval must be between 0 and 60 seconds") }
            guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64") }
        }

        func run() throws {
            let store = try options.openStore(mode: .readWrite)
            let ingestor = try options.ingestor(store: store)
            let inboxes: [Inbox]
            do {
                inboxes = try directories.map { try Inbox(directory: $0) }
                for inbox in inboxes {
                    inbox.defaultRequest = IngestRequest(project: project, covers: covers.isEmpty ? nil : covers)
                }
            } catch let error as IngestError {
                throw CLIError(error.description)
            }
            for inbox in inboxes {
                for event in try inbox.requeueLeftovers() { report(event, inbox: inbox) }
            }
            let stop = StopFlag()
            let waiter = DirectoryWaiter(directories: inboxes.map(\.directory.path))
            if !once {
                print(
                    "watching \(inboxes.map(\.directory.path).joined(separator: ", ")) (\(waiter.usesInotify ? "inotify" : "polling every \(interval)s"); store \(store.path))"
                )
            }
            var failed = false
            let weights = try options.config().weights
            let hookEvents = try options.config().hookEvents
            var lastUpkeep = Date.distantPast
            while !stop.isSet {
                // Risk acceptances that ended reopen, at start and every minute.
                if Date().timeIntervalSince(lastUpkeep) >= 60 {
                    lastUpkeep = Date()
                    let lapsed = try store.lapseAcceptances(now: Int64(lastUpkeep.timeIntervalSince1970), weights: weights, hookEvents: hookEvents)
                    if lapsed > 0 { print("\(lapsed) risk acceptance\(lapsed == 1 ? "" : "s") lapsed: open again") }
                    options.deliverHooks(store)
                }
                var ingested = false
                var newFindings = 0
                for inbox in inboxes where !stop.isSet {
                    let ready = try inbox.ready(settle: !once)
                    guard !ready.isEmpty else { continue }
                    _ = inbox.processBatch(ready, with: ingestor, workers: workers, now: { Int64(Date().timeIntervalSince1970) }) { event in
                        if case .quarantined = event { failed = true }
                        if case let .ingested(_, ingestedReport) = event { newFindings += ingestedReport.outcome.new }
                        report(event, inbox: inbox)
                    }
                    ingested = true
                }
                if ingested {
                    // An inbox backfilling an empty server store: statistics before the consoles read it.
                    try store.refreshStatistics(afterAdding: newFindings)
                    options.deliverHooks(store)
                }
                if once { break }
                waiter.wait(timeout: interval)
            }
            if once, failed { throw ExitCode(1) }
        }

        private func report(_ event: Inbox.Event, inbox: Inbox) {
            // Names and reasons come from whoever can write to the inbox: sanitised like report text.
            let safe = TextForTerminal.safe
            switch event {
            case let .ingested(file, report):
                let o = report.outcome
                var text =
                    o.alreadyIngested
                    ? "already ingested, nothing changed"
                    : "\(report.format): \(o.total) findings, \(o.new) new, \(o.unchanged) unchanged, project \(safe(o.project)), "
                        + (o.resolvedNothingBecause.map { "resolved nothing: \($0)" } ?? "\(o.resolved) resolved")
                if !o.alreadyIngested { text += " (covered \(safe(o.coverage)))" }
                print("ingested \(safe(file)): \(text)")
            case let .quarantined(file, reason):
                FileHandle.standardError.write(Data("quarantined \(safe(inbox.quarantine.path))/\(safe(file)): \(safe(reason))\n".utf8))
            case let .requeued(file):
                print("re-queued \(safe(file)) left in processing/ by an earlier run")
            }
            fflush(nil)
        }
    }
}

/// Set by SIGINT or SIGTERM; the watch loop finishes the file in hand, then stops.
final class StopFlag: @unchecked Sendable {
    private let value = Locked(false)
    private var sources: [DispatchSourceSignal] = []

    init() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.set() }
            source.resume()
            sources.append(source)
        }
    }

    var isSet: Bool { value.value }

    private func set() {
        value.withLock { $0 = true }
    }
}
