/// Reads a JSONL stream one value per line: blank lines skipped; a line over `limit` bytes, or
/// one that is not exactly one JSON value, stops with an error naming the file and the line.
package enum JSONLines {
    package static func forEach(_ stream: ByteStream, file: String, limit: Int, _ body: (_ line: Int, _ value: JSONValue) throws -> Void) throws {
        var lineNumber = 0
        while let (bytes, truncated) = try stream.readLine(limit: limit) {
            lineNumber += 1
            if truncated { throw IngestError(.limit, file: file, "line longer than \(limit >> 20) MiB", line: lineNumber) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let value: JSONValue
            do {
                let reader = JSONReader(stream: ByteStream(bytes: bytes))
                value = try reader.readValue()
                guard try reader.next() == .end else { throw reader.error("more than one JSON value on the line") }
            } catch let error as JSONError {
                throw IngestError(.malformed, file: file, "\(error.message) (column \(error.offset + 1))", line: lineNumber)
            }
            try body(lineNumber, value)
        }
    }
}
