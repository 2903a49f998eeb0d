import ArgumentParser
import Foundation

/// `mlsoc-bench raw-insert`: the raw-SQLite baseline on its own, for experiments on the schema and
/// pragmas: the rows of the scans after --after-scan in --from, inserted into --into.
struct RawInsert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raw-insert",
        abstract: "Insert the rows an ingest wrote (in --from, after --after-scan) into --into with prepared statements.",
        shouldDisplay: false
    )

    @Option(help: "The store an ingest wrote.")
    var from: String

    @Option(name: .customLong("after-scan"), help: "Only the scans after this id.")
    var afterScan: Int64 = 0

    @Option(help: "The store to insert into (a copy of the one the ingest started from).")
    var into: String

    @Option(name: .customLong("pragma"), help: "Extra pragmas before inserting (e.g. foreign_keys=OFF).")
    var pragmas: [String] = []

    @Option(help: "Reports per transaction.")
    var group = 1

    func run() throws {
        let afterPath = try RawDatabase(path: into, readOnly: true).scalar("SELECT coalesce(max(id), 0) FROM path")
        let baseline = try RawBaseline.capture(from: from, afterScan: afterScan, afterPath: afterPath)
        let first = afterScan + 1
        let seconds = try baseline.insert(into: into, pragmas: pragmas) { scan in Int((scan - first) / Int64(max(1, group))) }
        print(String(format: "%d findings in %.2f s: %.0f findings/s", baseline.findingCount, seconds, Double(baseline.findingCount) / seconds))
    }
}
