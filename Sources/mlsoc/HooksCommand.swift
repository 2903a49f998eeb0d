import ArgumentParser
import Config
import ConsoleApp
import FindingStore
import Findings
import Foundation

extension Mlsoc {
    /// Hooks: run commands on events, delivered at least once from the store's outbox.
    struct Hooks: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver, test and inspect the hooks of config.yaml (`hooks:`).",
            discussion: """
                A hook runs a command with a batch of events as a JSON array on stdin (MLSOC_HOOK, \
                MLSOC_EVENT_COUNT and MLSOC_STORE in its environment) on: \
                \(HookEvent.allCases.map(\.rawValue).joined(separator: ", ")). Events are written to an \
                outbox in the store in the same transaction as what caused them; a hook's cursor moves \
                past them only once its command exited 0. A failing hook is retried with back-off (5 s \
                doubling, at most an hour), and never blocks or undoes a write. `mlsoc ingest`, `triage`, \
                `gate`, `watch` and the console deliver after their writes; `mlsoc hooks run` delivers \
                what is due (from cron, say).

                  hooks:
                    - name: critical-to-file
                      on: [new-critical, sla-breach]
                      command: 'cat >> /var/log/mlsoc-events.jsonl'
                      timeout: 10
                      batch: 50

                README.md has a Slack example.
                """,
            subcommands: [Run.self, Test.self, Status.self],
            defaultSubcommand: Status.self
        )

        struct Run: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Deliver the events that are due now; exit 1 if a hook failed.")

            @OptionGroup var options: GlobalOptions

            @Flag(help: "Try failing hooks now, without waiting for their back-off.")
            var force = false

            func run() throws {
                let config = try options.config()
                guard !config.hooks.isEmpty else { throw CLIError("no hooks in config.yaml (hooks:)") }
                let store = try options.openStore(mode: .readWrite)
                try options.registerHooks(store)
                let results = HookDelivery.deliver(
                    store: store, hooks: config.hooks, now: Int64(Date().timeIntervalSince1970), warningDays: config.triage.expiryWarningDays,
                    maxBatches: 1_000, force: force)
                var failed = false
                for result in results {
                    let name = TextForTerminal.safe(result.hook)
                    if result.waiting {
                        print("\(name): waiting for its back-off after: \(TextForTerminal.safe(result.error ?? "a failure")) (--force tries now)")
                    } else if let error = result.error {
                        failed = true
                        print("\(name): \(result.delivered) delivered, then failed: \(TextForTerminal.safe(error)); kept, tried again later")
                    } else {
                        print("\(name): \(result.delivered) event\(result.delivered == 1 ? "" : "s") delivered")
                    }
                }
                if failed { throw ExitCode(1) }
            }
        }

        struct Test: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Send each hook (or one) a sample event, now; the outbox is not touched.")

            @OptionGroup var options: GlobalOptions

            @Option(help: ArgumentHelp("Only this hook.", valueName: "name"))
            var hook: String?

            func run() throws {
                let hooks = try options.config().hooks.filter { hook == nil || $0.name == hook }
                guard !hooks.isEmpty else {
                    throw CLIError(hook.map { "no hook named '\(TextForTerminal.safe($0))'" } ?? "no hooks in config.yaml (hooks:)")
                }
                var failed = false
                for hook in hooks {
                    let event = HookDelivery.sampleEvent(for: hook, now: Int64(Date().timeIntervalSince1970))
                    let outcome = HookDelivery.run(hook, events: [event], store: nil)
                    let status = outcome.status.map { "exit \($0)" } ?? "stopped after \(hook.timeout ?? 30) s"
                    if outcome.status != 0 { failed = true }
                    print("\(TextForTerminal.safe(hook.name)): \(status)")
                    for line in outcome.output.split(separator: "\n").suffix(20) { print("  " + TextForTerminal.safe(String(line))) }
                }
                if failed { throw ExitCode(1) }
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Each hook's backlog, failures and next try (the default).")

            @OptionGroup var options: GlobalOptions

            func run() throws {
                let config = try options.config()
                guard !config.hooks.isEmpty else {
                    print("no hooks in config.yaml (hooks:)")
                    return
                }
                let store = try options.openStore(mode: .readWrite)
                try options.registerHooks(store)
                var table = [["HOOK", "ON", "BACKLOG", "FAILURES", "NEXT TRY", "LAST ERROR"]]
                for hook in config.hooks {
                    let cursor = try store.hookCursor(hook.name)
                    table.append([
                        TextForTerminal.safe(hook.name), hook.on.joined(separator: ","),
                        String(try store.hookBacklog(after: cursor.lastEventId, kinds: hook.events)), String(cursor.attempts),
                        cursor.nextAttempt > 0 ? CivilDate.format(cursor.nextAttempt) : "-", TextForTerminal.safe(cursor.lastError ?? ""),
                    ])
                }
                print(TextTable.render(table, rightAligned: [2, 3]))
            }
        }
    }
}
