import Findings
import Foundation

/// `mlsoc compliance`: an evaluated pack as text (a terminal), Markdown (an audit file) or JSON
/// (`mlsoc.compliance/1`, docs/FORMAT.md). Every string from a report or a pack is sanitised.
public enum ComplianceReport {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, json
    }

    public static func render(_ result: ComplianceResult, format: Format) throws -> String {
        switch format {
        case .text: text(result)
        case .markdown: markdown(result)
        case .json: try json(result)
        }
    }

    static func safe(_ text: String) -> String { TextSanitizer.sanitize(text) }

    static func name(_ model: ComplianceFacts.Model) -> String {
        safe(model.version.isEmpty ? model.name : "\(model.name) \(model.version)")
    }

    static func date(_ seconds: Int64) -> String { CivilDate.format(seconds) + " UTC" }

    static func coverage(_ row: ComplianceResult.ModelRow) -> String {
        row.coverage.map { "\(Int(($0 * 100).rounded())) %" } ?? "n/a"
    }

    /// Counts of each status, in the order of `ControlStatus.allCases`.
    static func tally(_ cells: [ComplianceResult.Cell]) -> String {
        ControlStatus.allCases.compactMap { status in
            let n = cells.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(status.label)"
        }.joined(separator: ", ")
    }

    static func text(_ result: ComplianceResult) -> String {
        var out = "\(safe(result.pack.title)) (\(safe(result.pack.name)) \(safe(result.pack.version))), as of \(date(result.now)), "
        out += "evidence window \(result.pack.windowDays) days\n"
        out += "ids: \(safe(result.pack.source))\n"
        if result.rows.isEmpty { out += "\nNo models in the store yet: they come from ML-BOMs, config.yaml and attribution.\n" }
        for row in result.rows {
            let newest = row.newestEvidence.map { "newest evidence \(date($0))" } ?? "no evidence yet"
            out += "\n\(name(row.model)) (\(safe(row.model.kind))\(row.model.stage.map { ", " + safe($0) } ?? ""))  "
            out += "coverage \(coverage(row)), \(newest)\n"
            out += "  \(tally(row.cells))\n"
            let width = max(8, row.cells.map { DisplayWidth.of(safe($0.control.id)) }.max() ?? 8)
            for cell in row.cells {
                out += "  " + safe(cell.control.id).padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                out += cell.status.label.padding(toLength: 14, withPad: " ", startingAt: 0) + "  " + safe(cell.reason) + "\n"
            }
        }
        return out
    }

    /// A cell of a Markdown table: sanitised, pipes and line breaks escaped.
    static func md(_ text: String) -> String {
        safe(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func markdown(_ result: ComplianceResult) -> String {
        let pack = result.pack
        var out = "# Compliance evidence: \(md(pack.title))\n\n"
        out += "- Pack: `\(md(pack.name))`, version \(md(pack.version))\n"
        out += "- Evaluated: \(date(result.now)); evidence counts when a test ran in the last \(pack.windowDays) days\n"
        out += "- Where the ids come from: \(md(pack.source))\n\n"
        out += "This report says what evidence exists for each control and model; it does not say that a model is compliant. "
        out += "*violated*: open findings mapped to the control. *accepted*: its findings are all under a risk acceptance in force. "
        out += "*evidenced*: a scan by a tool that tests the control ran on the model (or its project) in the window and nothing is open. "
        out += "*stale*: the newest such scan is older than the window. *no evidence*: no such scan ever ran. "
        out += "*not applicable*: the pack excludes the model's kind or stage.\n\n"
        out += "## Summary\n\n| Model | Kind | Stage | Project | Coverage | Newest evidence | Statuses |\n|---|---|---|---|---|---|---|\n"
        for row in result.rows {
            out +=
                "| \(md(name(row.model))) | \(md(row.model.kind)) | \(md(row.model.stage ?? "")) | \(md(row.model.project.isEmpty ? "(registry)" : row.model.project)) "
            out += "| \(coverage(row)) | \(row.newestEvidence.map(date) ?? "none") | \(tally(row.cells)) |\n"
        }
        for row in result.rows {
            out += "\n## \(md(name(row.model)))\n\n| Control | Clause | Status | Evidence |\n|---|---|---|---|\n"
            for cell in row.cells {
                var evidence = md(cell.reason)
                if !cell.findings.isEmpty { evidence += "; findings " + cell.findings.map { "#\($0)" }.joined(separator: ", ") }
                out += "| \(md(cell.control.id)) \(md(cell.control.title)) | \(md(cell.control.clause)) | **\(cell.status.label)** | \(evidence) |\n"
            }
            let scans = Dictionary(row.cells.flatMap(\.scans).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }).values
                .sorted { $0.ingestedAt > $1.ingestedAt }
            if !scans.isEmpty {
                out += "\nScans behind this evidence:\n\n| Tool | Version | Ingested | Report SHA-256 | Report |\n|---|---|---|---|---|\n"
                for scan in scans.prefix(20) {
                    out +=
                        "| \(md(scan.tool)) | \(md(scan.toolVersion ?? "")) | \(date(scan.ingestedAt)) | `\(md(scan.sha256))` | \(md(scan.sourcePath)) |\n"
                }
            }
            let gaps = row.cells.filter { $0.status == .noEvidence || $0.status == .stale }
            if !gaps.isEmpty {
                out += "\nGaps:\n\n"
                for cell in gaps { out += "- \(md(cell.control.id)): \(md(cell.reason))\n" }
            }
        }
        return out
    }

    static func json(_ result: ComplianceResult) throws -> String {
        let object: [String: Any] = [
            "schema": "mlsoc.compliance/1",
            "evaluated_at": result.now,
            "pack": [
                "name": result.pack.name, "title": result.pack.title, "version": result.pack.version, "source": result.pack.source,
                "window_days": result.pack.windowDays,
            ],
            "models": result.rows.map { row -> [String: Any] in
                var model: [String: Any] = [
                    "name": row.model.name, "version": row.model.version, "kind": row.model.kind, "project": row.model.project,
                    "controls": row.cells.map { cell -> [String: Any] in
                        var control: [String: Any] = [
                            "id": cell.control.id, "title": cell.control.title, "clause": cell.control.clause, "status": cell.status.rawValue,
                            "reason": cell.reason, "open": cell.open, "accepted": cell.accepted, "findings": cell.findings,
                            "scans": cell.scans.map { scan -> [String: Any] in
                                var entry: [String: Any] = [
                                    "tool": scan.tool, "sha256": scan.sha256, "ingested_at": scan.ingestedAt, "path": scan.sourcePath,
                                ]
                                if let version = scan.toolVersion { entry["version"] = version }
                                return entry
                            },
                        ]
                        if let last = cell.lastTested { control["last_tested"] = last }
                        return control
                    },
                ]
                if let stage = row.model.stage { model["stage"] = stage }
                if let coverage = row.coverage { model["coverage"] = coverage }
                if let newest = row.newestEvidence { model["newest_evidence"] = newest }
                return model
            },
        ]
        return try JSONOutput.encode(object) + "\n"
    }
}
