import FindingStore
import Findings
import Foundation
import JSONStream

extension ReportIngestor {
    /// What `mlsoc gate` ingested: the reports, and the scans whose findings it judges.
    public struct GateIngest: Sendable {
        public var reports: [Report]
        public var scanIDs: [Int64]
    }

    /// The gate's ingest: every report in one transaction, so a bad report changes nothing (and is
    /// an error); then `inspect` reads inside that transaction. With `commit: false` (`--dry-run`)
    /// the transaction is rolled back after `inspect`: the store is as it was. A report already in
    /// the store is judged by the scan it was stored as.
    public func ingestForGate<T>(
        paths: [String], now: Int64, request: IngestRequest, commit: Bool,
        inspect: (IngestGroup, GateIngest) throws -> T
    ) throws -> T {
        var result: T?
        var current = ""
        do {
            try store.ingestGroup(commit: commit) { group in
                var ingest = GateIngest(reports: [], scanIDs: [])
                for path in paths {
                    current = path
                    let prepared = try recognise(path: path, request: request)
                    if let id = try group.scanID(sha256: prepared.digest, subject: prepared.subject) {
                        ingest.scanIDs.append(id)
                        ingest.reports.append(
                            Report(
                                file: path, format: prepared.format.rawValue, outcome: IngestOutcome(scanID: id, alreadyIngested: true), warnings: [])
                        )
                        continue
                    }
                    let report = try write(prepared, into: group, now: now, progress: nil)
                    if let id = report.outcome.scanID { ingest.scanIDs.append(id) }
                    ingest.reports.append(report)
                }
                result = try inspect(group, ingest)
            }
        } catch let error as IngestError {
            throw error
        } catch {
            throw ReportIngestor.ingestError(error, file: current)
        }
        guard let result else { throw IngestError(.store, file: current, "the reports were not written") }
        return result
    }
}
