/// A JSON syntax or limit error, with the place it was found.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// Zero-based byte offset in the input.
    public let offset: Int64
    /// One-based line number.
    public let line: Int

    public init(_ message: String, offset: Int64, line: Int) {
        self.message = message
        self.offset = offset
        self.line = line
    }

    public var description: String { "\(message) at line \(line), byte \(offset)" }
}
