import ArgumentParser
import Export
import FindingStore
import Findings
import Foundation

extension Mlsoc {
    /// Counts for monitoring: a table, or the Prometheus text exposition for a textfile collector.
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the store's counts: findings by project, severity and state, SLA breaches, proposed acceptances.",
            discussion: """
                With --prometheus, the Prometheus text exposition format (0.0.4), for node-exporter's textfile \
                collector on an ops host. Write it atomically, e.g. from cron every five minutes:

                  */5 * * * * mlsoc metrics --db /var/lib/mlsoc/findings.db --prometheus > /var/lib/node_exporter/mlsoc.prom.$$ \
                && mv /var/lib/node_exporter/mlsoc.prom.$$ /var/lib/node_exporter/mlsoc.prom

                Families: mlsoc_findings{project,severity,state}, mlsoc_findings_open{project,severity}, \
                mlsoc_sla_breaches{project,severity}, mlsoc_acceptances_proposed{project}, \
                mlsoc_last_scan_timestamp_seconds{project}, mlsoc_metrics_timestamp_seconds. The store is opened \
                read-only; the counts come from its summaries and indexes.
                """
        )

        @OptionGroup var options: GlobalOptions

        @Flag(help: "The Prometheus text exposition format instead of a table.")
        var prometheus = false

        func run() throws {
            let store = try options.openStore(mode: .readOnly)
            let counts = try store.storeCounts()
            if prometheus {
                print(PrometheusText.render(counts), terminator: "")
                return
            }
            var table = [["PROJECT", "SEVERITY", "STATE", "FINDINGS"]]
            for cell in counts.findings {
                table.append([TextForTerminal.safe(cell.project), cell.severity.name, cell.state.key, String(cell.count)])
            }
            print(TextTable.render(table, rightAligned: [3]))
            let breaches = counts.slaBreaches.reduce(0) { $0 + $1.count }
            let proposed = counts.proposedAcceptances.values.reduce(0, +)
            print("SLA breaches (open, past due): \(breaches); acceptances waiting for approval: \(proposed)")
        }
    }
}
