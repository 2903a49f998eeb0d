import ArgumentParser
import Config
import ConsoleApp
import ConsoleUI
import CursesTerminal
import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream
import PostgresStore

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The findings store: a SQLite file, or a shared PostgreSQL store as postgres://USER@HOST/DB?sslmode=… (its password from PGPASSWORD). Default: MLSOC_DB, config.yaml `store: location:`, else $XDG_DATA_HOME/mlsoc/findings.db.",
            valueName: "path|url"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Colour theme: \(ThemeCatalog.bundledNames.joined(separator: ", ")), a name from ~/.config/mlsoc/themes/, or a theme file (default: config.yaml `theme:`, MLSOC_THEME, dark).",
            valueName: "name"))
    var theme: String?

    @Flag(name: .long, help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var storePath: String { StorePath.resolve(explicit: db, environment: environment, configured: (try? config())?.storeLocation) }

    var colorEnabled: Bool {
        !noColor && (environment["NO_COLOR"].map(\.isEmpty) ?? true)
    }

    /// The theme to paint with, and why another was used when the chosen one is broken or unknown:
    /// a bad theme never stops the console.
    func resolvedTheme() throws -> (theme: Theme, warning: String?) {
        let configured = try config().theme
        let name = theme ?? environment["MLSOC_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? configured ?? ThemeCatalog.defaultName
        return ThemeCatalog.loadOrDefault(name, environment: environment)
    }

    /// The bundled mapping rules with the user's file in front.
    func mappingRules() throws -> MappingRules {
        do {
            return try MappingRules.load(environment: environment)
        } catch let error as IngestError {
            throw CLIError(error.description)
        }
    }

    /// The user's config file (models and their path rules); none is an empty config.
    /// Read once per process: a command asks for it for the store's file mode, the weights and the
    /// ingestor, and a registry of 200k models takes seconds to read.
    func config() throws -> MlsocConfig {
        let path = MlsocConfig.path(environment: environment)
        return try Self.configs.withLock { cache in
            if let cached = cache[path] { return cached }
            do {
                let config = try MlsocConfig.load(environment: environment)
                cache[path] = config
                return config
            } catch let error as IngestError {
                throw CLIError(error.description)
            }
        }
    }

    private static let configs = Locked<[String: MlsocConfig]>([:])

    /// The ingestor every ingesting command uses: mapping rules, config and the acting account.
    /// The config's hooks get their cursors first, so the events this run writes reach them.
    func ingestor(store: FindingStore) throws -> ReportIngestor {
        try registerHooks(store)
        return ReportIngestor(store: store, mapping: try mappingRules(), actor: Actor.current(environment: environment), config: try config())
    }

    /// Cursors for the config's hooks (before this process writes any event).
    func registerHooks(_ store: FindingStore) throws {
        try store.registerHooks(try config().hooks.map(\.name))
    }

    /// After a command's writes: one delivery pass of the hooks (best effort; a failure is kept
    /// for the next pass and said on stderr, the command's own result stands).
    func deliverHooks(_ store: FindingStore) {
        guard let config = try? config(), !config.hooks.isEmpty else { return }
        let results = HookDelivery.deliver(
            store: store, hooks: config.hooks, now: Int64(Date().timeIntervalSince1970), warningDays: config.triage.expiryWarningDays)
        for result in results where result.error != nil && !result.waiting {
            FileHandle.standardError.write(
                Data(
                    "hook \(TextForTerminal.safe(result.hook)): \(TextForTerminal.safe(result.error ?? "")); kept in the outbox, tried again later\n"
                        .utf8))
        }
    }

    /// What the console and the dashboard start from: the config, the theme, and curses opened
    /// only when the session is about to run.
    func launchSetup(store: FindingStore, mouse: Bool = false) throws -> ConsoleLaunch.Setup {
        let (theme, warning) = try resolvedTheme()
        let color = colorEnabled
        return ConsoleLaunch.Setup(store: store, config: try config(), environment: environment, theme: theme, themeWarning: warning) {
            do {
                let mono = (try? ThemeCatalog.load("mono", environment: [:])) ?? .plain
                let terminal = try CursesTerminal(theme: theme, noColorTheme: mono, color: color, mouse: mouse)
                return (terminal, terminal.capabilities.utf8 ? .unicode : .ascii)
            } catch let error as TerminalError {
                throw CLIError(error.description)
            }
        }
    }

    func openStore(mode: FindingStore.Mode) throws -> FindingStore {
        // A config.yaml that does not read is said before its `store: location:` is passed over.
        _ = try config()
        if PostgresLocation.isURL(storePath) {
            // A shared PostgreSQL store (issue 22): the same queries, ingest, triage and exports as on SQLite.
            do {
                let location = try PostgresLocation.parse(storePath, environment: ProcessInfo.processInfo.environment)
                let backend = try PostgresBackend.open(location, readOnly: mode == .readOnly)
                return try FindingStore(server: backend, mode: mode)
            } catch let error as PostgresStoreError {
                throw CLIError(TextForTerminal.safe(error.description))
            } catch let error as StoreError {
                throw CLIError(TextForTerminal.safe(error.description))
            }
        }
        do {
            let fileMode = mode == .readWrite ? mode_t(try config().storeFileMode) : 0o600
            return try FindingStore(path: storePath, mode: mode, fileMode: fileMode)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }
}

/// An error the CLI prints as one line and exits non-zero on.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
