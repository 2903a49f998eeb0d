import Findings
import Foundation

/// picklescan's text output: one line per dangerous import, `ERROR:`/`WARNING:` lines, and a
/// `SCAN SUMMARY`. Dangerous globals are critical; a suspicious count with no detail is a warning.
struct PickleScanParser: ReportParser {
    static let format = "picklescan"
    let mapping: MappingRules
    static let marker = ": dangerous import '"

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "picklescan", version: nil))
        var lineNumber = 0
        var sawSummary = false
        while let (bytes, truncated) = try stream.readLine(limit: 64 * 1024) {
            lineNumber += 1
            if truncated { throw IngestError(.limit, file: context.file, "line longer than 64 KiB", line: lineNumber) }
            let line = String(decoding: bytes, as: UTF8.self)
            if line.hasPrefix("ERROR:") || line.hasPrefix("WARNING:") {
                try emit(.warning(line))
            } else if line.contains("SCAN SUMMARY") {
                sawSummary = true
            } else if line.hasPrefix("Suspicious globals:"), let count = Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? ""), count > 0 {
                try emit(.warning("picklescan counts \(count) suspicious globals it does not list (rerun with --strict to see them)"))
            } else if let finding = finding(line, factory: factory) {
                try emit(.finding(finding))
            }
        }
        if !sawSummary { throw IngestError(.malformed, file: context.file, "picklescan output without its SCAN SUMMARY (truncated?)", line: lineNumber) }
    }

    /// `PATH[:MEMBER]: dangerous import 'MODULE NAME' FOUND[ (promoted by --strict)]`
    private func finding(_ line: String, factory: FindingFactory) -> Finding? {
        guard let marker = line.range(of: PickleScanParser.marker), line.contains("' FOUND") else { return nil }
        let location = String(line[..<marker.lowerBound])
        let rest = line[marker.upperBound...]
        guard let quote = rest.firstIndex(of: "'") else { return nil }
        let parts = rest[..<quote].split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let promoted = line.hasSuffix("(promoted by --strict)")
        let global = "\(parts[0]).\(parts[1])"
        return factory.make(FindingFactory.Draft(
            tool: "picklescan", ruleID: global, title: "Dangerous import \(global) in a pickle",
            message: "\(location): \(promoted ? "suspicious" : "dangerous") import '\(parts[0]) \(parts[1])'",
            severity: promoted ? .medium : .critical, artifact: location, location: Location(path: location),
            identity: [location]
        ))
    }
}
