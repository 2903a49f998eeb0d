/// A terminal size in cells.
public struct Size: Sendable, Equatable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The smallest screen the console lays out for (DESIGN.md §7).
    public static let minimum = Size(width: 80, height: 24)

    public var fitsMinimum: Bool { width >= Size.minimum.width && height >= Size.minimum.height }

    public var description: String { "\(width)x\(height)" }

    /// Parses "100x30".
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0, w <= 1000, h <= 1000 else {
            return nil
        }
        self.init(width: w, height: h)
    }
}
