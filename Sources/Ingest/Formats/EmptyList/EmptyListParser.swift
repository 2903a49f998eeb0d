import JSONStream

/// `[]`: what hadolint, trufflehog3 and other list-writing tools print for a clean run. The file
/// does not say which tool wrote it, so it cannot say what is now fixed: it is kept as a scan of
/// no tool that resolves nothing (a named clean report, such as checkov's summary-only output or
/// SARIF with empty results, does resolve).
struct EmptyListParser: ReportParser {

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let reader = JSONReader(stream: stream)
        guard try reader.next() == .beginArray, try reader.next() == .endArray, try reader.next() == .end else {
            throw reader.error("expected an empty JSON array")
        }
        try emit(.warning("an empty list names no tool: nothing is resolved by it"))
        try emit(.partial)
    }
}
