import Foundation

/// Buffered bytes from a file descriptor or memory, read forward once: the parsers' only input.
public final class ByteStream {
    private let fd: Int32?
    private let ownsFD: Bool
    // Read on every byte by the one thread that owns the stream: no dynamic exclusivity checks
    // (JSONReader says why).
    @exclusivity(unchecked) package var buffer: [UInt8]
    @exclusivity(unchecked) package var position = 0
    @exclusivity(unchecked) package var end: Int
    /// Bytes consumed before the current buffer.
    @exclusivity(unchecked) private(set) var base: Int64 = 0
    @exclusivity(unchecked) private var eof: Bool
    package static let chunk = 1 << 16

    /// The largest report mlsoc reads: `MLSOC_MAX_REPORT_BYTES`, default 16 GiB.
    public static let maxFileBytes: Int64 = ProcessInfo.processInfo.environment["MLSOC_MAX_REPORT_BYTES"].flatMap(Int64.init) ?? 16 << 30

    /// Reads a regular file, and nothing else: a FIFO would block `open` (and a watcher with it)
    /// forever, a device such as /dev/zero never ends. The file is opened non-blocking, checked
    /// with fstat on the descriptor itself (no race with a swap after a stat), then read blocking.
    /// Throws a clear error naming the file when it cannot be opened, is not a regular file, or is
    /// larger than `limit` bytes.
    public init(path: String, limit: Int64 = ByteStream.maxFileBytes) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        if fd < 0 {
            throw IngestError(.unreadable, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw IngestError(.unreadable, file: path, "cannot stat: \(reason)")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw IngestError(.unreadable, file: path, "refused: \(ByteStream.kind(info.st_mode)), not a regular file (only regular files are read)")
        }
        guard Int64(info.st_size) <= limit else {
            close(fd)
            throw IngestError(.limit, file: path, "refused: \(info.st_size) bytes, more than the \(limit) this reads (MLSOC_MAX_REPORT_BYTES)")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.fd = fd
        ownsFD = true
        buffer = [UInt8](repeating: 0, count: ByteStream.chunk)
        end = 0
        eof = false
    }

    /// A small file (config, mapping rules) read whole, with the same checks as a report: a regular
    /// file of at most `limit` bytes. Nil when `optional` and there is no file at `path`.
    public static func readSmallFile(_ path: String, limit: Int64 = 16 << 20, optional: Bool) throws -> [UInt8]? {
        var info = stat()
        if stat(path, &info) != 0, errno == ENOENT, optional { return nil }
        let stream = try ByteStream(path: path, limit: limit)
        var bytes: [UInt8] = []
        while try stream.ensure() {
            bytes.append(contentsOf: stream.buffer[stream.position..<stream.end])
            stream.position = stream.end
        }
        return bytes
    }

    /// What a file type is, in words.
    package static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }

    /// A report to parse: like `init(path:)`, with a UTF-8 byte-order mark at the start skipped
    /// (editors on Windows write one; the hash still covers the file's every byte).
    public static func report(path: String) throws -> ByteStream {
        let stream = try ByteStream(path: path)
        try stream.skipByteOrderMark()
        return stream
    }

    /// Skips a UTF-8 BOM at the very start (the first read of a regular file holds at least 3
    /// bytes unless the file is shorter).
    package func skipByteOrderMark() throws {
        guard offset == 0, try ensure() else { return }
        if end - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF { position += 3 }
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
    package func ensure() throws -> Bool {
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
