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

    private let store: FindingStore
    private let terminal: any Terminal
    private var state: AppState
    private let monitor: ChangeMonitor?
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

    public init(store: FindingStore, terminal: any Terminal, readOnly: Bool, glyphs: Glyphs, mailbox: Mailbox = Mailbox(),
                context: ConsoleContext = ConsoleContext(), themeName: String = ThemeCatalog.defaultName, themeNames: [String] = [],
                flash: Flash? = nil, weights: RiskWeights = .standard, triageRules: TriageRules = .standard,
                maintenance: (@Sendable () -> String?)? = nil, loadTheme: @escaping (String) -> Result<Theme, ThemeError> = { _ in .success(.plain) }) {
        self.store = store
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
        monitor = try? ChangeMonitor(store: store)
    }

    /// Runs until the user quits or a signal arrives; the caller restores the terminal.
    public func run() -> Exit {
        let startFlash = state.flash
        dispatch(.tick(context.now()))
        dispatch(.storeChanged)
        state.flash = startFlash
        var painted: AppState?
        var lastPoll = clock.now
        var lastUpkeep = clock.now
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
            if clock.now - lastUpkeep >= .seconds(60) {
                lastUpkeep = clock.now
                upkeep()
            }
            if clock.now - lastPoll >= .seconds(1) {
                lastPoll = clock.now
                if (try? monitor?.changed()) == true {
                    dispatch(.tick(context.now()))
                    dispatch(.storeChanged)
                }
            }
        }
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
                reads.async { [store, context, mailbox, inFlight] in
                    if let result = EffectRunner.run(effect, store: store, context: context) { mailbox.post(result) }
                    inFlight.add(-1)
                }
            }
        }
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
