/// Line-drawing and bar characters: Unicode when the locale is UTF-8, ASCII otherwise.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: String
    public var vertical: String
    public var bar: String
    public var barHalf: String
    public var times: String
    public var ellipsis: String
    public var lock: String
    /// Stands for zero in count columns.
    public var none: String

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", bar: "█", barHalf: "▌", times: "×", ellipsis: "…", lock: "RO", none: "·")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", bar: "#", barHalf: "+", times: "x", ellipsis: "~", lock: "RO", none: ".")
}
