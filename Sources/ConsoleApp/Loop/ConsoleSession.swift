import ConsoleUI
import Dispatch
import FindingStore
import Findings
import Foundation

/// The run loop: renders the state, turns terminal events into actions, runs the reducer's effects
/// through the effect loop (`ConsoleLoop`, store reads on a background queue), and watches the store
/// for commits by other processes.
///
/// Only this thread touches the terminal and the state. Store reads run on one serial queue, so
/// their results arrive in order; an ad-hoc filter over a million rows never blocks a key press.
public final class ConsoleSession {
    /// Why the loop ended.
    public enum Exit: Equatable {
        case quit
        case signal(Int32)
    }

    private let loop: ConsoleLoop
    private let terminal: any Terminal
    private var monitor: ChangeMonitor?
    private var liveRefreshLost = false
    /// Reopens the store when its file is replaced (a restore from backup); the dashboard's.
    private let reopen: (() throws -> FindingStore)?
    private var fileIdentity: FileIdentity?
    private let kiosk: KioskOptions?
    private let clock = ContinuousClock()
    private var typeAhead: [(Key, ContinuousClock.Instant)] = []
    /// Periodic store upkeep (lapsing risk acceptances) for a console that may write; returns a
    /// notice for the status line.
    private let maintenance: (@Sendable () -> String?)?
    static let typeAheadLimit = Duration.milliseconds(300)
    /// How often the store is polled for commits by others (and for a replaced file).
    private let pollInterval: Duration

    public init(
        store: FindingStore, writer: (any TriageWriting)?, terminal: any Terminal, glyphs: Glyphs, mailbox: Mailbox = Mailbox(),
        context: ConsoleContext = ConsoleContext(), themeName: String = ThemeCatalog.defaultName, themeNames: [String] = [],
        flash: Flash? = nil, weights: RiskWeights = .standard, triageRules: TriageRules = .standard, clipboard: Bool = true,
        maintenance: (@Sendable () -> String?)? = nil, kiosk: KioskOptions? = nil, reopen: (() throws -> FindingStore)? = nil,
        customCommands: [CustomCommand] = [],
        loadTheme: @escaping (String) -> Result<Theme, ThemeError> = { _ in .success(.plain) },
        pollInterval: Duration = .seconds(1), observe: (@Sendable (Effect) -> Void)? = nil
    ) {
        self.kiosk = kiosk
        self.reopen = reopen
        self.terminal = terminal
        self.maintenance = maintenance
        self.pollInterval = pollInterval
        fileIdentity = FileIdentity(path: store.path)
        var state = AppState(size: terminal.size, storePath: store.path, readOnly: writer == nil, glyphs: glyphs)
        state.themeName = themeName
        state.themeNames = themeNames
        state.flash = flash
        state.models.weights = weights
        state.triageRules = triageRules
        state.clipboard = clipboard
        state.customCommands = customCommands
        state.project = context.project
        if let kiosk {
            state.kiosk = true
            state.kioskViews = kiosk.views
            state.view = kiosk.views.first ?? .matrix
        }
        loop = ConsoleLoop(
            state: state, store: store, writer: writer, context: context, execution: .background, mailbox: mailbox,
            terminal: terminal, loadTheme: loadTheme, observe: observe)
        monitor = try? ChangeMonitor(store: store)
    }

    /// The project the views were scoped to when the session ended (to remember it).
    public var project: String? { loop.state.project }

    /// What the next session starts from: the project, the view (a tab), the histories.
    public var memory: ConsoleMemory.Session {
        let view = loop.state.view == .help ? loop.state.helpReturn : loop.state.view
        // A saved view's tab is remembered by its name.
        let name = view == .findings ? loop.state.activeView.map { "view:" + $0 } : nil
        return ConsoleMemory.Session(
            project: loop.state.project, view: name ?? (ViewID.tabs.contains(view) ? view.rawValue : nil),
            filterHistory: loop.state.filterHistory, commandHistory: loop.state.commandHistory,
            savedViews: loop.state.savedViews.filter { !$0.fromConfig })
    }

    /// Starts from what the last session left: its histories, and its view when it was a tab.
    public func restore(_ memory: ConsoleMemory.Session) {
        loop.state.filterHistory = memory.filterHistory
        loop.state.commandHistory = memory.commandHistory
        loop.state.savedViews = memory.savedViews
        guard kiosk == nil, let name = memory.view else { return }
        if name.hasPrefix("view:") {
            // The saved view it ended on, read again when the session starts (its store change).
            _ = Reducer.useView(String(name.dropFirst(5)), &loop.state)
            loop.state.flash = nil
        } else if let view = ViewID(rawValue: name), ViewID.tabs.contains(view) {
            loop.state.view = view
        }
    }

    /// Runs until the user quits or a signal arrives; the caller restores the terminal.
    public func run() -> Exit {
        let context = loop.context
        let startFlash = loop.state.flash
        loop.dispatch(.tick(context.now()))
        loop.dispatch(.storeChanged)
        loop.state.flash = startFlash
        var painted: AppState?
        var lastPoll = clock.now
        var lastUpkeep = clock.now
        var lastRotation = clock.now
        var lastMinute = context.now() / 60
        upkeep()
        while true {
            if painted != loop.state {
                terminal.present(Renderer.render(loop.state))
                painted = loop.state
            }
            if loop.state.quitRequested { return .quit }
            // While reads are out, wake often to show their results; otherwise wait for keys.
            let timeout = loop.busy || !typeAhead.isEmpty ? 10 : 250
            var signalled: Int32?
            switch terminal.nextEvent(timeoutMilliseconds: timeout) {
            case let .key(key)?:
                typeAhead.append((key, clock.now))
                signalled = drainKeys()
            case let .resized(size)?: loop.dispatch(.resized(size))
            case let .signal(number)?: return .signal(number)
            case nil: break
            }
            takeMail()
            // Keys typed while a read is out wait for its result (Enter on a list that is still
            // loading opens its first row), but never longer than `typeAheadLimit`: a slow
            // substring filter must not block input.
            while let (key, at) = typeAhead.first, !loop.busy || clock.now - at > Self.typeAheadLimit || signalled != nil {
                typeAhead.removeFirst()
                loop.dispatch(.key(typedRun(after: key)))
                takeMail()
            }
            if let signalled { return loop.state.quitRequested ? .quit : .signal(signalled) }
            if let kiosk, kiosk.views.count > 1, clock.now - lastRotation >= kiosk.rotate {
                lastRotation = clock.now
                loop.dispatch(.rotate)
            }
            // The kiosk's clock: one repaint a minute, nothing in between.
            if kiosk != nil, context.now() / 60 != lastMinute {
                lastMinute = context.now() / 60
                loop.dispatch(.tick(context.now()))
            }
            if clock.now - lastUpkeep >= .seconds(60) {
                lastUpkeep = clock.now
                upkeep()
            }
            // A server's notifications cost nothing to poll: a flag, not a query.
            if clock.now - lastPoll >= (monitor?.isPushed == true ? min(pollInterval, .milliseconds(100)) : pollInterval) {
                lastPoll = clock.now
                reopenIfReplaced()
                let changed = (try? monitor?.changed()) == true
                sayLiveRefresh()
                if changed {
                    loop.dispatch(.tick(context.now()))
                    loop.dispatch(.storeChanged)
                }
            }
        }
    }

    /// Keys already waiting (a paste from a terminal without bracketed paste, a held key) are all
    /// read before the next frame: one frame for them, not one each. Returns a signal that came
    /// meanwhile; the keys before it are still handled.
    private func drainKeys() -> Int32? {
        for _ in 0..<Self.drainLimit {
            switch terminal.nextEvent(timeoutMilliseconds: 0) {
            case let .key(key)?: typeAhead.append((key, clock.now))
            case let .resized(size)?:
                loop.dispatch(.resized(size))
                return nil
            case let .signal(number)?: return number
            case nil: return nil
            }
        }
        return nil
    }

    /// The most keys read ahead before a frame.
    static let drainLimit = 20_000

    /// With a line editor open, a run of typed characters is one edit (a paste that came as keys):
    /// `key` and the characters right behind it in the type-ahead as one `.paste`.
    private func typedRun(after key: Key) -> Key {
        guard case let .character(first) = key, loop.state.prompt != nil || loop.state.form != nil,
            case .character? = typeAhead.first?.0
        else { return key }
        var text = String(first)
        while case let .character(next)? = typeAhead.first?.0 {
            text.append(next)
            typeAhead.removeFirst()
        }
        return .paste(text)
    }

    /// A server's change notifications that stopped are said once on the status line, and their
    /// return once: meanwhile the screen is as of its last refresh (r reads it again).
    private func sayLiveRefresh() {
        let failure = monitor?.failure
        if let failure, !liveRefreshLost {
            liveRefreshLost = true
            loop.dispatch(.failed("live refresh lost, retrying (r refreshes meanwhile): \(failure)"))
        } else if failure == nil, liveRefreshLost {
            liveRefreshLost = false
            loop.dispatch(.notice("live refresh is back"))
        }
    }

    /// The results of background reads and workers, in the order they came.
    private func takeMail() {
        for action in loop.mailbox.drain() {
            // The console's own write reloads what it changed when its result arrives; the commit
            // must not make the store monitor reload everything a second time. Commits by others
            // before this point are read by that reload too; later ones are seen by the monitor.
            if case .triageDone = action { monitor?.absorbOwnWrite() }
            loop.dispatch(action)
        }
    }

    /// A store file replaced under us (restored from backup) is opened again; the old handle would
    /// keep showing the deleted file forever.
    private func reopenIfReplaced() {
        guard let reopen, let now = FileIdentity(path: loop.store.path), now != fileIdentity else { return }
        guard let fresh = try? reopen() else { return }
        loop.store = fresh
        fileIdentity = now
        monitor = try? ChangeMonitor(store: fresh)
        loop.dispatch(.notice("the store file was replaced: reopened"))
        loop.dispatch(.storeChanged)
    }

    private func upkeep() {
        guard let maintenance else { return }
        loop.background { maintenance().map(Action.notice) }
    }
}
