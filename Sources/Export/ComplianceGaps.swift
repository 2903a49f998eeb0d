import Findings
import Foundation

/// `mlsoc compliance gaps`: for each model, the controls with no current test (no evidence, or
/// stale), each with the scans that would test it as commands to run, then `mlsoc ingest`.
public enum ComplianceGaps {
    /// How each tool is run, `{model}` standing for the model; a control's pack `run:` arguments
    /// are added. Paths in capitals are the user's to fill in.
    static let commands: [String: String] = [
        "garak": "python -m garak --target_type TYPE --target_name {model} --report_prefix {model}",
        "promptfoo": "promptfoo redteam run -c promptfooconfig.yaml  # target: {model}",
        "modelscan": "modelscan -p MODEL_DIR -r json -o modelscan.json",
        "picklescan": "picklescan -p MODEL_DIR > picklescan.txt",
        "modelaudit": "modelaudit scan MODEL_DIR --format json --output modelaudit.json",
        "fickling": "fickling --check-safety --json-output {model}.fickling.json MODEL_FILE",
        "aisbom": "aisbom scan MODEL_DIR --format json --no-fail-on-risk > aisbom.cdx.json",
        "cyclonedx": "modelaudit scan MODEL_DIR --sbom models.cdx.json",
        "bandit": "bandit -r SRC -f sarif -o bandit.sarif",
        "semgrep": "semgrep scan --config RULES --sarif -o semgrep.sarif",
        "checkov": "checkov -d IAC_DIR -o sarif --output-file-path .",
        "trivy": "trivy fs --format sarif -o trivy.sarif .",
        "detect-secrets": "detect-secrets scan --all-files SRC > detect-secrets.json",
        "trufflehog3": "trufflehog3 -f json -o trufflehog3.json SRC",
        "nbdefense": "nbdefense scan NOTEBOOKS -r -o json",
        "pip-audit": "pip-audit -r requirements.txt -f json -o pip-audit.json",
        "hadolint": "hadolint -f sarif Dockerfile > hadolint.sarif",
    ]

    /// The command that runs `tool` so that it tests `control` on `model`.
    public static func command(tool: String, control: ComplianceControl, model: String) -> String {
        var line = (commands[tool] ?? "\(tool) … # run against {model}").replacingOccurrences(of: "{model}", with: model)
        // A tool configured by a file (promptfoo) gets the hint in its comment; the others on its line.
        if let arguments = control.run[tool] {
            line += line.contains("  # ") ? "; " + arguments : " " + arguments
        }
        return line
    }

    public struct Gap: Sendable, Equatable {
        public var model: ComplianceFacts.Model
        public var cell: ComplianceResult.Cell
        public var commands: [String]
    }

    /// Every gap, model by model, in the pack's order of controls.
    public static func gaps(_ result: ComplianceResult) -> [Gap] {
        result.rows.flatMap { row in
            row.cells.filter { $0.status == .noEvidence || $0.status == .stale }.map { cell in
                let tools = cell.control.process == nil ? cell.control.testedBy : []
                return Gap(model: row.model, cell: cell, commands: tools.map { command(tool: $0, control: cell.control, model: row.model.name) })
            }
        }
    }

    public static func text(_ result: ComplianceResult) -> String {
        let gaps = gaps(result)
        var out = "\(TextSanitizer.sanitize(result.pack.title)): "
        out += gaps.isEmpty ? "no gaps: every applicable control was tested in the last \(result.pack.windowDays) days\n" : "\(gaps.count) gaps\n"
        var lastModel: Int64?
        for gap in gaps {
            if gap.model.id != lastModel {
                lastModel = gap.model.id
                let count = gaps.filter { $0.model.id == gap.model.id }.count
                out +=
                    "\n\(TextSanitizer.sanitize(gap.model.name)) (\(gap.model.kind)\(gap.model.stage.map { ", " + $0 } ?? "")): \(count) gap\(count == 1 ? "" : "s")\n"
            }
            out += "  \(TextSanitizer.sanitize(gap.cell.control.id))  \(gap.cell.status.label): \(TextSanitizer.sanitize(gap.cell.reason))\n"
            if gap.commands.isEmpty {
                out += "    rescan the model with any of its scanners, or record a triage decision\n"
            }
            for command in gap.commands { out += "    \(TextSanitizer.sanitize(command))\n" }
        }
        if !gaps.isEmpty { out += "\nthen: mlsoc ingest REPORT (with --project NAME when the model has one)\n" }
        return out
    }

    public static func json(_ result: ComplianceResult) throws -> String {
        let object: [String: Any] = [
            "schema": "mlsoc.compliance-gaps/1", "pack": result.pack.name, "evaluated_at": result.now,
            "gaps": gaps(result).map { gap -> [String: Any] in
                [
                    "model": gap.model.name, "control": gap.cell.control.id, "status": gap.cell.status.rawValue, "reason": gap.cell.reason,
                    "commands": gap.commands,
                ]
            },
        ]
        return try JSONOutput.encode(object) + "\n"
    }
}
