import Findings
import JSONStream

/// What a bandit run covered, from its per-file metrics (JSON `metrics`, SARIF `run.properties.metrics`).
///
/// The metrics count every issue bandit found in a file, before a baseline (`-b`) or
/// `--severity-level` / `--confidence-level` (`-l`, `-i`) left some out of the results. A file
/// whose results are fewer than its count was filtered: what is missing there is not fixed, so the
/// file is not covered and its findings stay open. A file with all its issues reported (or none
/// counted) is covered, so a clean rescan resolves there. Tests left out with `-s` or a config
/// leave no trace in the report, and cannot be told apart.
struct BanditMetrics {
    /// Issues counted per file (paths normalised as coverage compares them), in report order.
    private var counted: [(file: String, issues: Int)] = []
    private var reported: [String: Int] = [:]

    /// Reads the metrics object: one member per file, plus `_totals`.
    mutating func note(metrics: JSONValue) {
        for (file, values) in metrics.members ?? [] where file != "_totals" {
            let issues = ["SEVERITY.HIGH", "SEVERITY.MEDIUM", "SEVERITY.LOW", "SEVERITY.UNDEFINED"].reduce(0) { sum, key in
                sum + (values[key]?.int ?? 0)
            }
            counted.append((Coverage.normalize(file), issues))
        }
    }

    /// One result reported in this file.
    mutating func noteResult(file: String) {
        reported[Coverage.normalize(file), default: 0] += 1
    }

    /// The files covered, then a warning when some were filtered.
    func emit(_ emit: (ParsedItem) throws -> Void) throws {
        var filtered = 0
        var missing = 0
        for (file, issues) in counted {
            let shown = reported[file] ?? 0
            if shown < issues {
                filtered += 1
                missing += issues - shown
                try emit(.partlyReported(file))
            } else {
                try emit(.coverage(.file(file)))
            }
        }
        guard filtered > 0 else { return }
        try emit(
            .warning(
                "bandit counted \(missing) issues it did not report, in \(filtered) files (a baseline -b, or a severity or confidence "
                    + "filter): those files are not covered, so their findings missing here stay open"))
    }
}
