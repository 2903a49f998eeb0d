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

        public init(
            filter: FindingFilter? = nil, detail: Bool = false, pivot: Bool = false, sort: FindingSort = .severity,
            weights: RiskWeights = .standard
        ) {
            self.weights = weights
            self.filter = filter
            self.detail = detail
            self.pivot = pivot
            self.sort = sort
        }
    }

    public static func render(
        store: FindingStore, view: ViewID, size: Size, glyphs: Glyphs, readOnly: Bool,
        options: Options = Options(), context: ConsoleContext = ConsoleContext()
    ) -> ScreenBuffer {
        HeadlessConsole(store: store, view: view, size: size, glyphs: glyphs, readOnly: readOnly, options: options, context: context)
            .screen()
    }
}
