import Findings

/// A report the inbox refused, with the reason from its `.error` file.
public struct QuarantinedFile: Sendable, Equatable {
    public var name: String
    public var reason: String
    public var modified: Int64

    public init(name: String, reason: String, modified: Int64) {
        self.name = name
        self.reason = reason
        self.modified = modified
    }
}
