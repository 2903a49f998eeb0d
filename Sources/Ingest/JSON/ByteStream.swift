import Foundation

/// Buffered bytes from a file descriptor or memory, read forward once: the parsers' only input.
public final class ByteStream {
    private let fd: Int32?
    private let ownsFD: Bool
    var buffer: [UInt8]
    var position = 0
    var end: Int
    /// Bytes consumed before the current buffer.
    private(set) var base: Int64 = 0
    private var eof: Bool
    static let chunk = 1 << 16

    /// Reads a file; throws a clear error when it cannot be opened.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw IngestError(.unreadable, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        ownsFD = true
        buffer = [UInt8](repeating: 0, count: ByteStream.chunk)
        end = 0
        eof = false
    }

    /// Reads bytes held in memory (tests, small documents).
    public init(bytes: [UInt8]) {
        fd = nil
        ownsFD = false
        buffer = bytes
        end = bytes.count
        eof = true
    }

    deinit {
        if ownsFD, let fd { close(fd) }
    }

    /// Offset of the next byte from the start of the input.
    public var offset: Int64 { base + Int64(position) }

    /// Refills when the buffer is used up; false at end of input.
    @inline(__always)
    func ensure() throws -> Bool {
        if position < end { return true }
        return try refill()
    }

    private func refill() throws -> Bool {
        guard !eof, let fd else { return false }
        base += Int64(end)
        position = 0
        end = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, ByteStream.chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError(.unreadable, file: "", "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 {
                eof = true
                return false
            }
            end = count
            return true
        }
    }

    /// The next byte without consuming it, or nil at the end.
    @inline(__always)
    public func peek() throws -> UInt8? {
        try ensure() ? buffer[position] : nil
    }

    /// Consumes and returns the next byte, or nil at the end.
    @inline(__always)
    public func nextByte() throws -> UInt8? {
        guard try ensure() else { return nil }
        let byte = buffer[position]
        position += 1
        return byte
    }

    /// Reads the next line without its terminator (for line formats); nil at the end. Lines longer
    /// than `limit` bytes are cut there and flagged.
    public func readLine(limit: Int) throws -> (bytes: [UInt8], truncated: Bool)? {
        guard try ensure() else { return nil }
        var line = [UInt8]()
        var truncated = false
        while try ensure() {
            let byte = buffer[position]
            position += 1
            if byte == 0x0A { break }
            if line.count < limit {
                line.append(byte)
            } else {
                truncated = true
            }
        }
        if line.last == 0x0D { line.removeLast() }
        return (line, truncated)
    }
}
