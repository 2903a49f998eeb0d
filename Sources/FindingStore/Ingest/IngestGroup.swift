import Findings
import Foundation
import GRDB

extension FindingStore {
    /// Writes one report in one IMMEDIATE transaction: the scan row, every finding, the events and
    /// the summaries commit together or not at all. `produce` streams findings into the sink; if it
    /// throws, nothing of the report is kept.
    public func ingest(_ header: ScanHeader, produce: (IngestSink) throws -> Void) throws -> IngestOutcome {
        var outcome = IngestOutcome()
        try ingestGroup { group in outcome = try group.ingest(header, produce: produce) }
        return outcome
    }

    /// Writes several reports in one IMMEDIATE transaction. Grouping is what makes a bulk ingest
    /// into a big store fast: each commit writes every index page its reports touched, and the
    /// fingerprint index (hash keys) is touched all over, so one commit for several reports writes
    /// those pages once instead of once per report. A crash loses the uncommitted group, whole
    /// reports only. If one report fails, the whole group is rolled back (even if `body` catches
    /// the error): the caller writes the others again. Savepoints per report would avoid that, but
    /// SQLite's in-memory sub-journal made them quadratic in the group's size.
    /// With `commit: false` (a dry run), everything the body wrote is rolled back at the end; it can
    /// read its own writes through the group until then (`IngestGroup.gateRows`).
    public func ingestGroup(commit: Bool = true, _ body: (IngestGroup) throws -> Void) throws {
        guard mode == .readWrite else {
            throw StoreError(.readOnly, "the store \(path) is open read-only")
        }
        if case let .server(backend, codec) = backing {
            // One server transaction under the store's write lock (PostgresBackend); a dry run's
            // writes are rolled back by the error that ends it.
            do {
                try StoreError.boundary {
                    try backend.withSession(write: true) { session in
                        let group = IngestGroup(db: StoreConnection(server: session, codec: codec))
                        try body(group)
                        if let failure = group.failure { throw failure }
                        if !commit { throw DryRun() }
                    }
                }
            } catch is DryRun {}
            return
        }
        try writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            for pragma in FindingStore.ingestPragmas(pageCount: pages) { try db.execute(sql: "PRAGMA \(pragma)") }
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction(.immediate) {
                let group = IngestGroup(db: StoreConnection(db))
                try body(group)
                if let failure = group.failure { throw failure }
                guard commit else { return .rollback }
                try FindingStore.indexNewPaths(db)
                return .commit
            }
        }
    }

    /// Ends a dry run's server transaction by rolling it back.
    private struct DryRun: Error {}

    /// The settings of the connection that writes reports, for a store of `pageCount` pages.
    /// - cache_size 128 MiB (negative: KiB), an upper bound: a group's dirty index pages stay in
    ///   memory until commit instead of spilling to the WAL, and being written again, mid-transaction
    ///   (measured: 64 MiB was 10% slower into a 1M-finding store; peak RSS stayed ~110 MiB).
    /// - temp_store MEMORY: statement journals and temporary B-trees stay in memory (when every
    ///   INSERT still fired the summary trigger, before schema v11, its statement journals on disk
    ///   were 1.1M extra writes per 100k findings).
    /// - wal_autocheckpoint: a report into a big store rewrites thousands of pages of the
    ///   fingerprint index (its keys are hashes, so they land everywhere); checkpointing after
    ///   every report (the default, 1000 pages) copies and fsyncs them each time. Letting the WAL
    ///   reach a quarter of the store (between SQLite's default and 64 MiB) copies each page once
    ///   for several reports, and the WAL stays smaller than the store.
    /// - foreign_keys OFF (outside the transaction; on again after it): every reference the ingest
    ///   writes is an id it read or made in the same transaction, so SQLite's per-row lookups (six
    ///   per finding) only cost time here. Every other write keeps them on; tests run
    ///   `foreign_key_check` after ingests.
    public static func ingestPragmas(pageCount: Int) -> [String] {
        [
            "cache_size = -131072", "temp_store = MEMORY", "wal_autocheckpoint = \(min(16_384, max(1_000, pageCount / 4)))",
            "foreign_keys = OFF",
        ]
    }

    /// True when a report with this SHA-256 about this subject (`ScanHeader.subject`) is already in the store.
    public func hasScan(sha256: [UInt8], subject: String = "") throws -> Bool {
        try read { db in try IngestGroup.hasScan(db, sha256: sha256, subject: subject) }
    }
}

/// Reports written together in one transaction (`FindingStore.ingestGroup`).
public final class IngestGroup {
    let db: StoreConnection
    /// The first error of a report: the group can only be rolled back.
    private(set) var failure: (any Error)?

    init(db: StoreConnection) {
        self.db = db
    }

    static func hasScan(_ db: StoreConnection, sha256: [UInt8], subject: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM scan WHERE sha256 = ? AND subject = ?", arguments: [Data(sha256), subject]) ?? false
    }

    /// The scan a report with these bytes about this subject was stored as (the latest, if several projects).
    public func scanID(sha256: [UInt8], subject: String = "") throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT id FROM scan WHERE sha256 = ? AND subject = ? ORDER BY id DESC LIMIT 1", arguments: [Data(sha256), subject])
    }

    /// The findings these scans reported that match `filter`, as of `now`, each with whether a scan
    /// of this set first reported it (`mlsoc gate`); read inside the group's transaction, so a dry
    /// run sees what it would write.
    public func gateRows(scanIDs: [Int64], filter: FindingFilter, now: Int64) throws -> [GateRow] {
        try FindingStore.gateRows(db, scanIDs: scanIDs, filter: filter, now: now)
    }

    /// Writes one report. If it throws, the group is rolled back whatever the caller does next.
    public func ingest(_ header: ScanHeader, produce: (IngestSink) throws -> Void) throws -> IngestOutcome {
        if let failure { throw failure }
        do {
            if try IngestGroup.hasScan(db, sha256: header.sha256, subject: header.subject) {
                return IngestOutcome(alreadyIngested: true)
            }
            let sink = try IngestSink(db: db, header: header)
            try produce(sink)
            return try sink.finish()
        } catch {
            failure = error
            throw StoreError.bounded(error)
        }
    }
}
