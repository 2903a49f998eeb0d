import GRDB

/// An error a user can cause or meet when using the store: a code, a message that names the file and
/// the fix, and the underlying cause.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Code: Sendable {
        case cannotCreate
        case cannotOpen
        case readOnly
        case conflict
        case notFound
        /// SQLite refused or failed a statement (a full disk, a corrupt page, a lock held too long).
        case database
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

extension StoreError {
    /// SQLite's errors as the store's: GRDB's `DatabaseError` does not leave FindingStore, so
    /// callers catch one type (`StoreError`, code `.database`, the SQLite error as its underlying
    /// cause). Other errors (a parser's, a caller's own) pass through unchanged.
    static func bounded(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        return StoreError(.database, "the store failed: \(error.message ?? "SQLite error \(error.resultCode)")", underlying: error)
    }

    /// Runs `body` with its errors `bounded`.
    @inline(__always)
    static func boundary<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw bounded(error)
        }
    }
}
