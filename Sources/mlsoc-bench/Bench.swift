import ArgumentParser

/// The benchmark and stress harness: `run` measures every performance figure of DESIGN.md §9
/// beside its baselines; `generate` writes synthetic reports; `contention` runs many processes
/// changing the same findings at once.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlsoc-bench",
        abstract: "Benchmarks and stress runs for mlsoc.",
        subcommands: [
            Run.self, ServerRun.self, Dashboards.self, DashboardWorker.self, Generate.self, Queries.self, RawInsert.self, Contention.self,
            ContentionWorker.self,
        ]
    )
}
