/// A small JSON tree, built only for bounded subtrees (one SARIF result, one rule), never a whole report.
public enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// The number's text as written, so no precision is lost and huge numbers do not trap.
    case number(String)
    case bool(Bool)
    case null

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(a), .array(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.bool(a), .bool(b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// The member named `key` of an object (the first, if the key repeats).
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Follows a path of object keys.
    public func at(_ keys: String...) -> JSONValue? {
        var current: JSONValue? = self
        for key in keys { current = current?[key] }
        return current
    }

    public var string: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// A string, or a number or bool rendered as text: for fields tools write either way.
    public var text: String? {
        switch self {
        case let .string(s): s
        case let .number(n): n
        case let .bool(b): b ? "true" : "false"
        default: nil
        }
    }

    public var int: Int? {
        switch self {
        case let .number(n): Int(n) ?? Double(n).flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil }
        case let .string(s): Int(s)
        default: nil
        }
    }

    public var double: Double? {
        switch self {
        case let .number(n), let .string(n): Double(n).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    public var bool: Bool? {
        if case let .bool(b) = self { return b }
        return nil
    }

    public var array: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }

    public var members: [(String, JSONValue)]? {
        if case let .object(m) = self { return m }
        return nil
    }
}
