import ArgumentParser
import ConsoleApp
import ConsoleUI
import CursesTerminal
import FindingStore
import Foundation
import Ingest

extension Mlsoc {
    /// The interactive console (the default command).
    struct Console: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "console",
            abstract: "Open the console (the default when no command is given)."
        )

        @OptionGroup var options: GlobalOptions

        @Flag(name: .long, help: "Turn mouse reporting on (off by default).")
        var mouse = false

        @Option(name: .long, help: ArgumentHelp("Ingest reports dropped into this directory while the console runs (repeatable); see `mlsoc watch --help`.", valueName: "dir"))
        var inbox: [String] = []

        @Option(name: .long, help: ArgumentHelp("Scope every view to this project, or `all` (default: the project of the last session on this store; :project switches).", valueName: "name"))
        var project: String?

        func run() throws {
            let store = try options.openStore(mode: .readWrite)
            let mailbox = Mailbox()
            var worker: InboxWorker?
            if !inbox.isEmpty {
                let ingestor = try options.ingestor(store: store)
                do {
                    worker = try InboxWorker(directories: inbox, ingestor: ingestor, mailbox: mailbox)
                } catch let error as IngestError {
                    throw CLIError(error.description)
                }
            }
            let (theme, themeWarning) = try options.resolvedTheme()
            let environment = options.environment
            let terminal: CursesTerminal
            do {
                let mono = (try? ThemeCatalog.load("mono", environment: [:])) ?? .plain
                terminal = try CursesTerminal(theme: theme, noColorTheme: mono, color: options.colorEnabled, mouse: mouse)
            } catch let error as TerminalError {
                throw CLIError(error.description)
            }
            let config = try options.config()
            let actor = Actor.current(environment: environment)
            var context = ConsoleContext(inboxDirectories: inbox, workers: inbox.isEmpty ? 0 : ProcessInfo.processInfo.activeProcessorCount,
                                         actor: actor, rules: config.triage, weights: config.weights)
            let memory = ConsoleMemory(environment: environment)
            context.project = try Self.startingProject(project, store: store, memory: memory)
            let upkeep: @Sendable () -> String? = {
                let now = Int64(Date().timeIntervalSince1970)
                let lapsed = (try? store.lapseAcceptances(now: now, weights: config.weights)) ?? 0
                let expiring = (try? store.expiringAcceptances(now: now, days: config.triage.expiryWarningDays)) ?? 0
                var parts: [String] = []
                if lapsed > 0 { parts.append("\(lapsed) risk acceptance\(lapsed == 1 ? "" : "s") lapsed: open again") }
                if expiring > 0 { parts.append("\(expiring) acceptance\(expiring == 1 ? "" : "s") end within \(config.triage.expiryWarningDays) days") }
                return parts.isEmpty ? nil : parts.joined(separator: "; ")
            }
            let session = ConsoleSession(
                store: store, writer: store, terminal: terminal, glyphs: terminal.capabilities.utf8 ? .unicode : .ascii,
                mailbox: mailbox, context: context, themeName: theme.name, themeNames: ThemeCatalog.names(environment: environment),
                flash: themeWarning.map { Flash($0, isError: true) }, weights: config.weights, triageRules: config.triage,
                maintenance: upkeep,
                loadTheme: { name in Result { () throws(ThemeError) in try ThemeCatalog.load(name, environment: environment) } })
            worker?.start()
            let exit = session.run()
            worker?.stop()
            terminal.shutdown()
            memory.remember(project: session.project, forStore: store.path)
            if case let .signal(number) = exit {
                // Leave with the conventional status of the signal, the terminal already restored.
                throw ExitCode(128 + number)
            }
        }

        /// `--project` (checked against the store), else the remembered one if it still exists, else all.
        static func startingProject(_ given: String?, store: FindingStore, memory: ConsoleMemory) throws -> String? {
            if let given {
                if given == "all" { return nil }
                _ = try ProjectOption(project: given).projectID(in: store)
                return given
            }
            guard let remembered = memory.project(forStore: store.path), try store.projectID(named: remembered) != nil else { return nil }
            return remembered
        }
    }
}
