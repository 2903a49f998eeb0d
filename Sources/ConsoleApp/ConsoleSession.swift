import ConsoleUI
import Dispatch
import FindingStore
import Findings
import Foundation

/// The run loop: renders the state, turns terminal events into actions, runs the reducer's effects
/// against the store on a background queue, and watches the store for commits by other processes.
///
/// Only this thread touches the terminal and the state. Store reads run on one serial queue, so
/// their results arrive in order; an ad-hoc filter over a million rows never blocks a key press.
public final class ConsoleSession {
    /// Why the loop ended.
    public enum Exit: Equatable {
        case quit
        case signal(Int32)
    }

    private var store: FindingStore
    /// Nil for the dashboard: it has nothing to write with.
    private let writer: (any TriageWriting)?
    private let terminal: any Terminal
    private var state: AppState
    private var monitor: ChangeMonitor?
    /// Reopens the store when its file is replaced (a restore from backup); the dashboard's.
    private let reopen: (() throws -> FindingStore)?
    private var fileIdentity: FileIdentity?
    private let kiosk: KioskOptions?
    private let clock = ContinuousClock()
    /// Where background workers and store reads post their actions.
    private let mailbox: Mailbox
    private let context: ConsoleContext
    private let reads = DispatchQueue(label: "mlsoc.store-reads")
    private let inFlight = Counter()
    private let loadTheme: (String) -> Result<Theme, ThemeError>
    private var typeAhead: [(Key, ContinuousClock.Instant)] = []
    /// Periodic store upkeep (lapsing risk acceptances) for a console that may write; returns a
    /// notice for the status line.
    private let maintenance: (@Sendable () -> String?)?
    static let typeAheadLimit = Duration.milliseconds(300)

    public init(store: FindingStore, writer: (any TriageWriting)?, terminal: any Terminal, glyphs: Glyphs, mailbox: Mailbox = Mailbox(),
                context: ConsoleContext = ConsoleContext(), themeName: String = ThemeCatalog.defaultName, themeNames: [String] = [],
                flash: Flash? = nil, weights: RiskWeights = .standard, triageRules: TriageRules = .standard,
                maintenance: (@Sendable () -> String?)? = nil, kiosk: KioskOptions? = nil, reopen: (() throws -> FindingStore)? = nil,
                loadTheme: @escaping (String) -> Result<Theme, ThemeError> = { _ in .success(.plain) }) {
        self.store = store
        self.writer = writer
        self.kiosk = kiosk
        self.reopen = reopen
        fileIdentity = FileIdentity(path: store.path)
        let readOnly = writer == nil
        self.terminal = terminal
        self.mailbox = mailbox
        self.context = context
        self.loadTheme = loadTheme
        state = AppState(size: terminal.size, storePath: store.path, readOnly: readOnly, glyphs: glyphs)
        state.themeName = themeName
        state.themeNames = themeNames
        state.flash = flash
        state.models.weights = weights
        state.triageRules = triageRules
        self.maintenance = maintenance
        state.project = context.project
        if let kiosk {
            state.kiosk = true
            state.kioskViews = kiosk.views
            state.view = kiosk.views.first ?? .matrix
        }
        monitor = try? ChangeMonitor(store: store)
    }

    /// The project the views were scoped to when the session ended (to remember it).
    public var project: String? { state.project }

    /// Runs until the user quits or a signal arrives; the caller restores the terminal.
    public func run() -> Exit {
        let startFlash = state.flash
        dispatch(.tick(context.now()))
        dispatch(.storeChanged)
        state.flash = startFlash
        var painted: AppState?
        var lastPoll = clock.now
        var lastUpkeep = clock.now
        var lastRotation = clock.now
        var lastMinute = context.now() / 60
        upkeep()
        while true {
            if painted != state {
                terminal.present(Renderer.render(state))
                painted = state
            }
            if state.quitRequested { return .quit }
            // While reads are out, wake often to show their results; otherwise wait for keys.
            let timeout = inFlight.value > 0 || !typeAhead.isEmpty ? 10 : 250
            switch terminal.nextEvent(timeoutMilliseconds: timeout) {
            case let .key(key)?: typeAhead.append((key, clock.now))
            case let .resized(size)?: dispatch(.resized(size))
            case let .signal(number)?: return .signal(number)
            case nil: break
            }
            for action in mailbox.drain() { dispatch(action) }
            // Keys typed while a read is out wait for its result (Enter on a list that is still
            // loading opens its first row), but never longer than `typeAheadLimit`: a slow
            // substring filter must not block input.
            while let (key, at) = typeAhead.first, inFlight.value == 0 || clock.now - at > Self.typeAheadLimit {
                typeAhead.removeFirst()
                dispatch(.key(key))
                for action in mailbox.drain() { dispatch(action) }
            }
            if let kiosk, kiosk.views.count > 1, clock.now - lastRotation >= kiosk.rotate {
                lastRotation = clock.now
                dispatch(.rotate)
            }
            // The kiosk's clock: one repaint a minute, nothing in between.
            if kiosk != nil, context.now() / 60 != lastMinute {
                lastMinute = context.now() / 60
                dispatch(.tick(context.now()))
            }
            if clock.now - lastUpkeep >= .seconds(60) {
                lastUpkeep = clock.now
                upkeep()
            }
            if clock.now - lastPoll >= .seconds(1) {
                lastPoll = clock.now
                reopenIfReplaced()
                if (try? monitor?.changed()) == true {
                    dispatch(.tick(context.now()))
                    dispatch(.storeChanged)
                }
            }
        }
    }

    /// A store file replaced under us (restored from backup) is opened again; the old handle would
    /// keep showing the deleted file forever.
    private func reopenIfReplaced() {
        guard let reopen, let now = FileIdentity(path: store.path), now != fileIdentity else { return }
        guard let fresh = try? reopen() else { return }
        store = fresh
        fileIdentity = now
        monitor = try? ChangeMonitor(store: fresh)
        dispatch(.notice("the store file was replaced: reopened"))
        dispatch(.storeChanged)
    }

    private func upkeep() {
        guard let maintenance else { return }
        inFlight.add(1)
        reads.async { [mailbox, inFlight] in
            if let notice = maintenance() { mailbox.post(.notice(notice)) }
            inFlight.add(-1)
        }
    }

    private func dispatch(_ action: Action) {
        for effect in Reducer.reduce(&state, action) {
            switch effect {
            case .quit:
                break
            case .suspend:
                terminal.suspend()
                // The size may have changed while stopped; everything is repainted.
                dispatch(.resized(terminal.size))
            case let .setTheme(name):
                switch loadTheme(name) {
                case let .success(theme):
                    terminal.apply(theme: theme)
                    dispatch(.themeApplied(theme.name))
                case let .failure(error):
                    dispatch(.failed(error.description))
                }
            default:
                inFlight.add(1)
                var context = context
                context.project = state.project
                reads.async { [store, writer, context, mailbox, inFlight] in
                    if let result = EffectRunner.run(effect, store: store, writer: writer, context: context) { mailbox.post(result) }
                    inFlight.add(-1)
                }
            }
        }
    }
}

/// How the dashboard's kiosk mode runs: which views, how long each.
public struct KioskOptions: Sendable {
    public var views: [ViewID]
    public var rotate: Duration

    public init(views: [ViewID], rotate: Duration) {
        self.views = views
        self.rotate = rotate
    }
}

/// A file's device and inode: a new file at the same path has another.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// A thread-safe counter of reads in flight.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ delta: Int) {
        lock.lock()
        count += delta
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
