import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream

/// One file's result in `mlsoc ingest`: as a line, a table row, or JSON.
struct IngestRow {
    var file: String
    var format = ""
    var outcome = IngestOutcome()
    var warnings: [String] = []
    var error: IngestError?
    /// Found in a directory and not a report of any known format.
    var skipped = false
    /// The transaction of this run that wrote it (reports with the same number committed together).
    var transaction = 0

    init(report: ReportIngestor.Report) {
        file = report.file
        format = report.format
        outcome = report.outcome
        warnings = report.warnings
        transaction = report.transaction
    }

    init(file: String, error: IngestError) {
        self.file = file
        self.error = error
    }

    var status: String {
        if skipped { return "skipped" }
        if error != nil { return "failed" }
        return outcome.alreadyIngested ? "already ingested" : "ok"
    }

    /// `FILE: FORMAT TOOL: N findings, N new, …`
    var line: String {
        let name = TextForTerminal.safe(file)
        if outcome.alreadyIngested { return "\(name): already ingested, nothing changed" }
        var parts = ["\(outcome.total) findings", "\(outcome.new) new", "\(outcome.unchanged) unchanged"]
        if outcome.reopened > 0 { parts.append("\(outcome.reopened) reopened") }
        if outcome.repeated > 0 { parts.append("\(outcome.repeated) repeated") }
        if outcome.duplicates > 0 { parts.append("\(outcome.duplicates) duplicates dropped") }
        if outcome.remapped > 0 { parts.append("\(outcome.remapped) moved to another cell") }
        if outcome.warnings > 0 { parts.append("\(outcome.warnings) scan warnings") }
        let tool = TextForTerminal.safe(outcome.tool)
        let what = format == tool || tool.isEmpty ? format : "\(format) \(tool)"
        var line = "\(name): \(what): " + parts.joined(separator: ", ")
        line += "\n  project \(TextForTerminal.safe(outcome.project)); covered \(TextForTerminal.safe(outcome.coverage)); "
        if let why = outcome.resolvedNothingBecause {
            line += "resolved nothing: \(why)"
        } else {
            line += "resolved \(outcome.resolved)"
        }
        return line
    }

    var json: String {
        var object: [String: Any] = ["file": file, "status": status]
        if let error {
            object["error"] = ["code": error.code.rawValue, "message": error.message, "line": error.line as Any, "offset": error.offset as Any]
        } else {
            object["format"] = format
            object["tool"] = outcome.tool
            object["findings"] = outcome.total
            object["new"] = outcome.new
            object["unchanged"] = outcome.unchanged
            object["reopened"] = outcome.reopened
            object["remapped"] = outcome.remapped
            object["resolved"] = outcome.resolved
            object["project"] = outcome.project
            object["coverage"] = outcome.coverage
            if let why = outcome.resolvedNothingBecause { object["resolved_nothing_because"] = why }
            object["warnings"] = warnings
            if let scan = outcome.scanID { object["scan"] = scan }
            if transaction > 0 { object["transaction"] = transaction }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return TextSanitizer.escapingUnsafeForJSON(String(decoding: data, as: UTF8.self))
    }

    /// The summary table printed after several files.
    static func table(_ rows: [IngestRow]) -> String {
        let header = ["status", "findings", "new", "unchanged", "resolved", "project", "file"]
        var body = rows.map { row in
            [
                row.status, String(row.outcome.total), String(row.outcome.new), String(row.outcome.unchanged),
                row.outcome.resolvedNothingBecause == nil || row.error != nil || row.outcome.alreadyIngested ? String(row.outcome.resolved) : "-",
                TextForTerminal.safe(row.outcome.project), TextForTerminal.safe(row.file),
            ]
        }
        let ok = rows.filter { $0.error == nil }
        let failed = rows.filter { $0.error != nil && !$0.skipped }.count
        let skipped = rows.filter(\.skipped).count
        body.append([
            "total", String(ok.map(\.outcome.total).reduce(0, +)), String(ok.map(\.outcome.new).reduce(0, +)),
            String(ok.map(\.outcome.unchanged).reduce(0, +)), String(ok.map(\.outcome.resolved).reduce(0, +)), "",
            "\(rows.count) files, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped (not reports)" : ""),
        ])
        var table = "\n" + TextTable.render([header] + body, rightAligned: [1, 2, 3, 4])
        if rows.contains(where: { $0.error == nil && !$0.outcome.alreadyIngested && $0.outcome.resolvedNothingBecause != nil }) {
            table += "\nresolved '-': the scan resolved nothing (an incomplete run, or a report that does not say what it scanned: --covers)"
        }
        return table
    }
}

/// Report text printed outside curses passes the same sanitiser as the console.
enum TextForTerminal {
    static func safe(_ text: String) -> String {
        Findings.TextSanitizer.sanitize(text)
    }
}

/// A one-line progress bar on stderr (only on a terminal): bytes and findings of the current file.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw = Date.distantPast

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ label: String, bytes: Int64, total: Int64, findings: Int, unit: String = "MB") {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 || bytes == 0 || unit != "MB" else { return }
        lastDraw = Date()
        let share = total > 0 ? min(1, Double(bytes) / Double(total)) : 0
        let width = 24
        let filled = Int(share * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let amount = unit == "MB" ? "\(bytes / 1_048_576)/\(total / 1_048_576) MB" : "\(bytes)/\(total) \(unit)"
        let text = "\r[\(bar)] \(Int(share * 100))% \(amount) \(findings) findings  \(TextForTerminal.safe(label))"
        FileHandle.standardError.write(Data((String(text.prefix(160)) + "\u{1B}[K").utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
