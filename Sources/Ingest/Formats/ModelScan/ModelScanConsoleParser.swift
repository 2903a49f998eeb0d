import Findings
import JSONStream

/// `modelscan -r json` without `-o`: the JSON report goes to the console, after modelscan's log
/// lines ("No settings file detected…", "Scanning … using … model scan"), and its console (rich)
/// wraps it at the terminal's width, 80 columns in a pipe, inserting line breaks anywhere, inside
/// strings too. A CI step that redirects that to a file writes this. JSON escapes every line break
/// it holds, so the raw ones are the console's: they are dropped and the rest is ModelScan's JSON.
struct ModelScanConsoleParser: ReportParser {
    let mapping: MappingRules
    /// The JSON of one run, held to be unwrapped: ModelScan reports are small; this bounds a
    /// mistaken input.
    static let maxJSONBytes = 256 << 20

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        var lineNumber = 0
        var json: [UInt8]?
        while let (bytes, _) = try stream.readLine(limit: 64 * 1024) {
            lineNumber += 1
            if ModelScanConsoleParser.opensReport(bytes) {
                json = bytes
                break
            }
            guard ModelScanConsoleParser.isLogLine(bytes) else {
                throw IngestError(.malformed, file: context.file, "not a line modelscan writes before its report", line: lineNumber)
            }
        }
        guard var unwrapped = json else {
            throw IngestError(.malformed, file: context.file, "modelscan's console output without its JSON report (cut short?)", line: lineNumber)
        }
        while let byte = try stream.nextByte() {
            if byte == 0x0A || byte == 0x0D { continue }
            unwrapped.append(byte)
            if unwrapped.count > ModelScanConsoleParser.maxJSONBytes {
                throw IngestError(.limit, file: context.file, "a ModelScan report of more than 256 MiB on the console")
            }
        }
        try ModelScanParser(mapping: mapping).parse(ByteStream(bytes: unwrapped), context: context, emit: emit)
    }

    /// True when the text is modelscan's console log followed by its JSON report.
    static func fits(_ stream: ByteStream) throws -> Bool {
        var sawLog = false
        while let (bytes, truncated) = try stream.readLine(limit: 64 * 1024) {
            guard !truncated else { return false }
            if opensReport(bytes) { return sawLog }
            guard isLogLine(bytes) else { return false }
            if !isBlank(bytes) { sawLog = true }
        }
        return false
    }

    /// Spaces only (rich pads its lines; readLine has taken a CRLF's CR off).
    static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 }
    }

    /// The first line of the report: `{"summary": {`.
    static func opensReport(_ line: [UInt8]) -> Bool {
        line.starts(with: Array(#"{"summary":"#.utf8))
    }

    /// What modelscan logs to the console before the report; blank lines between.
    static func isLogLine(_ line: [UInt8]) -> Bool {
        if isBlank(line) { return true }
        let text = String(decoding: line, as: UTF8.self)
        let prefixes = ["No settings file detected at ", "Detected settings file", "Scanning ", "Total skipped: ", "Skipping "]
        return prefixes.contains { text.hasPrefix($0) }
    }
}
