/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or a 256-colour index.
public enum Color: Sendable, Equatable, Hashable {
    case terminalDefault
    case ansi(Int)
    case indexed(Int)

    /// The nearest colour a terminal with `colors` colours can show.
    public func fitted(to colors: Int) -> Color {
        switch self {
        case .terminalDefault: return .terminalDefault
        case let .ansi(n): return colors >= 16 ? self : .ansi(n % 8)
        case let .indexed(n):
            if colors >= 256 { return self }
            let basic = Color.nearestANSI(n)
            return colors >= 16 ? .ansi(basic) : .ansi(basic % 8)
        }
    }

    /// Maps a 256-colour index to the nearest of the 16 ANSI colours.
    static func nearestANSI(_ index: Int) -> Int {
        switch index {
        case 0..<16: return index
        case 232...255: return index < 244 ? (index < 238 ? 0 : 8) : (index < 250 ? 7 : 15)
        default:
            let cube = index - 16
            let r = cube / 36
            let g = (cube / 6) % 6
            let b = cube % 6
            let bright = max(r, g, b) >= 4
            let bits = (r >= 2 ? 1 : 0) | (g >= 2 ? 2 : 0) | (b >= 2 ? 4 : 0)
            return bits + (bright && bits != 0 ? 8 : 0)
        }
    }
}

/// How one role looks.
public struct Style: Sendable, Equatable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        _ foreground: Color = .terminalDefault, _ background: Color = .terminalDefault,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

/// Role → style. Views set roles; the terminal asks the theme how each role looks.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style { styles[role] ?? Style() }

    /// Every role drawn plain: the last resort when no theme file can be read.
    public static let plain = Theme(name: "plain", styles: [:])

}
