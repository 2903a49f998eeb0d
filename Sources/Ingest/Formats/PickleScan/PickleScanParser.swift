import Findings
import Foundation
import JSONStream

/// picklescan's text output: one line per dangerous import, `ERROR:`/`WARNING:` lines, and a
/// `SCAN SUMMARY`. Dangerous globals are critical; a suspicious count with no detail is a warning.
///
/// The same tool with other flags writes more (all of it read, none of it a finding): `-g` lists
/// every global after the summary, without its file; `-l DEBUG` logs each file it opens, each
/// archive member and a traceback for each error; `-l WARNING` or above leaves out the summary.
/// With `-l DEBUG` the files scanned are known (`scan_bytes(PATH)`), so the report covers them and
/// resolves what a clean rescan no longer finds, except in files it could not fully parse.
/// Without the summary, the findings are kept and nothing is resolved.
struct PickleScanParser: ReportParser {
    let mapping: MappingRules
    static let marker = ": dangerous import '"
    static let banner = "----------- SCAN SUMMARY -----------"

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "picklescan", version: nil))
        var lineNumber = 0
        var sawSummary = false
        var suspiciousCount = 0
        var suspiciousNames: [String] = []
        var scanned: [String] = []
        var unreadable = Set<String>()
        var traceback = PickleScanParser.Traceback()
        while let (bytes, truncated) = try stream.readLine(limit: 64 * 1024) {
            lineNumber += 1
            if truncated { throw IngestError(.limit, file: context.file, "line longer than 64 KiB", line: lineNumber) }
            let line = String(decoding: bytes, as: UTF8.self)
            if traceback.takes(line) { continue }
            if line.hasPrefix("ERROR:") || line.hasPrefix("WARNING:") || PickleScanParser.isInvalidMember(line) {
                if let file = PickleScanParser.notFullyRead(line) { unreadable.insert(Coverage.container(file)) }
                try emit(.warning(line))
            } else if line == PickleScanParser.banner {
                sawSummary = true
            } else if line.hasPrefix("Suspicious globals:"),
                let count = Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "")
            {
                suspiciousCount = count
            } else if let (name, safety) = PickleScanParser.listedGlobal(line) {
                if safety == "suspicious", !suspiciousNames.contains(name) { suspiciousNames.append(name) }
            } else if let file = PickleScanParser.scannedFile(line) {
                scanned.append(file)
            } else if let finding = finding(line, factory: factory) {
                try emit(.finding(finding))
            }
        }
        if suspiciousCount > 0 {
            let names = suspiciousNames.isEmpty ? "" : ": " + suspiciousNames.joined(separator: ", ")
            let counted = "picklescan counts \(suspiciousCount) suspicious globals it does not list by file"
            try emit(.warning("\(counted) (rerun with --strict to see where)\(names)"))
        }
        guard sawSummary else {
            guard lineNumber > 0 else {
                throw IngestError(.malformed, file: context.file, "picklescan output without its SCAN SUMMARY (truncated?)", line: lineNumber)
            }
            try emit(
                .warning(
                    "no SCAN SUMMARY: picklescan ran with -l WARNING or above, stopped, or its output was cut short; its findings are kept and nothing is resolved"
                ))
            try emit(.partial)
            return
        }
        for file in scanned where !unreadable.contains(Coverage.container(file)) { try emit(.coverage(.file(file))) }
    }

    /// True when every line of the text is one picklescan writes (at any log level, with or without
    /// `-g`) and one of them is its own: the summary banner or a found import. A README or a log
    /// that quotes picklescan output has other lines, and is not a report.
    static func fits(_ stream: ByteStream) throws -> Bool {
        var distinctive = false
        var traceback = Traceback()
        while let (bytes, truncated) = try stream.readLine(limit: 64 * 1024) {
            // readLine has taken a CRLF's CR off.
            guard !truncated, let text = String(validating: bytes, as: UTF8.self) else { return false }
            if text.trimmingCharacters(in: .whitespaces).isEmpty || traceback.takes(text) { continue }
            if text == banner || importLine(text) != nil {
                distinctive = true
                continue
            }
            if summaryCount(text) != nil || text.hasPrefix("ERROR: ") || text.hasPrefix("WARNING: ") || isInvalidMember(text) { continue }
            if text == "All globals found:" || listedGlobal(text) != nil || isLogLine(text) { continue }
            return false
        }
        return distinctive
    }

    /// A Python traceback that picklescan's logging prints under an error at `-l DEBUG` (or after
    /// "Unhandled exception"): the header, its indented frames, chained-exception notes and the
    /// exception's own line.
    struct Traceback {
        private var open = false

        mutating func takes(_ line: String) -> Bool {
            if line == "Traceback (most recent call last):" {
                open = true
                return true
            }
            guard open else { return false }
            if line.hasPrefix(" ") || line.isEmpty { return true }
            if line == "During handling of the above exception, another exception occurred:"
                || line == "The above exception was the direct cause of the following exception:"
            {
                return true
            }
            // The exception line ends the traceback.
            open = false
            return true
        }
    }

    /// What picklescan logs at `-l INFO` and `-l DEBUG` besides its findings and summary.
    static func isLogLine(_ line: String) -> Bool {
        let prefixes = [
            "scan_directory_path(", "scan_file_path(", "scan_bytes(", "scan_pickle_bytes(", "scan_zip_bytes(", "scan_7z_bytes(",
            "scan_numpy(", "scan_pytorch(", "scan_url(", "scan_huggingface_model(", "Scanning file ", "Files in zip archive ",
            "Files in 7z archive ", "Global imports in ", "Error parsing pickle: ", "Invalid memo key at position ", "Memo key ",
            "Memo value at position ", "Presence of non-string opcode", "Excluding directory ", "Skipping directory ", "Excluding file ",
            "Skipping file ", "Request: GET ", "Response: status code ", "Potential PyTorch magic number bypass detected in ",
            "Unhandled exception",
        ]
        return prefixes.contains { line.hasPrefix($0) }
    }

    /// `Invalid file MEMBER in zip archive PATH: ERROR` (a warning without the `WARNING:` prefix).
    static func isInvalidMember(_ line: String) -> Bool {
        line.hasPrefix("Invalid file ") && line.contains(" in zip archive ")
    }

    /// The file (or member) a warning or error says was not fully read: its findings may be
    /// incomplete, so the report does not cover it.
    static func notFullyRead(_ line: String) -> String? {
        func between(_ start: String, _ end: String) -> String? {
            guard line.hasPrefix(start) else { return nil }
            let rest = line.dropFirst(start.count)
            guard let stop = rest.range(of: end) else { return nil }
            return String(rest[..<stop.lowerBound])
        }
        if let file = between("ERROR: parsing pickle in ", ": ") { return file }
        if let file = between("WARNING: could not parse ", " as pickle") { return file }
        if isInvalidMember(line), let range = line.range(of: " in zip archive "), let colon = line[range.upperBound...].range(of: ": ") {
            return String(line[range.upperBound..<colon.lowerBound])
        }
        return nil
    }

    /// `scan_bytes(PATH)` and `scan_file_path(PATH)`: a file picklescan opened (`-l DEBUG`).
    static func scannedFile(_ line: String) -> String? {
        for prefix in ["scan_bytes(", "scan_file_path("] where line.hasPrefix(prefix) && line.hasSuffix(")") {
            let file = String(line.dropFirst(prefix.count).dropLast())
            return file.isEmpty ? nil : file
        }
        return nil
    }

    /// `  * MODULE.NAME - dangerous|suspicious|innocuous` (the `-g` list).
    static func listedGlobal(_ line: String) -> (name: String, safety: String)? {
        guard line.hasPrefix("  * ") else { return nil }
        for safety in ["dangerous", "suspicious", "innocuous"] where line.hasSuffix(" - \(safety)") {
            let name = line.dropFirst(4).dropLast(safety.count + 3)
            return name.isEmpty ? nil : (String(name), safety)
        }
        return nil
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
