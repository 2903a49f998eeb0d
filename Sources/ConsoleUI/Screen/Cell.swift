/// One terminal cell: a grapheme (already sanitised), its width, and its style role. The cell to
/// the right of a wide grapheme is a continuation with empty text.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var width: UInt8
    public var role: StyleRole

    public init(text: String, width: UInt8 = 1, role: StyleRole = .normal) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static let blank = Cell(text: " ")

    public var isContinuation: Bool { width == 0 }
}
