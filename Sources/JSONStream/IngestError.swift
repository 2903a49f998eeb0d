/// Why a report could not be ingested: a code, the file, the place, and what to do.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadable = "unreadable"
        case unrecognisedFormat = "unrecognised format"
        case malformed = "malformed"
        case limit = "limit exceeded"
        case store = "store error"
    }

    public let code: Code
    public var file: String
    public var message: String
    /// Byte offset and line of the problem, when known.
    public let offset: Int64?
    public let line: Int?

    public init(_ code: Code, file: String, _ message: String, offset: Int64? = nil, line: Int? = nil) {
        self.code = code
        self.file = file
        self.message = message
        self.offset = offset
        self.line = line
    }

    /// The place, as "line 3, byte 120", or "" when unknown.
    public var place: String {
        switch (line, offset) {
        case let (line?, offset?): "line \(line), byte \(offset)"
        case let (nil, offset?): "byte \(offset)"
        case let (line?, nil): "line \(line)"
        default: ""
        }
    }

    /// One line: `FILE: CODE: MESSAGE at PLACE`.
    public var description: String {
        let at = place.isEmpty ? "" : " at \(place)"
        return "\(file): \(code.rawValue): \(message)\(at)"
    }

    /// Wraps a JSON error with the file it came from.
    package static func json(_ error: JSONError, file: String) -> IngestError {
        let code: Code = error.message.hasPrefix("limit:") ? .limit : .malformed
        return IngestError(code, file: file, error.message, offset: error.offset, line: error.line)
    }
}
