import FindingStore
import Findings
import Foundation
import GRDB

/// A store of many findings made in SQL (recursive CTEs) on the real schema, triggers included:
/// seconds instead of minutes for the 100k-finding console checks in a debug build.
public enum SyntheticStore {
    /// Threats the synthetic findings spread over, in turn.
    public static let threats: [Threat] = [
        .ipTheft, .modelTheft, .misconfiguration, .malwareDistribution, .dataLoss,
        .dataPoisoning, .modelDenialOfService,
    ]

    public static func make(path: String, findings count: Int, at time: Int64 = 1_790_000_000) throws {
        _ = try FindingStore(path: path)  // creates the file (0600) and migrates
        let queue = try DatabaseQueue(path: path)
        let threatCase =
            "CASE n.i % \(threats.count) "
            + threats.enumerated().map { "WHEN \($0.offset) THEN \($0.element.rawValue)" }
            .joined(separator: " ") + " END"
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO scan (id, tool, format, sourcePath, sha256, ingestedAt, actor, findingCount, newCount)
                    VALUES (1, 'synthetic', 'mlsoc-jsonl', 'synthetic.jsonl', randomblob(32), ?, 'tester', ?, ?)
                    """, arguments: [time, count, count])
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299)
                    INSERT INTO rule (id, tool, ruleId, title) SELECT i + 1, 'synthetic', 'R' || i, 'Synthetic rule ' || i FROM n
                    """)
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 39)
                    INSERT INTO model (id, name, source, firstSeen, lastSeen) SELECT i + 1, 'model-' || i, 'attribution', ?, ? FROM n
                    """, arguments: [time, time])
            // One message per finding (hash = id: synthetic rows are never looked up by text).
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                    INSERT INTO message (id, hash, text)
                    SELECT n.i + 1, n.i + 1, 'finding number ' || n.i || ' in src/m' || (n.i % 1000) || '.py' FROM n
                    """, arguments: [count])
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 899)
                    INSERT INTO taxonomy (id, text) SELECT n.i + 1, 'CWE-' || n.i FROM n
                    """)
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
                    INSERT INTO path (id, text) SELECT n.i + 1, 'src/m' || n.i || '.py' FROM n
                    """)
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                    INSERT INTO finding (fingerprint, ruleRef, messageId, severity, threat, taxonomyId, modelId, pathId, line,
                                         firstSeen, lastSeen, firstScanId, lastScanId, state, slaDue)
                    SELECT CAST(printf('%016d', n.i) AS BLOB), n.i % 300 + 1, n.i + 1,
                           4 - n.i % 5, \(threatCase), n.i % 900 + 1, n.i % 40 + 1, n.i % 1000 + 1, n.i % 500 + 1,
                           ?, ?, 1, 1, 0, ? + 86400 * 30
                    FROM n
                    """, arguments: [count, time, time, time])
            // The ingest keeps the summaries itself (no insert trigger since schema v11).
            try db.execute(
                sql: """
                    INSERT INTO summaryCell (modelId, projectId, threat, severity, state, count, weight)
                    SELECT coalesce(modelId, 0), projectId, threat, severity, state, count(*), count(*) FROM finding GROUP BY 1, 2, 3, 4, 5
                    """)
            try db.execute(
                sql: """
                    INSERT INTO groupSummary (ruleRef, messageId, modelId, projectId, threat, severity, state, count)
                    SELECT ruleRef, messageId, coalesce(modelId, 0), projectId, threat, severity, state, count(*) FROM finding
                    GROUP BY 1, 2, 3, 4, 5, 6, 7
                    """)
            try db.execute(
                sql: """
                    INSERT INTO modelSummary (modelId, projectId, state, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4)
                    SELECT modelId, projectId, state, sum((severity = 0) * count), sum((severity = 1) * count), sum((severity = 2) * count),
                           sum((severity = 3) * count), sum((severity = 4) * count), sum((severity = 0) * weight),
                           sum((severity = 1) * weight), sum((severity = 2) * weight), sum((severity = 3) * weight),
                           sum((severity = 4) * weight)
                    FROM summaryCell GROUP BY 1, 2, 3
                    """)
        }
    }
}
