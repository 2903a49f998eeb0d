import Findings
import Foundation
import GRDB

/// Risk from the summaries: the matrix, the lifecycle pivot, per-model scores and breakdowns.
/// Read from the trigger-maintained summary tables, never a scan of every finding.
extension FindingStore {
    /// The matrix summary, read from the trigger-maintained table: no scan of findings. With a
    /// project id, that project's findings only.
    public func matrixSummary(projectID: Int64? = nil, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> MatrixSummary {
        try read { db in
            var summary = MatrixSummary()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT threat, severity, state, sum(count) FROM summaryCell
                    WHERE count > 0 AND (CAST(?1 AS BIGINT) IS NULL OR projectId = ?1) GROUP BY 1, 2, 3
                    """, arguments: [projectID])
            while let row = try rows.next() {
                guard let threat = Threat(rawValue: row[0]), let severity = Severity(rawValue: row[1]),
                    let state = TriageState(rawValue: row[2])
                else { continue }
                summary.add(threat: threat, severity: severity, state: state, count: row[3])
            }
            for cell in try FindingStore.lapsedCells(db, now: now, projectID: projectID) {
                summary.add(threat: cell.threat, severity: cell.severity, state: .accepted, count: -cell.count)
                summary.add(threat: cell.threat, severity: cell.severity, state: .new, count: cell.count)
            }
            return summary
        }
    }

    /// Open findings by target × lifecycle stage of their model, from the summary table.
    public func lifecycleSummary(projectID: Int64? = nil, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> LifecycleSummary {
        try read { db in
            var summary = LifecycleSummary()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.threat, m.stage, s.severity, sum(s.count) FROM summaryCell s LEFT JOIN model m ON m.id = s.modelId
                    WHERE s.state IN (\(TriageState.openSQL)) AND s.count > 0 AND (CAST(?1 AS BIGINT) IS NULL OR s.projectId = ?1) GROUP BY 1, 2, 3
                    """, arguments: [projectID])
            while let row = try rows.next() {
                guard let threat = Threat(rawValue: row[0]), let severity = Severity(rawValue: row[2]) else { continue }
                summary.add(target: threat.target, stage: row[1], severity: severity, count: row[3])
            }
            // Acceptances that have ended are open again.
            let lapsed = try Row.fetchCursor(
                db,
                sql: """
                    SELECT f.threat, m.stage, f.severity, count(*) FROM finding f INDEXED BY finding_accepted LEFT JOIN model m ON m.id = f.modelId
                    WHERE f.state = \(TriageState.accepted.sql) AND f.acceptedUntil < ?1 AND (CAST(?2 AS BIGINT) IS NULL OR f.projectId = ?2) GROUP BY 1, 2, 3
                    """, arguments: [now, projectID])
            while let row = try lapsed.next() {
                guard let threat = Threat(rawValue: row[0]), let severity = Severity(rawValue: row[2]) else { continue }
                summary.add(target: threat.target, stage: row[1], severity: severity, count: row[3])
            }
            return summary
        }
    }

    /// Every model and dataset with its open findings by severity, SLA breaches and daily trend,
    /// plus a row (id 0) for open findings no model claims when there are any. Read from the
    /// per-model summary and the model index: no scan of findings.
    /// With a project id: that project's models, and the registry's models that have findings in it,
    /// counted by that project's findings.
    public func modelRisks(
        now: Int64 = Int64(Date().timeIntervalSince1970), trendDays: Int = 30,
        projectID: Int64? = nil
    ) throws -> [ModelRisk] {
        try read { db in
            var risks: [ModelRisk] = []
            var index: [Int64: Int] = [:]
            // Every model with its SLA breaches: per model, one range of the model index per open
            // state (seeks, not a walk of every attributed finding: 1 ms instead of 16 at 1M findings).
            let models = try ModelRiskHead.fetchCursor(
                db,
                sql: """
                    SELECT m.id, m.name, m.version, m.kind, m.owner, m.stage, m.criticality, m.source,
                           (SELECT count(*) FROM finding f INDEXED BY finding_by_model
                            WHERE f.modelId = m.id AND f.state IN (\(TriageState.openSQL)) AND f.slaDue < ?1
                                  AND (CAST(?2 AS BIGINT) IS NULL OR f.projectId = ?2)) AS slaBreaches,
                           coalesce(p.name, '') AS project
                    FROM model m LEFT JOIN project p ON p.id = m.projectId
                    WHERE CAST(?2 AS BIGINT) IS NULL OR m.projectId = ?2
                        OR (m.projectId = 0 AND EXISTS (SELECT 1 FROM modelSummary s WHERE s.modelId = m.id AND s.projectId = ?2))
                    """, arguments: [now, projectID])
            while let head = try models.next() {
                index[head.id] = risks.count
                var risk = ModelRisk(
                    id: head.id, name: head.name, version: head.version, kind: head.kind, owner: head.owner, stage: head.stage,
                    criticality: head.criticality, source: head.source, slaBreaches: head.slaBreaches)
                risk.project = head.project
                risks.append(risk)
            }
            // Open findings by severity: a row per model and open state, a column per severity.
            let counts = try Row.fetchCursor(
                db,
                sql: """
                    SELECT modelId, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4 FROM modelSummary
                    WHERE state IN (\(TriageState.openSQL)) AND (CAST(?1 AS BIGINT) IS NULL OR projectId = ?1)
                    """, arguments: [projectID])
            while let row = try counts.next() {
                let id: Int64 = row[0]
                for severity in Severity.allCases {
                    let count: Int = row[1 + severity.rawValue]
                    guard count > 0 else { continue }
                    if index[id] == nil, id == 0 {
                        index[0] = risks.count
                        risks.append(ModelRisk(id: 0, name: "(no model)", source: ""))
                    }
                    guard let position = index[id] else { break }
                    risks[position].open[severity, default: 0] += count
                    risks[position].weighted[severity, default: 0] += row[6 + severity.rawValue] as Double
                }
            }
            // Unassigned open findings: the open ones less the assigned (schema v23).
            let assigned = try ModelCount.fetchAll(
                db,
                sql: """
                    SELECT modelId, sum(count) AS count FROM assignedSummary
                    WHERE state IN (\(TriageState.openSQL)) AND (CAST(?1 AS BIGINT) IS NULL OR projectId = ?1) GROUP BY modelId
                    """, arguments: [projectID])
            let assignedByModel = Dictionary(assigned.map { ($0.modelId, $0.count) }, uniquingKeysWith: +)
            // Acceptances that have ended count as open again.
            for cell in try FindingStore.lapsedCells(db, now: now, projectID: projectID) {
                if index[cell.modelID] == nil, cell.modelID == 0 {
                    index[0] = risks.count
                    risks.append(ModelRisk(id: 0, name: "(no model)", source: ""))
                }
                guard let position = index[cell.modelID] else { continue }
                risks[position].open[cell.severity, default: 0] += cell.count
                risks[position].weighted[cell.severity, default: 0] += cell.weight
            }
            let firstDay = now / 86_400 - Int64(trendDays) + 1
            let snapshots = try Row.fetchCursor(
                db, sql: "SELECT modelId, day, score FROM modelSnapshot WHERE day >= ? ORDER BY modelId, day",
                arguments: [firstDay])
            var trends: [Int64: [Int64: Double]] = [:]
            while let row = try snapshots.next() { trends[row[0], default: [:]][row[1]] = row[2] }
            for (id, days) in trends {
                guard let position = index[id], let first = days.keys.min() else { continue }
                // Days without a snapshot carry the last known score forward.
                var series: [Double] = []
                var last = 0.0
                for day in first...(now / 86_400) {
                    last = days[day] ?? last
                    series.append(last)
                }
                risks[position].trend = series
            }
            for index in risks.indices {
                risks[index].unassigned = max(0, risks[index].open.values.reduce(0, +) - (assignedByModel[risks[index].id] ?? 0))
            }
            return risks
        }
    }

    /// Open findings of one model (0: of none) by target, by tool, and as a matrix.
    public func modelBreakdown(modelID: Int64, projectID: Int64? = nil, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> ModelBreakdown {
        try read { db in
            var breakdown = ModelBreakdown()
            var byTarget: [Target: [Severity: Int]] = [:]
            var weightedByTarget: [Target: [Severity: Double]] = [:]
            let cells = try Row.fetchCursor(
                db,
                sql: """
                    SELECT threat, severity, state, count, weight FROM summaryCell
                    WHERE modelId = ?1 AND count > 0 AND (CAST(?2 AS BIGINT) IS NULL OR projectId = ?2)
                    """, arguments: [modelID, projectID])
            while let row = try cells.next() {
                guard let threat = Threat(rawValue: row[0]), let severity = Severity(rawValue: row[1]),
                    let state = TriageState(rawValue: row[2])
                else { continue }
                breakdown.matrix.add(threat: threat, severity: severity, state: state, count: row[3])
                if state.isOpen {
                    byTarget[threat.target, default: [:]][severity, default: 0] += row[3] as Int
                    weightedByTarget[threat.target, default: [:]][severity, default: 0] += row[4] as Double
                }
            }
            for cell in try FindingStore.lapsedCells(db, now: now, projectID: projectID, modelID: modelID) {
                breakdown.matrix.add(threat: cell.threat, severity: cell.severity, state: .accepted, count: -cell.count)
                breakdown.matrix.add(threat: cell.threat, severity: cell.severity, state: .new, count: cell.count)
                byTarget[cell.threat.target, default: [:]][cell.severity, default: 0] += cell.count
                weightedByTarget[cell.threat.target, default: [:]][cell.severity, default: 0] += cell.weight
            }
            breakdown.byTarget = Target.allCases.compactMap { target in
                byTarget[target].map { GroupCounts(key: target.name, open: $0, weighted: weightedByTarget[target]) }
            }
            let modelCondition = modelID == 0 ? "f.modelId IS NULL" : "f.modelId = ?1"
            let tools = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.tool, f.severity, count(*), sum(coalesce(f.asr, 1)) FROM finding f JOIN rule r ON r.id = f.ruleRef
                    WHERE \(modelCondition) AND (f.state IN (\(TriageState.openSQL)) OR (f.state = \(TriageState.accepted.sql) AND f.acceptedUntil < ?3))
                          AND (CAST(?2 AS BIGINT) IS NULL OR f.projectId = ?2) GROUP BY 1, 2
                    """, arguments: [modelID, projectID, now])
            var byTool: [String: [Severity: Int]] = [:]
            var weightedByTool: [String: [Severity: Double]] = [:]
            for row in tools {
                guard let severity = Severity(rawValue: row[1]) else { continue }
                byTool[row[0], default: [:]][severity] = row[2]
                weightedByTool[row[0], default: [:]][severity] = row[3]
            }
            breakdown.byTool = byTool.map { GroupCounts(key: $0.key, open: $0.value, weighted: weightedByTool[$0.key]) }
                .sorted { ($0.score(), $1.key) > ($1.score(), $0.key) }
            (breakdown.card, breakdown.lineage) = try lineage(db, modelID: modelID)
            return breakdown
        }
    }

    /// Today's score of every model, from the summary table: the trend sparklines' data. Written
    /// with every ingest and every triage change.
    static func snapshotModels(_ db: StoreConnection, day: Int64, weights: RiskWeights) throws {
        try db.execute(
            sql: """
                INSERT INTO modelSnapshot (modelId, day, score, open)
                SELECT m.id, ?, coalesce(sum(s.w4 * ? + s.w3 * ? + s.w2 * ? + s.w1 * ? + s.w0 * ?), 0) * m.criticality,
                       coalesce(sum(s.c0 + s.c1 + s.c2 + s.c3 + s.c4), 0)
                FROM model m LEFT JOIN modelSummary s ON s.modelId = m.id AND s.state IN (\(TriageState.openSQL))
                GROUP BY m.id
                ON CONFLICT (modelId, day) DO UPDATE SET score = excluded.score, open = excluded.open
                """, arguments: [day, weights.critical, weights.high, weights.medium, weights.low, weights.info])
    }
}

extension FindingStore {
    /// Accepted findings whose acceptance ended before `now` (the `finding_accepted` index: few
    /// rows), by model, project and cell: the summaries count them as accepted until a writer lapses
    /// them, so every reader moves them back to open (new) itself.
    struct LapsedCell {
        var modelID: Int64
        var threat: Threat
        var severity: Severity
        var count: Int
        var weight: Double
    }

    static func lapsedCells(_ db: StoreConnection, now: Int64, projectID: Int64?, modelID: Int64? = nil) throws -> [LapsedCell] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT coalesce(modelId, 0), threat, severity, count(*), sum(coalesce(asr, 1)) FROM finding INDEXED BY finding_accepted
                WHERE state = \(TriageState.accepted.sql) AND acceptedUntil < ?1 AND (CAST(?2 AS BIGINT) IS NULL OR projectId = ?2) AND (CAST(?3 AS BIGINT) IS NULL OR coalesce(modelId, 0) = ?3)
                GROUP BY 1, 2, 3
                """, arguments: [now, projectID, modelID]
        ).compactMap { row in
            guard let threat = Threat(rawValue: row[1]), let severity = Severity(rawValue: row[2]) else { return nil }
            return LapsedCell(modelID: row[0], threat: threat, severity: severity, count: row[3], weight: row[4])
        }
    }
}

/// A count per model (assignedSummary).
private struct ModelCount: Decodable, FetchableRecord {
    var modelId: Int64
    var count: Int
}

/// A model as the risk list starts from: the registry's fields, its SLA breaches and its project.
private struct ModelRiskHead: Decodable, FetchableRecord {
    var id: Int64
    var name: String
    var version: String
    var kind: String
    var owner: String?
    var stage: String?
    var criticality: Double
    var source: String
    var slaBreaches: Int
    var project: String
}
