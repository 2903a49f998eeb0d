import ArgumentParser
import Foundation

/// `mlsoc-bench queries --db STORE`: the read-side figures of `run` on an existing store.
struct Queries: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time first frame, matrix, models, keyset pages and filters on a store.")

    @Option(help: "The store (read-only).")
    var db: String

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    func run() throws {
        var figures = Figures()
        let count = Int(try RawDatabase(path: db, readOnly: true).scalar("SELECT count(*) FROM finding"))
        let started = Measure.now()
        try QueryBench(store: db, findings: count).measure(figures: &figures)
        figures.seconds = Measure.now() - started
        try figures.print(json: json)
    }
}
