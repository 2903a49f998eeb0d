import Findings

/// How a cell's text gives way when its column is narrower than the text.
enum Cut: Equatable {
    /// Never cut: the column is as wide as its widest value (states, severities, scores, counts).
    case never
    /// Cut in the middle, so the start and the end both stay (`fraud-…-v2.json`); a trailing
    /// `:line` or `:line:column` is always kept whole.
    case middle
    /// Cut at the end (titles and free text, where the start says most).
    case end
}

/// One column of a table: a title, the widths it may take, how important it is, and how its text
/// gives way. `Table.layout` gives it a `width`.
struct Column {
    var title: String
    /// The width assigned by the layout (0: not shown).
    var width: Int
    var minWidth: Int
    var maxWidth: Int
    /// Lower is more important: when the minimums do not fit, the highest priority number goes first.
    var priority: Int
    /// Takes the room left once every other column has its natural width.
    var flex: Bool
    /// A flexible column grows to this width in its priority's turn, before less important
    /// columns reach their natural widths (so a title is not starved by a long location).
    var preferred: Int
    var alignRight: Bool
    var cut: Cut

    init(
        _ title: String, min minWidth: Int, max maxWidth: Int = Int.max, priority: Int = 1, flex: Bool = false, preferred: Int = 0,
        alignRight: Bool = false, cut: Cut = .middle
    ) {
        self.preferred = preferred
        self.title = title
        self.width = 0
        self.minWidth = minWidth
        self.maxWidth = maxWidth
        self.priority = priority
        self.flex = flex
        self.alignRight = alignRight
        self.cut = cut
    }

    /// A value that is never cut: a state, a severity, a count, a score.
    static func whole(_ title: String, priority: Int = 0, alignRight: Bool = false) -> Column {
        Column(title, min: 1, priority: priority, alignRight: alignRight, cut: .never)
    }

    /// A fixed width column (dates, sparklines) at a priority.
    static func fixed(_ title: String, _ width: Int, priority: Int = 1, alignRight: Bool = false) -> Column {
        Column(title, min: width, max: width, priority: priority, alignRight: alignRight, cut: .end)
    }
}
