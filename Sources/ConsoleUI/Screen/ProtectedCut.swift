/// A value that had to be shown whole and was not, and where.
public struct ProtectedCut: Sendable, Equatable, CustomStringConvertible {
    public var value: String
    public var x: Int
    public var y: Int

    public var description: String { "\"\(value)\" at column \(x), row \(y)" }
}
