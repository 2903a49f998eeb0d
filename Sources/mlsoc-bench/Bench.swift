import ArgumentParser

/// The benchmark and stress harness. Speed benchmarks (issue 8) come later; today it runs the
/// triage contention check: many processes changing the same findings at once.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlsoc-bench",
        abstract: "Benchmarks and stress runs for mlsoc.",
        subcommands: [Contention.self, ContentionWorker.self]
    )
}
