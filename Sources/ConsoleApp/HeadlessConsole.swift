import ConsoleUI
import FindingStore
import Findings

/// The console without a terminal: the same reducer, effect loop and views, with store effects run
/// at once on the calling thread. For headless renders, and for timing a key from press to screen.
public struct HeadlessConsole {
    private let loop: ConsoleLoop

    /// Opens `view` as the console would, with its data loaded.
    public init(
        store: FindingStore, view: ViewID, size: Size, glyphs: Glyphs, readOnly: Bool,
        options: HeadlessRender.Options = HeadlessRender.Options(), context: ConsoleContext = ConsoleContext()
    ) {
        var state = AppState(size: size, storePath: store.path, readOnly: readOnly, glyphs: glyphs)
        state.kiosk = options.kiosk
        state.kioskViews = options.kiosk ? [view] : []
        state.models.weights = options.weights
        state.project = options.project
        var context = context
        context.project = options.project
        let loop = ConsoleLoop(state: state, store: store, writer: nil, context: context, execution: .inline)
        self.loop = loop
        loop.dispatch(.tick(context.now()))
        loop.dispatch(.storeChanged)
        loop.state.pivot = options.pivot
        loop.state.findings.sort = options.sort
        switch view {
        case .findings:
            loop.run(Reducer.startFindings(options.filter ?? .empty, origin: .matrix, &loop.state))
            if options.detail { loop.dispatch(.key(.enter)) }
        case .audit:
            if let filter = options.filter {
                loop.state.view = .audit
                loop.state.audit.filter = filter
            }
            loop.run(Reducer.show(.audit, &loop.state))
        case .help:
            loop.state.view = .help
        default:
            loop.run(Reducer.show(view, &loop.state))
            if options.detail, view == .models { loop.dispatch(.key(.enter)) }
        }
    }

    /// A key press, its effects (store reads included) and the screen after it.
    public mutating func press(_ key: Key) -> ScreenBuffer {
        loop.dispatch(.key(key))
        return screen()
    }

    public func screen() -> ScreenBuffer { Renderer.render(loop.state) }
}
