import Findings

/// The store's counts in the Prometheus text exposition format (version 0.0.4), for a
/// node-exporter textfile collector: `mlsoc metrics --prometheus > DIR/mlsoc.prom`.
public enum PrometheusText {
    public static func render(_ counts: StoreCounts) -> String {
        var out = ""
        func family(_ name: String, _ help: String, _ samples: [(labels: [(String, String)], value: String)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for sample in samples {
                let labels = sample.labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
                out += name + (labels.isEmpty ? "" : "{\(labels)}") + " \(sample.value)\n"
            }
        }
        family(
            "mlsoc_findings", "Findings in the store by project, severity and triage state.",
            counts.findings.map { ([("project", $0.project), ("severity", $0.severity.name), ("state", $0.state.key)], String($0.count)) })
        var open: [String: [Severity: Int]] = [:]
        for cell in counts.findings where cell.state.isOpen { open[cell.project, default: [:]][cell.severity, default: 0] += cell.count }
        family(
            "mlsoc_findings_open", "Open findings (new, in triage, exploitable) by project and severity.",
            open.keys.sorted().flatMap { project in
                Severity.descending.compactMap { severity in
                    open[project]?[severity].map { ([("project", project), ("severity", severity.name)], String($0)) }
                }
            })
        family(
            "mlsoc_sla_breaches", "Open findings past their SLA due date by project and severity.",
            counts.slaBreaches.map { ([("project", $0.project), ("severity", $0.severity.name)], String($0.count)) })
        family(
            "mlsoc_acceptances_proposed", "Risk acceptances waiting for a second person's approval, by project.",
            counts.proposedAcceptances.keys.sorted().map { ([("project", $0)], String(counts.proposedAcceptances[$0] ?? 0)) })
        family(
            "mlsoc_last_scan_timestamp_seconds", "When each project's last report was ingested (Unix seconds).",
            counts.lastScan.keys.sorted().map { ([("project", $0)], String(counts.lastScan[$0] ?? 0)) })
        family("mlsoc_metrics_timestamp_seconds", "When these counts were read (Unix seconds).", [([], String(counts.at))])
        return out
    }

    /// A label value as the format wants it (backslash, double quote and line feed escaped), with
    /// other control characters replaced: project names come from reports.
    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
