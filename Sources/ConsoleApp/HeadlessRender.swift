import ConsoleUI
import FindingStore
import Findings

/// Renders a view without a terminal, through the same reducer, effects and views as the console.
public enum HeadlessRender {
    public static func render(store: FindingStore, view: ViewID, size: Size, glyphs: Glyphs, readOnly: Bool,
                              threat: Threat? = nil) -> ScreenBuffer {
        var state = AppState(size: size, storePath: store.path, readOnly: readOnly, glyphs: glyphs)
        state.view = view
        state.findings = FindingListState(threat: threat)
        var pending: [Action] = [.storeChanged]
        while !pending.isEmpty {
            let action = pending.removeFirst()
            for effect in Reducer.reduce(&state, action) {
                if let result = EffectRunner.run(effect, store: store) { pending.append(result) }
            }
        }
        return Renderer.render(state)
    }
}
