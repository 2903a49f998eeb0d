/// Line-drawing and bar characters: Unicode when the locale is UTF-8, ASCII otherwise.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: String
    public var vertical: String
    public var bar: String
    public var times: String
    public var ellipsis: String
    public var lock: String
    /// Stands for zero in count columns.
    public var none: String
    public var arrow: String
    public var sortDown: String
    public var sortUp: String
    /// Eight levels, lowest first, for sparklines.
    public var spark: [String]
    public var dot: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", bar: "█", times: "×", ellipsis: "…", lock: "RO", none: "·",
        arrow: "→", sortDown: "▼", sortUp: "▲", spark: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        dot: "·")
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", bar: "#", times: "x", ellipsis: "~", lock: "RO", none: ".",
        arrow: "->", sortDown: "v", sortUp: "^", spark: ["_", ".", ",", "-", "=", "+", "*", "#"],
        dot: "-")
}
