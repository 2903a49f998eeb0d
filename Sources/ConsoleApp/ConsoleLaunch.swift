import Config
import ConsoleUI
import FindingStore
import Findings
import Foundation
import Ingest

/// How the console and the dashboard start: everything `mlsoc console` and `mlsoc dashboard` set up
/// around a session once their options are parsed, the config is read and the store is open. The
/// commands only choose the terminal (curses), which `openTerminal` makes after everything that
/// can fail without a screen has been checked.
public enum ConsoleLaunch {
    /// What both start from.
    public struct Setup {
        public var store: FindingStore
        public var config: MlsocConfig
        public var environment: [String: String]
        public var theme: Theme
        /// Why another theme than the chosen one is used (shown at start), if it is.
        public var themeWarning: String?
        /// Makes the terminal and says whether it shows Unicode.
        public var openTerminal: () throws -> (terminal: any Terminal, glyphs: Glyphs)

        public init(
            store: FindingStore, config: MlsocConfig, environment: [String: String], theme: Theme, themeWarning: String?,
            openTerminal: @escaping () throws -> (terminal: any Terminal, glyphs: Glyphs)
        ) {
            self.store = store
            self.config = config
            self.environment = environment
            self.theme = theme
            self.themeWarning = themeWarning
            self.openTerminal = openTerminal
        }

        func loadTheme(_ name: String) -> Result<Theme, ThemeError> {
            let environment = environment
            return Result { () throws(ThemeError) in try ThemeCatalog.load(name, environment: environment) }
        }
    }

    /// The interactive console: triage writes as `actor`, the inboxes ingested while it runs, the
    /// project remembered for the next session on this store. `project`: already checked (nil: all
    /// projects); with `rememberedProject`, none given takes the last session's when it still exists.
    public static func console(
        _ setup: Setup, actor: String, inbox: [String], ingestor: ReportIngestor?,
        project: String?, rememberedProject: Bool
    ) throws -> ConsoleSession.Exit {
        let store = setup.store
        let config = setup.config
        let mailbox = Mailbox()
        let worker = try ingestor.map { try InboxWorker(directories: inbox, ingestor: $0, mailbox: mailbox) }
        let memory = ConsoleMemory(environment: setup.environment)
        var remembered = memory.session(forStore: store.path)
        // config.yaml's views first (tabs 7–9 in its order), then the saved ones; a saved view of the
        // same name stands in for config's.
        let saved = remembered.savedViews
        let configured = config.views.map { view in
            SavedView(
                name: view.name, filter: view.filter ?? "", sort: view.sort.flatMap(FindingSort.init(rawValue:)) ?? .severity,
                grouping: view.group.flatMap(FindingGrouping.init(rawValue:)) ?? .none, columns: view.columns, fromConfig: true)
        }
        remembered.savedViews = configured.filter { view in !saved.contains { $0.name == view.name } } + saved
        var context = ConsoleContext(
            inboxDirectories: inbox, workers: inbox.isEmpty ? 0 : ProcessInfo.processInfo.activeProcessorCount,
            actor: actor, rules: config.triage, weights: config.weights)
        context.project = project
        context.memory = memory
        if project == nil, rememberedProject, let last = remembered.project, try store.projectID(named: last) != nil {
            context.project = last
        }
        // The hooks get their cursors before the console writes any event; they are delivered with
        // the upkeep, every minute.
        try store.registerHooks(config.hooks.map(\.name))
        let upkeep: @Sendable () -> String? = {
            let now = Int64(Date().timeIntervalSince1970)
            let lapsed = (try? store.lapseAcceptances(now: now, weights: config.weights, hookEvents: config.hookEvents)) ?? 0
            let failed = HookDelivery.deliver(store: store, hooks: config.hooks, now: now, warningDays: config.triage.expiryWarningDays)
                .filter { $0.error != nil && !$0.waiting }.map(\.hook)
            let expiring = (try? store.expiringAcceptances(now: now, days: config.triage.expiryWarningDays)) ?? 0
            var parts: [String] = []
            if lapsed > 0 { parts.append("\(lapsed) risk acceptance\(lapsed == 1 ? "" : "s") lapsed: open again") }
            if expiring > 0 { parts.append("\(expiring) acceptance\(expiring == 1 ? "" : "s") end within \(config.triage.expiryWarningDays) days") }
            if !failed.isEmpty { parts.append("hook \(failed.joined(separator: ", ")) failed: `mlsoc hooks status`") }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
        context.storePath = store.path
        let commands = try customCommands(config)
        let (terminal, glyphs) = try setup.openTerminal()
        let session = ConsoleSession(
            store: store, writer: store, terminal: terminal, glyphs: glyphs, mailbox: mailbox, context: context,
            themeName: setup.theme.name, themeNames: ThemeCatalog.names(environment: setup.environment),
            flash: setup.themeWarning.map { Flash($0, isError: true) }, weights: config.weights, triageRules: config.triage,
            clipboard: config.clipboard,
            maintenance: upkeep, customCommands: commands, loadTheme: setup.loadTheme)
        session.restore(remembered)
        worker?.start()
        let exit = session.run()
        worker?.stop()
        terminal.shutdown()
        memory.remember(session.memory, forStore: store.path)
        return exit
    }

    /// The read-only dashboard: no writer at all, the store reopened when its file is replaced, and
    /// in kiosk mode the views in turn. `project` scopes it (nothing is remembered).
    public static func dashboard(_ setup: Setup, project: String?, kiosk: KioskOptions?) throws -> ConsoleSession.Exit {
        let path = setup.store.path
        var context = ConsoleContext(weights: setup.config.weights)
        context.project = project
        context.storePath = path
        let commands = try customCommands(setup.config)
        let (terminal, glyphs) = try setup.openTerminal()
        let session = ConsoleSession(
            store: setup.store, writer: nil, terminal: terminal, glyphs: glyphs, context: context, themeName: setup.theme.name,
            themeNames: ThemeCatalog.names(environment: setup.environment), flash: setup.themeWarning.map { Flash($0, isError: true) },
            weights: setup.config.weights, clipboard: setup.config.clipboard, kiosk: kiosk,
            reopen: { try FindingStore(path: path, mode: .readOnly) }, customCommands: commands,
            loadTheme: setup.loadTheme)
        let exit = session.run()
        terminal.shutdown()
        return exit
    }

    /// config.yaml `commands:` for the console; a key the Findings list or detail already uses is
    /// an error that names it (the command would never run).
    static func customCommands(_ config: MlsocConfig) throws -> [CustomCommand] {
        try config.commands.enumerated().map { index, entry in
            guard let key = entry.key.first else { throw ConsoleLaunchError("config.yaml: at commands[\(index)].key: empty") }
            let views = entry.views ?? ["findings", "detail"]
            for (view, map) in [("findings", Keymap.findings), ("detail", Keymap.findingDetail)] where views.contains(view) {
                if let taken = map.binding(for: .character(key)) {
                    throw ConsoleLaunchError(
                        "config.yaml: at commands[\(index)].key: '\(key)' is \(taken.help) in the \(map.name) view: choose another key")
                }
            }
            var confirm: String?
            switch entry.confirm {
            case .yes(true)?: confirm = ""
            case let .prompt(text)?: confirm = text
            case .yes(false)?, nil: confirm = nil
            }
            return CustomCommand(
                key: key, description: entry.description, inList: views.contains("findings"), inDetail: views.contains("detail"),
                command: entry.command, confirm: confirm, dangerous: entry.dangerous ?? false, background: entry.background ?? false,
                timeoutSeconds: entry.timeout ?? 60)
        }
    }
}

/// A console that cannot start as configured.
public struct ConsoleLaunchError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
