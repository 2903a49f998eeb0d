import ArgumentParser

/// The `mlsoc` command: a terminal-native MLSecOps security operations console.
@main
struct Mlsoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlsoc",
        abstract: "A terminal-native MLSecOps security operations console.",
        discussion: """
            Ingests the reports of ML-security scanners into a local SQLite findings store and shows \
            them on the threat matrix. The store is --db, else $MLSOC_DB, else \
            $XDG_DATA_HOME/mlsoc/findings.db (~/.local/share/mlsoc/findings.db).
            """,
        version: "0.1.0",
        subcommands: [Console.self, Ingest.self, Watch.self, Dashboard.self, Report.self, FindingsList.self, Triage.self, History.self, Render.self, Models.self, Export.self, Mapping.self, Formats.self],
        defaultSubcommand: Console.self
    )
}
