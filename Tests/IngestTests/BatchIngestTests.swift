import FindingStore
import Findings
import Foundation
import Ingest
import TestSupport
import Testing

@Suite struct BatchIngestTests {
    static func reports() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: TestPaths.sample("reports")).sorted()
            .map { TestPaths.sample("reports/" + $0) }
            .filter {
                var d: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue
            }
    }

    @Test("parallel parsers and one writer give the same store as one file after another", arguments: [1, 2, 4])
    func sameAsSequential(workers: Int) throws {
        let files = try Self.reports()
        let sequential = try TestStore.make()
        let one = ReportIngestor(store: sequential, mapping: try MappingRules.bundled(), actor: "test")
        for file in files { _ = try one.ingest(path: file, now: 1) }

        let parallel = try TestStore.make()
        let many = ReportIngestor(store: parallel, mapping: try MappingRules.bundled(), actor: "test")
        var order: [String] = []
        var transactions: [Int] = []
        many.ingest(paths: files, now: { 1 }, workers: workers) { path, result in
            order.append(path)
            switch result {
            case let .success(report): transactions.append(report.transaction)
            case let .failure(error): Issue.record("\(error)")
            }
        }
        #expect(order == files)
        // Reports were committed together (one transaction here: far below the group's bounds).
        #expect(Set(transactions).count < files.count && transactions == transactions.sorted())
        #expect(try parallel.matrixSummary() == sequential.matrixSummary())
        #expect(try parallel.counts() == sequential.counts())
        let fingerprints = { (store: FindingStore) in Set(try store.findingsPage(after: nil, limit: 10_000).map(\.fingerprint)) }
        #expect(try fingerprints(parallel) == fingerprints(sequential))
    }

    @Test("in a parallel batch, bad files fail alone and the good ones land")
    func badFilesAlone() throws {
        let directory = try TestPaths.temporaryDirectory("mlsoc-batch")
        var files: [String] = []
        for index in 0..<12 {
            let path = directory.appendingPathComponent("r\(index).jsonl").path
            let text =
                index % 4 == 3
                ? "{\"schema\": \"mlsoc.finding/1\", \"tool\": \"t\", \"rule\": \"r\", \"severity\": \"high\"\n"
                : (0..<50).map { "{\"schema\": \"mlsoc.finding/1\", \"tool\": \"t\(index)\", \"rule\": \"r\($0)\", \"severity\": \"low\"}" }
                    .joined(separator: "\n")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let store = try TestStore.make()
        let ingestor = ReportIngestor(store: store, mapping: try MappingRules.bundled(), actor: "test")
        var failed: [String] = []
        var transactions: [Int] = []
        ingestor.ingest(paths: files, now: { 1 }, workers: 3) { path, result in
            switch result {
            case let .success(report): transactions.append(report.transaction)
            case .failure: failed.append(path)
            }
        }
        #expect(failed == files.enumerated().filter { $0.offset % 4 == 3 }.map(\.element))
        #expect(try store.counts().findings == 9 * 50 && store.counts().scans == 9)
        // The group a bad report rolled back was written again, one report per transaction.
        #expect(Set(transactions).count == 9)
    }
}
