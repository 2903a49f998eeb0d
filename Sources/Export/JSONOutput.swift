import Findings
import Foundation

/// Where an export writes: a file or standard output, buffered, written as it goes.
public final class JSONOutput {
    private let handle: FileHandle
    private var buffer = Data()
    /// Output to a terminal passes the sanitiser line by line (CSV and JSON alike): every byte that
    /// reaches a terminal is made safe, in this one place for every command's data output.
    private let toTerminal: Bool

    public init(handle: FileHandle) {
        self.handle = handle
        toTerminal = isatty(handle.fileDescriptor) == 1
    }

    public func raw(_ text: String) throws {
        buffer.append(contentsOf: (toTerminal ? TextSanitizer.sanitizingLines(text) : text).utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    package static func encode(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return TextSanitizer.escapingUnsafeForJSON(String(decoding: data, as: UTF8.self))
    }

    package static func quote(_ text: String) -> String {
        (try? encode([text])).map { String($0.dropFirst().dropLast()) } ?? "\"\""
    }
}
