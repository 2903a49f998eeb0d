/// A pull parser over a `ByteStream`: tokens one at a time, memory bounded by the limits, whatever
/// the input size. Nesting depth, string length and number length are capped with clear errors.
/// Invalid UTF-8 inside a string becomes U+FFFD and parsing goes on.
///
/// Why our own: Foundation's decoders hold the whole document (5–56× its size), and yajl's push
/// callbacks fit Swift's strict concurrency poorly; a pull reader lets format parsers stream
/// `results[]` with ordinary control flow.
public final class JSONReader {
    public enum Token: Equatable {
        case beginObject, endObject, beginArray, endArray
        case key(String)
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        /// The end of the input (after one document, or between documents in multi-document mode).
        case end
    }

    public struct Limits: Sendable {
        public var maxDepth = 512
        public var maxStringBytes = 16 << 20
        public var maxNumberLength = 1024
        public init() {}
    }

    private enum State { case value, objectStart, objectNext, arrayStart, arrayNext, finished }
    private enum Container { case object, array }

    package let stream: ByteStream
    private let limits: Limits
    // The reader's state is touched on every byte and only by the thread that reads (a reader is
    // never shared): Swift's dynamic exclusivity checks on these class properties (a thread-local
    // access set per read or write) took a sixth of the parsers' time, so they are left out.
    @exclusivity(unchecked) private var stack: [Container] = []
    /// The keys seen in each open object: a key twice in one object is an error, since tools and
    /// parsers disagree on which one wins (the last? the first?) and an attacker can use that.
    @exclusivity(unchecked) private var keys: [KeySet] = []
    @exclusivity(unchecked) private var state: State = .value
    @exclusivity(unchecked) private var line = 1
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    /// Accept several documents back to back (checkov, fickling, hadolint codacy).
    public var allowsMultipleDocuments = false
    /// Treat NUL bytes as whitespace: Code Climate engines end every issue with one.
    public var skipsNULBetweenDocuments = false

    public init(stream: ByteStream, limits: Limits = Limits()) {
        self.stream = stream
        self.limits = limits
    }

    public var depth: Int { stack.count }

    package func error(_ message: String) -> JSONError {
        JSONError(message, offset: stream.offset, line: line)
    }

    /// The next token.
    public func next() throws -> Token {
        try skipWhitespace()
        switch state {
        case .value:
            return try value()
        case .objectStart:
            if try stream.peek() == UInt8(ascii: "}") { return try close(.object) }
            return try key()
        case .objectNext:
            switch try stream.nextByte() {
            case UInt8(ascii: ","):
                try skipWhitespace()
                return try key()
            case UInt8(ascii: "}"):
                stream.position -= 1
                return try close(.object)
            default:
                throw error("expected ',' or '}' in an object")
            }
        case .arrayStart:
            if try stream.peek() == UInt8(ascii: "]") { return try close(.array) }
            return try value()
        case .arrayNext:
            switch try stream.nextByte() {
            case UInt8(ascii: ","):
                try skipWhitespace()
                return try value()
            case UInt8(ascii: "]"):
                stream.position -= 1
                return try close(.array)
            default:
                throw error("expected ',' or ']' in an array")
            }
        case .finished:
            guard try stream.peek() != nil else { return .end }
            if allowsMultipleDocuments {
                state = .value
                return .end
            }
            throw error("unexpected data after the end of the JSON document")
        }
    }

    /// True when another document follows (multi-document mode), after `.end`.
    public func hasMoreDocuments() throws -> Bool {
        try skipWhitespace()
        return try stream.peek() != nil
    }

    /// Skips the value that follows a key without decoding it: strings are scanned for their
    /// closing quote and containers by depth, so a sniffer can step over a 500 MB `results` array
    /// at memory speed. The skipped bytes are not validated (the parser that follows does that).
    public func skipValueUnchecked() throws {
        try skipWhitespace()
        guard state == .value, let first = try stream.peek(),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"")
        else {
            try skipValue()
            return
        }
        try scanRaw(toEnclosingClose: false)
        afterValue()
    }

    /// Steps over what is left of the open container without decoding it, up to its closing
    /// bracket, which the next `next()` returns. For a sniffer that read the first element.
    public func skipRestOfContainerUnchecked() throws {
        guard let container = stack.last else { return }
        try scanRaw(toEnclosingClose: true)
        state = container == .object ? .objectNext : .arrayNext
    }

    /// Moves over raw bytes, tracking strings and nesting only. `toEnclosingClose`: stops at the
    /// bracket that closes the container the scan started in, left unread. Otherwise: stops after
    /// the one value that starts here (a string or a container).
    private func scanRaw(toEnclosingClose: Bool) throws {
        var depth = 0
        var inString = false
        var escaped = false
        while try stream.ensure() {
            let end = stream.end
            var index = stream.position
            while index < end {
                let b = stream.buffer[index]
                index += 1
                if inString {
                    if escaped {
                        escaped = false
                    } else if b == UInt8(ascii: "\\") {
                        escaped = true
                    } else if b == UInt8(ascii: "\"") {
                        inString = false
                        if !toEnclosingClose, depth == 0 {
                            stream.position = index
                            return
                        }
                    }
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if toEnclosingClose, depth == 0 {
                        stream.position = index - 1
                        return
                    }
                    depth -= 1
                    if !toEnclosingClose, depth == 0 {
                        stream.position = index
                        return
                    }
                case 0x0A: line += 1
                default: break
                }
            }
            stream.position = index
        }
        throw error("unexpected end of input (truncated file?)")
    }

    private func close(_ container: Container) throws -> Token {
        _ = try stream.nextByte()
        if stack.removeLast() == .object { keys.removeLast() }
        afterValue()
        return container == .object ? .endObject : .endArray
    }

    private func afterValue() {
        switch stack.last {
        case .object?: state = .objectNext
        case .array?: state = .arrayNext
        case nil: state = .finished
        }
    }

    private func key() throws -> Token {
        guard try stream.nextByte() == UInt8(ascii: "\"") else { throw error("expected a quoted key in an object") }
        let name = try stringBody()
        if !keys.isEmpty, !keys[keys.count - 1].insert(name) {
            throw error("duplicate key \"\(name.prefix(40))\" in an object")
        }
        try skipWhitespace()
        guard try stream.nextByte() == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(name.prefix(40))\"") }
        state = .value
        return .key(name)
    }

    private func value() throws -> Token {
        guard let byte = try stream.peek() else {
            throw error(stack.isEmpty && state == .value ? "empty input: no JSON value" : "unexpected end of input (truncated file?)")
        }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard stack.count < limits.maxDepth else { throw error("limit: nesting deeper than \(limits.maxDepth) levels") }
            stream.position += 1
            let isObject = byte == UInt8(ascii: "{")
            stack.append(isObject ? .object : .array)
            if isObject { keys.append(KeySet()) }
            state = isObject ? .objectStart : .arrayStart
            return isObject ? .beginObject : .beginArray
        case UInt8(ascii: "\""):
            stream.position += 1
            let text = try stringBody()
            afterValue()
            return .string(text)
        case UInt8(ascii: "t"):
            try literal("true")
            afterValue()
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            afterValue()
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            afterValue()
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let text = try number()
            afterValue()
            return .number(text)
        default:
            throw error("unexpected character '\(Unicode.Scalar(byte).escaped(asASCII: true))' where a value should be")
        }
    }

    private func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard try stream.nextByte() == expected else { throw error("invalid literal, expected '\(word)'") }
        }
    }

    private func number() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        func digits() throws -> Int {
            var count = 0
            while let b = try stream.peek(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                try take(b)
                count += 1
            }
            return count
        }
        if try stream.peek() == UInt8(ascii: "-") { try take(UInt8(ascii: "-")) }
        if try stream.peek() == UInt8(ascii: "0") {
            try take(UInt8(ascii: "0"))
            if let b = try stream.peek(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                throw error("invalid number: leading zero")
            }
        } else if try digits() == 0 {
            throw error("invalid number: no digits")
        }
        if try stream.peek() == UInt8(ascii: ".") {
            try take(UInt8(ascii: "."))
            guard try digits() > 0 else { throw error("invalid number: no digits after '.'") }
        }
        if let b = try stream.peek(), b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            try take(b)
            if let sign = try stream.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { try take(sign) }
            guard try digits() > 0 else { throw error("invalid number: no digits in the exponent") }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    @inline(__always)
    private func take(_ byte: UInt8) throws {
        stream.position += 1
        guard scratch.count < limits.maxNumberLength else {
            throw error("limit: number longer than \(limits.maxNumberLength) characters")
        }
        scratch.append(byte)
    }

    /// Reads a string after its opening quote.
    private func stringBody() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard try stream.ensure() else { throw error("unexpected end of input inside a string (truncated file?)") }
            // Copy the plain run in one go.
            let start = stream.position
            var index = start
            let end = stream.end
            while index < end {
                let b = stream.buffer[index]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                index += 1
            }
            if index > start {
                guard scratch.count + (index - start) <= limits.maxStringBytes else {
                    throw error("limit: string longer than \(limits.maxStringBytes) bytes")
                }
                scratch.append(contentsOf: stream.buffer[start..<index])
                stream.position = index
                continue
            }
            let b = stream.buffer[index]
            stream.position += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape()
            default:
                if b == 0x0A { line += 1 }
                throw error("unescaped control character 0x\(String(b, radix: 16)) inside a string")
            }
        }
    }

    private func escape() throws {
        guard let b = try stream.nextByte() else { throw error("unexpected end of input in an escape") }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(b)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low one; otherwise it is replaced.
                if try stream.peek() == UInt8(ascii: "\\") {
                    stream.position += 1
                    guard try stream.nextByte() == UInt8(ascii: "u") else { throw error("invalid escape after a surrogate") }
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        appendScalar(0xFFFD)
                        scalar = low
                    }
                } else {
                    scalar = 0xFFFD
                }
            }
            appendScalar(scalar)
        default:
            throw error("invalid escape '\\\(Unicode.Scalar(b).escaped(asASCII: true))' in a string")
        }
    }

    private func appendScalar(_ value: UInt32) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = try stream.nextByte() else { throw error("unexpected end of input in a \\u escape") }
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in a \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    package func skipWhitespace() throws {
        while try stream.ensure() {
            let b = stream.buffer[stream.position]
            switch b {
            case 0x20, 0x09, 0x0D: stream.position += 1
            case 0x00 where skipsNULBetweenDocuments && stack.isEmpty: stream.position += 1
            case 0x0A:
                line += 1
                stream.position += 1
            default: return
            }
        }
    }
}

/// The keys of one object, compared exactly: a short list while the object is small (most are:
/// no hashing, no set per object), a set once it is large (so a hostile object of 10^6 keys stays
/// linear).
package struct KeySet {
    private var small: [String] = []
    private var large: Set<String>?

    /// False when the key was already there.
    package mutating func insert(_ key: String) -> Bool {
        if large != nil { return large?.insert(key).inserted ?? false }
        if small.contains(key) { return false }
        small.append(key)
        if small.count > 16 {
            large = Set(small)
            small = []
        }
        return true
    }
}
