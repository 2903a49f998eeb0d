import ConsoleUI
import Dispatch
import FindingStore
import Findings
import Foundation

/// The one effect loop of the console, the headless console and the tests: it reduces an action,
/// lets the terminal do what only a terminal can (a theme, job control), and runs every store
/// effect through `EffectRunner`, either at once on the calling thread (`.inline`: headless renders,
/// benchmarks) or on one serial background queue whose results come back through the mailbox
/// (`.background`: the console, so a slow filter never blocks a key).
final class ConsoleLoop {
    enum Execution {
        case inline
        case background
    }

    var state: AppState
    /// Replaced when the dashboard reopens a store file restored from backup.
    var store: FindingStore
    /// Nil for the dashboard and headless renders: triage effects then have nothing to write with.
    let writer: (any TriageWriting)?
    let context: ConsoleContext
    let mailbox: Mailbox
    let execution: Execution
    private let terminal: (any Terminal)?
    private let loadTheme: (String) -> Result<Theme, ThemeError>
    private let reads = DispatchQueue(label: "mlsoc.store-reads")
    /// Store effects sent to the background queue and not yet answered.
    let inFlight = Locked(0)
    /// Sees every effect the reducer asks for, before it runs (tests count reloads with it).
    private let observe: (@Sendable (Effect) -> Void)?

    init(
        state: AppState, store: FindingStore, writer: (any TriageWriting)?, context: ConsoleContext, execution: Execution,
        mailbox: Mailbox = Mailbox(), terminal: (any Terminal)? = nil,
        loadTheme: @escaping (String) -> Result<Theme, ThemeError> = { _ in .success(.plain) },
        observe: (@Sendable (Effect) -> Void)? = nil
    ) {
        self.state = state
        self.store = store
        self.writer = writer
        self.context = context
        self.execution = execution
        self.mailbox = mailbox
        self.terminal = terminal
        self.loadTheme = loadTheme
        self.observe = observe
    }

    var busy: Bool { inFlight.value > 0 }

    /// Applies `action` and everything it leads to: effects run inline feed their results back at
    /// once; background ones post them to the mailbox.
    func dispatch(_ action: Action) {
        var pending = [action]
        while !pending.isEmpty {
            let action = pending.removeFirst()
            for effect in Reducer.reduce(&state, action) {
                observe?(effect)
                if let result = perform(effect) { pending.append(result) }
            }
        }
    }

    /// Dispatches the effects the caller got from the reducer itself (setting a view up directly).
    func run(_ effects: [Effect]) {
        for effect in effects {
            observe?(effect)
            if let result = perform(effect) { dispatch(result) }
        }
    }

    private func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .suspend:
            guard let terminal else { return nil }
            terminal.suspend()
            // The size may have changed while stopped; everything is repainted.
            return .resized(terminal.size)
        case let .copy(text):
            terminal?.copy(text)
            return nil
        case let .runCustom(command, rows) where !command.background:
            // In the terminal: the console steps aside until the command ends and Enter is pressed.
            var context = context
            context.project = state.project
            var result: Action?
            func run() {
                result = EffectRunner.runCustom(command, rows, writer: writer, context: context, capture: false)
                let status: String =
                    if case let .customFinished(output) = result { output.status.map { "exit \($0)" } ?? "stopped at its timeout" } else { "done" }
                let line = "\n[mlsoc] \(TextSanitizer.sanitize(command.description)): \(status). Press Enter to return to the console."
                FileHandle.standardOutput.write(Data(line.utf8))
                _ = readLine()
            }
            if let terminal { terminal.runOutside(run) } else { run() }
            if let size = terminal?.size { mailbox.post(.resized(size)) }
            return result
        case let .setTheme(name):
            switch loadTheme(name) {
            case let .success(theme):
                terminal?.apply(theme: theme)
                return .themeApplied(theme.name)
            case let .failure(error):
                return .failed(error.description)
            }
        default:
            var context = context
            context.project = state.project
            switch execution {
            case .inline:
                return EffectRunner.run(effect, store: store, writer: writer, context: context)
            case .background:
                inFlight.withLock { $0 += 1 }
                reads.async { [store, writer, context, mailbox, inFlight] in
                    if let result = EffectRunner.run(effect, store: store, writer: writer, context: context) { mailbox.post(result) }
                    inFlight.withLock { $0 -= 1 }
                }
                return nil
            }
        }
    }

    /// Runs `work` on the store queue, after the reads already sent (periodic upkeep).
    func background(_ work: @escaping @Sendable () -> Action?) {
        inFlight.withLock { $0 += 1 }
        reads.async { [mailbox, inFlight] in
            if let action = work() { mailbox.post(action) }
            inFlight.withLock { $0 -= 1 }
        }
    }
}
