import Findings
import Foundation
import GRDB

/// The facts compliance evaluation reads (`ComplianceEvaluator`), in one read transaction: models,
/// their findings grouped by cell and ids, the scans and which models they reported on, SLA
/// breaches and the triage trail. Scoped to a project when one is given.
extension FindingStore {
    public func complianceFacts(now: Int64, projectID: Int64? = nil) throws -> ComplianceFacts {
        let open = TriageState.openSQL
        let accepted = TriageState.accepted.sql
        let scope = projectID == nil ? "" : "AND f.projectId = :project"
        // Named arguments: each query takes the ones it names.
        let arguments: StatementArguments = ["now": now, "project": projectID]
        return try read { db in
            let models = try ComplianceModelRecord.fetchAll(
                db,
                sql: """
                    SELECT m.id, m.name, m.version, m.kind, m.stage, m.projectId, coalesce(p.name, '') AS project
                    FROM model m LEFT JOIN project p ON p.id = m.projectId
                    \(projectID == nil ? "" : "WHERE m.projectId IN (0, :project)") ORDER BY m.name, m.version
                    """, arguments: arguments
            ).map(\.model)
            // An acceptance that ran out is the open finding it is again. A scan (NOT INDEXED):
            // the model indexes hold a seventh of the rows, read at random, and took twice as long.
            let groups = try ComplianceGroupRecord.fetchAll(
                db,
                sql: """
                    SELECT f.modelId, f.threat, coalesce((SELECT tx.text FROM taxonomy tx WHERE tx.id = f.taxonomyId), '') AS taxonomy,
                           count(*) FILTER (WHERE f.state IN (\(open)) OR (f.state = \(accepted) AND f.acceptedUntil < :now)) AS open,
                           count(*) FILTER (WHERE f.state = \(accepted) AND (f.acceptedUntil IS NULL OR f.acceptedUntil >= :now)) AS accepted,
                           min(f.id) AS first, max(f.id) AS last
                    FROM finding f NOT INDEXED
                    WHERE f.modelId IS NOT NULL AND (f.state IN (\(open)) OR f.state = \(accepted)) \(scope)
                    GROUP BY f.modelId, f.threat, f.taxonomyId
                    """, arguments: arguments
            ).map(\.group)
            var reported: [Int64: Set<Int64>] = [:]
            // Which models each scan reported findings for (`scanModel`, written by the ingest).
            let pairs = try CompliancePairRecord.fetchCursor(
                db,
                sql: """
                    SELECT sm.scanId AS scan, sm.modelId AS model FROM scanModel sm
                    \(projectID == nil ? "" : "JOIN scan s ON s.id = sm.scanId WHERE s.projectId = :project")
                    """, arguments: arguments)
            while let pair = try pairs.next() { reported[pair.scan, default: []].insert(pair.model) }
            var scans = try ComplianceScanRecord.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.tool, s.toolVersion, lower(hex(s.sha256)) AS sha256, s.ingestedAt, s.projectId, s.scopeModel, s.sourcePath
                    FROM scan s
                    \(projectID == nil ? "" : "WHERE s.projectId = :project") ORDER BY s.ingestedAt DESC, s.id DESC
                    """, arguments: arguments
            ).map { record in
                var scan = record.scan
                scan.modelIDs = reported[scan.id] ?? []
                return scan
            }
            var targets: [Int64: Set<String>] = [:]
            for record in try ComplianceTargetRecord.fetchAll(db, sql: "SELECT scanId, value FROM scanCoverage WHERE kind = 'target'") {
                targets[record.scan, default: []].insert(record.value)
            }
            for index in scans.indices { scans[index].targets.formUnion(targets[scans[index].id] ?? []) }
            let breaches = try Dictionary(
                uniqueKeysWithValues: ModelValueRecord.fetchAll(
                    db,
                    sql: """
                        SELECT f.modelId AS model, count(*) AS value FROM finding f
                        WHERE f.modelId IS NOT NULL AND f.state IN (\(open)) AND f.slaDue < :now \(scope) GROUP BY f.modelId
                        """, arguments: arguments
                ).map { ($0.model, Int($0.value)) })
            var triage: [Int64: ComplianceFacts.Triage] = [:]
            // Decisions by people: triage writes events without a scan; the ingest's carry one.
            for record in try ModelValueRecord.fetchAll(
                db,
                sql: """
                    SELECT f.modelId AS model, max(e.at) AS value FROM findingEvent e JOIN finding f ON f.id = e.findingId
                    WHERE e.scanId IS NULL AND f.modelId IS NOT NULL \(scope) GROUP BY f.modelId
                    """, arguments: arguments)
            {
                triage[record.model, default: ComplianceFacts.Triage()].lastDecision = record.value
            }
            for record in try ModelValueRecord.fetchAll(
                db,
                sql: """
                    SELECT f.modelId AS model, count(*) AS value FROM finding f
                    WHERE f.modelId IS NOT NULL AND f.state = \(accepted) AND (f.acceptedUntil IS NULL OR f.acceptedUntil >= :now)
                      AND (f.acceptedBy IS NULL OR f.acceptedBy = '' OR f.acceptedUntil IS NULL) \(scope)
                    GROUP BY f.modelId
                    """, arguments: arguments)
            {
                triage[record.model, default: ComplianceFacts.Triage()].unapprovedAcceptances = Int(record.value)
            }
            return ComplianceFacts(models: models, findings: groups, scans: scans, slaBreaches: breaches, triage: triage)
        }
    }
}

private struct ComplianceModelRecord: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let name = Column("name")
        static let version = Column("version")
        static let kind = Column("kind")
        static let stage = Column("stage")
        static let projectID = Column("projectId")
        static let project = Column("project")
    }

    var model: ComplianceFacts.Model

    init(row: Row) throws {
        model = ComplianceFacts.Model(
            id: try row.decode(forColumn: Columns.id), name: try row.decode(forColumn: Columns.name),
            version: try row.decode(forColumn: Columns.version), kind: try row.decode(forColumn: Columns.kind),
            stage: try row.decode(forColumn: Columns.stage), projectID: try row.decode(forColumn: Columns.projectID),
            project: try row.decode(forColumn: Columns.project))
    }
}

private struct ComplianceGroupRecord: FetchableRecord {
    enum Columns {
        static let model = Column("modelId")
        static let threat = Column("threat")
        static let taxonomy = Column("taxonomy")
        static let open = Column("open")
        static let accepted = Column("accepted")
        static let first = Column("first")
        static let last = Column("last")
    }

    var group: ComplianceFacts.FindingGroup

    init(row: Row) throws {
        let first: Int64 = try row.decode(forColumn: Columns.first)
        let last: Int64 = try row.decode(forColumn: Columns.last)
        let taxonomy: String = try row.decode(forColumn: Columns.taxonomy)
        group = ComplianceFacts.FindingGroup(
            modelID: try row.decode(forColumn: Columns.model), threat: try row.decode(forColumn: Columns.threat),
            ids: taxonomy.split(separator: " ").map(String.init), open: try row.decode(forColumn: Columns.open),
            accepted: try row.decode(forColumn: Columns.accepted), sample: first == last ? [first] : [first, last])
    }
}

private struct CompliancePairRecord: FetchableRecord {
    enum Columns {
        static let scan = Column("scan")
        static let model = Column("model")
    }

    var scan: Int64
    var model: Int64

    init(row: Row) throws {
        scan = try row.decode(forColumn: Columns.scan)
        model = try row.decode(forColumn: Columns.model)
    }
}

private struct ComplianceScanRecord: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let tool = Column("tool")
        static let toolVersion = Column("toolVersion")
        static let sha256 = Column("sha256")
        static let ingestedAt = Column("ingestedAt")
        static let projectID = Column("projectId")
        static let scopeModel = Column("scopeModel")
        static let sourcePath = Column("sourcePath")
    }

    var scan: ComplianceFacts.Scan

    init(row: Row) throws {
        scan = ComplianceFacts.Scan(
            id: try row.decode(forColumn: Columns.id), tool: try row.decode(forColumn: Columns.tool),
            toolVersion: try row.decode(forColumn: Columns.toolVersion), sha256: try row.decode(forColumn: Columns.sha256),
            ingestedAt: try row.decode(forColumn: Columns.ingestedAt), projectID: try row.decode(forColumn: Columns.projectID),
            targets: Set([try row.decode(String?.self, forColumn: Columns.scopeModel)].compactMap { $0 }),
            sourcePath: try row.decode(forColumn: Columns.sourcePath))
    }
}

private struct ComplianceTargetRecord: FetchableRecord {
    enum Columns {
        static let scan = Column("scanId")
        static let value = Column("value")
    }

    var scan: Int64
    var value: String

    init(row: Row) throws {
        scan = try row.decode(forColumn: Columns.scan)
        value = try row.decode(forColumn: Columns.value)
    }
}

/// One number per model (a count, a time), from the compliance reads.
private struct ModelValueRecord: FetchableRecord {
    enum Columns {
        static let model = Column("model")
        static let value = Column("value")
    }

    var model: Int64
    var value: Int64

    init(row: Row) throws {
        model = try row.decode(forColumn: Columns.model)
        value = try row.decode(forColumn: Columns.value)
    }
}
