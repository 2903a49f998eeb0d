import Findings

/// The views of the console.
public enum ViewID: String, Sendable, CaseIterable {
    case matrix
    case findings
}

/// Everything the console shows, as a value: render(state) draws it, reduce(state, action) changes it.
public struct AppState: Sendable, Equatable {
    public var size: Size
    public var view: ViewID = .matrix
    public var storePath: String
    public var readOnly: Bool
    public var glyphs: Glyphs
    public var matrix = MatrixSummary()
    /// True until the first summary arrives, so an empty store and a loading one look different.
    public var loading = true
    /// Row of the matrix cursor, an index into `Threat.matrixOrder`.
    public var matrixCursor = 0
    /// The findings list, when it is open (Enter on a matrix cell).
    public var findings = FindingListState(threat: nil)
    public var flash: Flash?
    public var ingestStatus = "idle"
    public var quitRequested = false

    public init(size: Size, storePath: String, readOnly: Bool = false, glyphs: Glyphs = .unicode) {
        self.size = size
        self.storePath = storePath
        self.readOnly = readOnly
        self.glyphs = glyphs
    }

    /// The bindings of the focused view, with destructive ones removed in read-only mode.
    public var keymap: Keymap {
        let map: Keymap
        switch view {
        case .matrix: map = .matrix
        case .findings: map = .findings
        }
        return readOnly ? map.readOnly : map
    }
}

/// A short message in the status line: a result or an error.
public struct Flash: Sendable, Equatable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
