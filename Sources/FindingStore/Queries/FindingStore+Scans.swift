import Findings
import Foundation
import GRDB

/// The ingest history: recent scans, their warnings and coverage, and the store's counts.
extension FindingStore {
    /// The most recent ingests, newest first, with their deltas and warning counts.
    public func recentScans(limit: Int, projectID: Int64? = nil) throws -> [ScanSummary] {
        try read { db in
            try ScanSummary.fetchAll(
                db,
                sql: """
                    SELECT s.*, (SELECT count(*) FROM scanWarning w WHERE w.scanId = s.id) AS warnings, p.name AS project
                    FROM scan s JOIN project p ON p.id = s.projectId WHERE CAST(?2 AS BIGINT) IS NULL OR s.projectId = ?2 ORDER BY s.id DESC LIMIT ?1
                    """, arguments: [limit, projectID])
        }
    }

    /// The warnings of the most recent scans that have any (unscannable files, tool errors).
    public func recentWarnings(limit: Int, projectID: Int64? = nil) throws -> [(scanID: Int64, message: String)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT w.scanId, w.message FROM scanWarning w JOIN scan s ON s.id = w.scanId
                    WHERE CAST(?2 AS BIGINT) IS NULL OR s.projectId = ?2 ORDER BY w.id DESC LIMIT ?1
                    """, arguments: [limit, projectID]
            )
            .map { (scanID: $0[0], message: $0[1]) }
        }
    }

    /// What a scan covered, as recorded (`--covers`, or what the report said).
    public func scanCoverage(scanID: Int64) throws -> Coverage {
        try read { db in
            let entries = try Row.fetchAll(
                db, sql: "SELECT kind, value FROM scanCoverage WHERE scanId = ? ORDER BY kind, value",
                arguments: [scanID]
            )
            .compactMap { Coverage.Entry(kind: $0[0], value: $0[1]) }
            return Coverage(entries)
        }
    }

    /// Counts of the main tables, for headers and `mlsoc` summaries.
    public func counts(projectID: Int64? = nil) throws -> (findings: Int, scans: Int, models: Int) {
        try read { db in
            let findings =
                try Int.fetchOne(
                    db, sql: "SELECT coalesce(sum(count), 0) FROM summaryCell WHERE CAST(?1 AS BIGINT) IS NULL OR projectId = ?1",
                    arguments: [projectID]) ?? 0
            let scans =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM scan WHERE CAST(?1 AS BIGINT) IS NULL OR projectId = ?1", arguments: [projectID]) ?? 0
            let models =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM model m WHERE CAST(?1 AS BIGINT) IS NULL OR m.projectId = ?1
                            OR (m.projectId = 0 AND EXISTS (SELECT 1 FROM modelSummary s WHERE s.modelId = m.id AND s.projectId = ?1))
                        """, arguments: [projectID]) ?? 0
            return (findings, scans, models)
        }
    }
}
