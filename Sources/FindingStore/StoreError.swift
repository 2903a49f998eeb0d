/// An error a user can cause or meet when using the store: a code, a message that names the file and
/// the fix, and the underlying cause.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Code: Sendable {
        case cannotCreate
        case cannotOpen
        case readOnly
        case conflict
        case notFound
    }

    public let code: Code
    public let message: String
    public let underlying: (any Error)?

    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        guard let underlying else { return message }
        return "\(message) (\(underlying))"
    }
}
