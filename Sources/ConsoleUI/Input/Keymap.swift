/// What a key does, independent of which key it is.
public enum Command: String, Sendable, CaseIterable {
    case quit
    case moveUp
    case moveDown
    case moveTop
    case moveBottom
    case pageUp
    case pageDown
    case refresh
    case open
    case back
}

/// One key binding: data the reducer, the footer and the help screen all read.
public struct Binding: Sendable, Equatable {
    public var keys: [Key]
    public var command: Command
    public var help: String
    /// Destructive bindings change the store; read-only mode removes every one of them.
    public var destructive: Bool
    /// Shown in the footer of the views it applies to.
    public var inFooter: Bool

    public init(_ keys: [Key], _ command: Command, _ help: String, destructive: Bool = false, inFooter: Bool = true) {
        self.keys = keys
        self.command = command
        self.help = help
        self.destructive = destructive
        self.inFooter = inFooter
    }
}

/// The binding table of one view.
public struct Keymap: Sendable {
    public let bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// The same table without anything that writes.
    public var readOnly: Keymap { Keymap(bindings: bindings.filter { !$0.destructive }) }

    /// Movement and quitting, shared by every view.
    public static let common: [Binding] = [
        Binding([.character("j"), .down], .moveDown, "down", inFooter: false),
        Binding([.character("k"), .up], .moveUp, "up", inFooter: false),
        Binding([.character("g"), .home], .moveTop, "top", inFooter: false),
        Binding([.character("G"), .end], .moveBottom, "bottom", inFooter: false),
        Binding([.pageDown, .control("f")], .pageDown, "page down", inFooter: false),
        Binding([.pageUp, .control("b")], .pageUp, "page up", inFooter: false),
        Binding([.character("r"), .control("l")], .refresh, "refresh"),
        Binding([.character("q"), .control("c")], .quit, "quit"),
    ]

    public static let matrix = Keymap(bindings: [Binding([.enter, .character("l"), .right], .open, "findings of the cell")] + common)

    public static let findings = Keymap(bindings: [Binding([.escape, .character("h"), .left, .backspace], .back, "back to the matrix")] + common)
}
