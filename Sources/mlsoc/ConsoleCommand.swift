import ArgumentParser
import ConsoleApp
import ConsoleUI
import CursesTerminal
import FindingStore
import Foundation
import Ingest
import JSONStream

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

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Ingest reports dropped into this directory while the console runs (repeatable); see `mlsoc watch --help`.", valueName: "dir"))
        var inbox: [String] = []

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Scope every view to this project, or `all` (default: the project of the last session on this store; :project switches).",
                valueName: "name"))
        var project: String?

        func run() throws {
            let store = try options.openStore(mode: .readWrite)
            let environment = options.environment
            // `--project` is checked against the store before the screen is taken; without it the
            // last session's project is taken when it still exists.
            let project = try project.flatMap { given -> String? in
                if given == "all" { return nil }
                _ = try ProjectOption(project: given).projectID(in: store)
                return given
            }
            do {
                let exit = try ConsoleLaunch.console(
                    try options.launchSetup(store: store, mouse: mouse), actor: Actor.current(environment: environment, store: store), inbox: inbox,
                    ingestor: inbox.isEmpty ? nil : try options.ingestor(store: store), project: project,
                    rememberedProject: self.project == nil)
                // Leave with the conventional status of the signal, the terminal already restored.
                if case let .signal(number) = exit { throw ExitCode(128 + number) }
            } catch let error as IngestError {
                throw CLIError(error.description)
            }
        }
    }
}
