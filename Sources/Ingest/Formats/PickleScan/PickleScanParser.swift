import Findings
import Foundation
import JSONStream

/// picklescan's text output: one line per dangerous import, `ERROR:`/`WARNING:` lines, and a
/// `SCAN SUMMARY`. Dangerous globals are critical; a suspicious count with no detail is a warning.
struct PickleScanParser: ReportParser {
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
            } else if line.hasPrefix("Suspicious globals:"),
                let count = Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? ""), count > 0
            {
                try emit(.warning("picklescan counts \(count) suspicious globals it does not list (rerun with --strict to see them)"))
            } else if let finding = finding(line, factory: factory) {
                try emit(.finding(finding))
            }
        }
        if !sawSummary {
            throw IngestError(.malformed, file: context.file, "picklescan output without its SCAN SUMMARY (truncated?)", line: lineNumber)
        }
    }

    /// True when every line of the text is one picklescan writes and the summary banner is there:
    /// a README or a log that quotes picklescan output has other lines, and is not a report.
    static func fits(_ stream: ByteStream) throws -> Bool {
        var sawSummary = false
        var lines = 0
        while let (bytes, truncated) = try stream.readLine(limit: 64 * 1024) {
            lines += 1
            guard !truncated, let line = String(validating: bytes, as: UTF8.self) else { return false }
            let text = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if text == "----------- SCAN SUMMARY -----------" {
                sawSummary = true
                continue
            }
            if summaryCount(text) != nil || text.hasPrefix("ERROR: ") || text.hasPrefix("WARNING: ") { continue }
            guard importLine(text) != nil else { return false }
        }
        return sawSummary && lines > 0
    }

    /// `Scanned files: 4`, `Infected files: 3`, `Dangerous globals: 3`, `Suspicious globals: 0`.
    static func summaryCount(_ line: String) -> Int? {
        let labels = ["Scanned files: ", "Infected files: ", "Dangerous globals: ", "Suspicious globals: "]
        guard let label = labels.first(where: line.hasPrefix) else { return nil }
        return Int(line.dropFirst(label.count))
    }

    /// The parts of `PATH[:MEMBER]: dangerous|suspicious import 'MODULE NAME' FOUND[ (promoted by --strict)]`.
    static func importLine(_ line: String) -> (location: String, safety: String, module: String, name: String, promoted: Bool)? {
        for safety in ["dangerous", "suspicious"] {
            guard let marker = line.range(of: ": \(safety) import '") else { continue }
            let location = String(line[..<marker.lowerBound])
            var rest = line[marker.upperBound...]
            let promoted = rest.hasSuffix(" (promoted by --strict)")
            if promoted { rest = rest.dropLast(" (promoted by --strict)".count) }
            guard !location.isEmpty, rest.hasSuffix("' FOUND") else { return nil }
            let parts = rest.dropLast("' FOUND".count).split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].contains("'") else { return nil }
            return (location, safety, parts[0], parts[1], promoted)
        }
        return nil
    }

    /// `PATH[:MEMBER]: dangerous import 'MODULE NAME' FOUND[ (promoted by --strict)]`
    private func finding(_ line: String, factory: FindingFactory) -> Finding? {
        guard let found = PickleScanParser.importLine(line) else { return nil }
        let suspicious = found.promoted || found.safety == "suspicious"
        let global = "\(found.module).\(found.name)"
        return factory.make(
            FindingFactory.Draft(
                tool: "picklescan", ruleID: global, title: "\(suspicious ? "Suspicious" : "Dangerous") import \(global) in a pickle",
                message: "\(found.location): \(suspicious ? "suspicious" : "dangerous") import '\(found.module) \(found.name)'",
                severity: suspicious ? .medium : .critical, artifact: found.location, location: Location(path: found.location),
                identity: [found.location]
            ))
    }
}
