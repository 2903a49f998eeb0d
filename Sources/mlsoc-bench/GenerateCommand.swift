import ArgumentParser
import Foundation

/// `mlsoc-bench generate`: writes synthetic reports to a directory, for benchmarks and by hand.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write realistic synthetic reports (SARIF or native JSONL).",
        discussion: """
            SARIF reports come from bandit, semgrep, checkov and trivy in turn; JSONL reports from ML-specific \
            producers (red team, bias evaluation, data DLP, registry gate, load probes). Each report is its own \
            scope, so ingesting them all keeps every finding open. The same seed writes the same files.
            """
    )

    @Option(help: "sarif or jsonl.")
    var format: String = "sarif"

    @Option(help: "How many findings in all (e.g. 10000, 100000, 1000000).")
    var findings: Int = 10_000

    @Option(name: .customLong("per-report"), help: "Findings per report file.")
    var perReport: Int = 5_000

    @Option(help: "Seed: different seeds write different findings.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Directory to write into (created).")
    var output: String

    func validate() throws {
        guard Generator.Format(rawValue: format) != nil else { throw ValidationError("--format must be sarif or jsonl, not '\(format)'") }
        guard findings > 0 else { throw ValidationError("--findings must be positive") }
        guard perReport > 0 else { throw ValidationError("--per-report must be positive") }
    }

    func run() throws {
        guard let kind = Generator.Format(rawValue: format) else {
            throw ValidationError("unknown --format '\(format)': use one of \(Generator.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let generator = Generator(format: kind, findings: findings, perReport: perReport, seed: seed)
        let result = try generator.write(to: URL(fileURLWithPath: output))
        print("wrote \(findings) findings in \(result.paths.count) \(format) reports, \(result.bytes) bytes, to \(output)")
    }
}
