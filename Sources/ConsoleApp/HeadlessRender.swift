import ConsoleUI
import FindingStore
import Findings

/// Renders a view without a terminal, through the same reducer, effects and views as the console.
public enum HeadlessRender {
    /// What to show beyond the view itself.
    public struct Options: Sendable {
        public var filter: FindingFilter?
        /// Open the detail of the first row (findings), or of the first model (models).
        public var detail = false
        public var pivot = false
        public var sort: FindingSort = .severity
        public var weights = RiskWeights.standard
        /// The dashboard's kiosk layout.
        public var kiosk = false
        /// The project every view is scoped to; nil: all.
        public var project: String?

        public init(filter: FindingFilter? = nil, detail: Bool = false, pivot: Bool = false, sort: FindingSort = .severity,
                    weights: RiskWeights = .standard) {
            self.weights = weights
            self.filter = filter
            self.detail = detail
            self.pivot = pivot
            self.sort = sort
        }
    }

    public static func render(store: FindingStore, view: ViewID, size: Size, glyphs: Glyphs, readOnly: Bool,
                              options: Options = Options(), context: ConsoleContext = ConsoleContext()) -> ScreenBuffer {
        HeadlessConsole(store: store, view: view, size: size, glyphs: glyphs, readOnly: readOnly, options: options, context: context)
            .screen()
    }
}

/// The console without a terminal: the same reducer, effects and views, with effects run at once
/// on the calling thread. For headless renders, and for timing a key from press to screen.
public struct HeadlessConsole {
    private var state: AppState
    private let store: FindingStore
    private let context: ConsoleContext

    /// Opens `view` as the console would, with its data loaded.
    public init(store: FindingStore, view: ViewID, size: Size, glyphs: Glyphs, readOnly: Bool,
                options: HeadlessRender.Options = HeadlessRender.Options(), context: ConsoleContext = ConsoleContext()) {
        self.store = store
        state = AppState(size: size, storePath: store.path, readOnly: readOnly, glyphs: glyphs)
        state.kiosk = options.kiosk
        state.kioskViews = options.kiosk ? [view] : []
        state.models.weights = options.weights
        state.project = options.project
        var context = context
        context.project = options.project
        self.context = context
        run([.tick(context.now()), .storeChanged])
        state.pivot = options.pivot
        state.findings.sort = options.sort
        switch view {
        case .findings:
            run(Reducer.startFindings(options.filter ?? .empty, origin: .matrix, &state).compactMap { EffectRunner.run($0, store: store, context: context) })
            if options.detail { run([.key(.enter)]) }
        case .audit:
            if let filter = options.filter {
                state.view = .audit
                state.audit.filter = filter
            }
            run(Reducer.show(.audit, &state).compactMap { EffectRunner.run($0, store: store, context: context) })
        case .help:
            state.view = .help
        default:
            run(Reducer.show(view, &state).compactMap { EffectRunner.run($0, store: store, context: context) })
            if options.detail, view == .models { run([.key(.enter)]) }
        }
    }

    /// A key press, its effects (store reads included) and the screen after it.
    public mutating func press(_ key: Key) -> ScreenBuffer {
        run([.key(key)])
        return screen()
    }

    public func screen() -> ScreenBuffer { Renderer.render(state) }

    private mutating func run(_ actions: [Action]) {
        var pending = actions
        while !pending.isEmpty {
            let action = pending.removeFirst()
            for effect in Reducer.reduce(&state, action) {
                var context = context
                context.project = state.project
                if let result = EffectRunner.run(effect, store: store, context: context) { pending.append(result) }
            }
        }
    }
}
