import Foundation
import GRDB

extension FindingStore {
    /// Writes one report in one IMMEDIATE transaction: the scan row, every finding, the events and
    /// the summaries commit together or not at all. `produce` streams findings into the sink; if it
    /// throws, nothing of the report is kept.
    public func ingest(_ header: ScanHeader, produce: (IngestSink) throws -> Void) throws -> IngestOutcome {
        guard mode == .readWrite else {
            throw StoreError(.readOnly, "the store \(path) is open read-only")
        }
        return try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM scan WHERE sha256 = ?", arguments: [Data(header.sha256)]) == true {
                return IngestOutcome(alreadyIngested: true)
            }
            let sink = try IngestSink(db: db, header: header)
            try produce(sink)
            return try sink.finish()
        }
    }

    /// True when a report with this SHA-256 is already in the store.
    public func hasScan(sha256: [UInt8]) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM scan WHERE sha256 = ?", arguments: [Data(sha256)]) ?? false
        }
    }
}
