/// A decoded key press, independent of the terminal library.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// Text that arrived as one paste (bracketed paste, or typed keys the run loop gathered while
    /// a line editor is open): inserted in one edit.
    case paste(String)

    /// How help and footers show the key; arrows as words when the glyphs are ASCII.
    public func label(_ glyphs: Glyphs) -> String {
        guard glyphs.arrow != "→" else { return description }
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return description
        }
    }

    /// How help and footers show the key.
    public var description: String {
        switch self {
        case let .character(c): c == " " ? "space" : String(c)
        case let .control(c): "ctrl-\(c)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "BS"
        case .delete: "Del"
        case let .function(n): "F\(n)"
        case .paste: "paste"
        }
    }
}
