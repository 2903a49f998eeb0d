extension JSONReader {
    /// Reads the whole value that starts at the next token as a tree. Use only for bounded
    /// subtrees: the caller picks what to materialise.
    public func readValue() throws -> JSONValue {
        try value(from: next())
    }

    package func value(from token: Token) throws -> JSONValue {
        switch token {
        case .beginObject:
            var members: [(String, JSONValue)] = []
            while true {
                let t = try next()
                if t == .endObject { return .object(members) }
                guard case let .key(name) = t else { throw error("expected a key") }
                members.append((name, try readValue()))
            }
        case .beginArray:
            var items: [JSONValue] = []
            while true {
                let t = try next()
                if t == .endArray { return .array(items) }
                items.append(try value(from: t))
            }
        case let .string(s): return .string(s)
        case let .number(n): return .number(n)
        case let .bool(b): return .bool(b)
        case .null: return .null
        case .end, .endObject, .endArray, .key:
            throw error("expected a value")
        }
    }

    /// Skips the value that starts at the next token, without building it.
    public func skipValue() throws {
        try skip(from: next())
    }

    package func skip(from token: Token) throws {
        guard token == .beginObject || token == .beginArray else {
            if token == .end || token == .endObject || token == .endArray { throw error("expected a value") }
            return
        }
        let target = depth - 1
        while depth > target {
            if try next() == .end { throw error("unexpected end of input (truncated file?)") }
        }
    }

    /// Calls `body` with each key of the object that starts at the next token; `body` must consume
    /// the key's value (read or skip it).
    public func forEachMember(_ body: (String) throws -> Void) throws {
        guard try next() == .beginObject else { throw error("expected an object") }
        while true {
            let t = try next()
            if t == .endObject { return }
            guard case let .key(name) = t else { throw error("expected a key") }
            let before = depth
            try body(name)
            guard depth == before else { throw error("internal: member '\(name)' was not consumed") }
        }
    }

    /// Calls `body` for each element of the array that starts at the next token; `body` must
    /// consume the element. A `null` instead of an array counts as empty; the result says whether
    /// there was an array.
    @discardableResult
    public func forEachElement(_ body: () throws -> Void) throws -> Bool {
        let first = try next()
        if first == .null { return false }
        guard first == .beginArray else { throw error("expected an array") }
        while true {
            if try peekEndOfArray() { return true }
            try body()
        }
    }

    /// Consumes `]` when it is next.
    private func peekEndOfArray() throws -> Bool {
        try skipWhitespace()
        guard try stream.peek() == UInt8(ascii: "]") else { return false }
        _ = try next()
        return true
    }
}

extension JSONReader {
    /// `forEachMember`, failing with "not WHAT: no "KEY"" when the object lacks the key the format
    /// is recognised by.
    public func forEachMember(requiring required: String, in what: String, _ body: (String) throws -> Void) throws {
        var seen = false
        try forEachMember { key in
            if key == required { seen = true }
            try body(key)
        }
        if !seen { throw error("not \(what): no \"\(required)\"") }
    }
}
