import ArgumentParser
import Config
import Export
import FindingStore
import Findings
import Foundation
import Ingest
import JSONStream

extension Mlsoc {
    /// A CI gate: may this ship, against the triage the team already did?
    struct Gate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ingest reports and fail when they have open findings that match a policy (a CI gate).",
            discussion: """
                The reports (files, or directories walked) are ingested as by `mlsoc ingest`, all in one \
                transaction: a bad report changes nothing. The gate then looks at the findings these \
                reports contain that match --fail-on (the filter language): open ones fail it (with \
                --new-only, only those these reports are the first to show); accepted risks, false \
                positives and not-affected findings do not, and the summary says why. With --dry-run \
                nothing is written: the reports are judged against the store as it is.

                Exit codes: 0 the policy holds, 1 it failed, 2 a usage or input error (a bad option, a \
                report that cannot be read; nothing written).

                Examples:
                  mlsoc gate reports/ --fail-on 'sev>=high' --new-only --junit gate.xml
                  mlsoc gate scan.json --fail-on 'threat:malware-distribution' --dry-run
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Report files or directories.", valueName: "path"))
        var paths: [String]

        @Option(help: ArgumentHelp("The policy: findings matching this filter fail the gate while open (e.g. 'sev>=high').", valueName: "filter"))
        var failOn: String

        @Flag(help: "Only findings these reports are the first to show fail the gate.")
        var newOnly = false

        @Option(help: ArgumentHelp("The project these reports belong to (as `mlsoc ingest --project`).", valueName: "name"))
        var project: String?

        @Option(help: ArgumentHelp("Reimport category (as `mlsoc ingest --scope`).", valueName: "name"))
        var scope = ""

        @Flag(help: "Judge the reports against the store without writing anything.")
        var dryRun = false

        @Option(help: ArgumentHelp("Also write the verdict as JUnit XML (one test case per matching finding).", valueName: "file"))
        var junit: String?

        @Option(help: ArgumentHelp("Also write the matching findings as SARIF 2.1.0.", valueName: "file"))
        var sarif: String?

        func run() throws {
            let verdict: GateVerdict
            do {
                verdict = try judge()
            } catch let exit as ExitCode {
                throw exit
            } catch {
                let text = (error as? IngestError)?.description ?? (error as? CLIError)?.description ?? "\(error)"
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextForTerminal.safe(String($0)) }
                FileHandle.standardError.write(Data(("mlsoc gate: " + lines.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(2)
            }
            for line in verdict.summary() { print(line) }
            if !verdict.passed { throw ExitCode(1) }
        }

        private func judge() throws -> GateVerdict {
            let policy: FindingFilter
            do {
                policy = try FindingFilter.parse(failOn)
            } catch {
                throw CLIError("bad --fail-on: \(error.message) at column \(error.column)\n" + error.pointing(at: failOn))
            }
            guard !policy.isEmpty else { throw CLIError("--fail-on needs a filter, e.g. 'sev>=high'") }
            if let project, let problem = MlsocConfig.projectNameProblem(project) { throw CLIError("--project: \(problem)") }
            let (files, _) = try Ingest.expand(paths)
            guard !files.isEmpty else { throw CLIError("no report files in \(paths.joined(separator: " "))") }
            let store = try options.openStore(mode: .readWrite)
            let ingestor = try options.ingestor(store: store)
            let now = Int64(Date().timeIntervalSince1970)
            try store.lapseAcceptances(now: now, weights: try options.config().weights)
            let request = IngestRequest(category: scope, project: project)
            var newFindings = 0
            let verdict = try ingestor.ingestForGate(paths: files, now: now, request: request, commit: !dryRun) { group, ingest in
                for report in ingest.reports where !report.outcome.alreadyIngested {
                    newFindings += report.outcome.new
                    for line in IngestRow(report: report).line.split(separator: "\n") { print(TextSanitizer.sanitize(String(line))) }
                }
                let rows = try group.gateRows(scanIDs: ingest.scanIDs, filter: policy, now: now)
                return GateVerdict(policy: policy.description, newOnly: newOnly, rows: rows)
            }
            if !dryRun {
                try store.refreshStatistics(afterAdding: newFindings)
                options.deliverHooks(store)
            }
            if dryRun { print("dry run: nothing was written to \(TextForTerminal.safe(store.path)) (the ids above are not kept)") }
            if let junit { try write(verdict.junit(now: now), to: junit) }
            if let sarif { try write(try verdict.sarif(), to: sarif) }
            return verdict
        }

        private func write(_ text: String, to path: String) throws {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CLIError("cannot write \(path): \(error.localizedDescription)")
            }
        }
    }
}
