/// Line-drawing and bar characters: Unicode when the locale is UTF-8, ASCII otherwise.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: String
    public var bar: String
    public var times: String
    public var ellipsis: String
    public var lock: String
    /// Stands for zero in count columns.
    public var none: String

    public static let unicode = Glyphs(horizontal: "─", bar: "█", times: "×", ellipsis: "…", lock: "RO", none: "·")
    public static let ascii = Glyphs(horizontal: "-", bar: "#", times: "x", ellipsis: "~", lock: "RO", none: ".")
}
