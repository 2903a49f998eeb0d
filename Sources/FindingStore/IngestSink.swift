import Foundation
import Findings
import GRDB

/// Receives one report's findings inside its write transaction. Only the store makes one.
public final class IngestSink {
    private let db: Database
    private let header: ScanHeader
    let scanID: Int64
    private(set) var outcome: IngestOutcome
    private var tools: [String: String?] = [:]
    private var toolOrder: [String] = []
    private var ruleIDs: [String: Int64] = [:]
    private var modelIDs: [String: Int64] = [:]

    init(db: Database, header: ScanHeader) throws {
        self.db = db
        self.header = header
        try db.execute(
            sql: """
                INSERT INTO scan (tool, format, sourcePath, sha256, ingestedAt, actor)
                VALUES ('', ?, ?, ?, ?, ?)
                """,
            arguments: [header.format, header.sourcePath, Data(header.sha256), header.ingestedAt, header.actor]
        )
        scanID = db.lastInsertedRowID
        outcome = IngestOutcome(scanID: scanID)
    }

    /// Records a tool that produced part of the report (SARIF may hold several runs).
    public func noteTool(name: String, version: String?) {
        if tools[name] == nil { toolOrder.append(name) }
        tools[name] = version
    }

    /// Adds or refreshes one finding.
    public func add(_ finding: Finding) throws {
        outcome.total += 1
        let ruleRef = try rule(tool: finding.tool, ruleID: finding.ruleID, title: finding.title)
        let modelID = try finding.modelName.map { try model(name: $0) }
        let now = header.ingestedAt
        let inserted = try db.cachedStatement(sql: """
            INSERT INTO finding (fingerprint, ruleRef, message, severity, score, threat, taxonomy, modelId, artifact,
                                 path, line, endLine, firstSeen, lastSeen, lastScanId, state, slaDue)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (fingerprint) DO NOTHING
            RETURNING id
            """)
        let state: TriageState = finding.suppressed ? .falsePositive : .new
        let arguments: StatementArguments = [
            Data(finding.fingerprint.bytes), ruleRef, finding.message, finding.severity.rawValue, finding.score,
            finding.threat.rawValue, finding.taxonomy.packed, modelID, finding.artifact, finding.location?.path,
            finding.location?.startLine, finding.location?.endLine, now, now, scanID, state.rawValue,
            header.sla.due(severity: finding.severity, firstSeen: now),
        ]
        if let id = try Int64.fetchOne(inserted, arguments: arguments) {
            outcome.new += 1
            if let evidence = finding.evidence, !evidence.isEmpty {
                try db.cachedStatement(sql: "INSERT INTO findingEvidence (findingId, evidence) VALUES (?, ?)")
                    .execute(arguments: [id, evidence])
            }
            try event(findingID: id, kind: "created", from: nil, to: state.key, reason: finding.suppressed ? "suppressed by the tool" : nil)
            return
        }
        try refresh(finding)
    }

    private func refresh(_ finding: Finding) throws {
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, state, lastScanId FROM finding WHERE fingerprint = ?"),
            arguments: [Data(finding.fingerprint.bytes)]
        )
        guard let existing else { return }
        let id: Int64 = existing["id"]
        let lastScan: Int64 = existing["lastScanId"]
        if lastScan == scanID {
            outcome.repeated += 1
            return
        }
        let state = TriageState(rawValue: existing["state"]) ?? .new
        if state.reopensOnReappearance {
            try db.cachedStatement(sql: """
                UPDATE finding SET lastSeen = ?, lastScanId = ?, state = ?, version = version + 1 WHERE id = ?
                """).execute(arguments: [header.ingestedAt, scanID, TriageState.new.rawValue, id])
            try event(findingID: id, kind: "reopened", from: state.key, to: TriageState.new.key, reason: "seen again by \(finding.tool)")
            outcome.reopened += 1
        } else {
            try db.cachedStatement(sql: "UPDATE finding SET lastSeen = ?, lastScanId = ? WHERE id = ?")
                .execute(arguments: [header.ingestedAt, scanID, id])
            outcome.unchanged += 1
        }
    }

    private func event(findingID: Int64, kind: String, from: String?, to: String?, reason: String?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO findingEvent (findingId, at, actor, kind, fromValue, toValue, reason, scanId)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [findingID, header.ingestedAt, header.actor, kind, from, to, reason, scanID])
    }

    private func rule(tool: String, ruleID: String, title: String) throws -> Int64 {
        let key = tool + "\u{1F}" + ruleID
        if let id = ruleIDs[key] { return id }
        let id = try Int64.fetchOne(
            db.cachedStatement(sql: """
                INSERT INTO rule (tool, ruleId, title) VALUES (?, ?, ?)
                ON CONFLICT (tool, ruleId) DO UPDATE SET title = excluded.title
                RETURNING id
                """),
            arguments: [tool, ruleID, title]
        ) ?? 0
        ruleIDs[key] = id
        return id
    }

    private func model(name: String) throws -> Int64 {
        if let id = modelIDs[name] { return id }
        let now = header.ingestedAt
        let id = try Int64.fetchOne(
            db.cachedStatement(sql: """
                INSERT INTO model (name, source, firstSeen, lastSeen) VALUES (?, 'attribution', ?, ?)
                ON CONFLICT (name, version) DO UPDATE SET lastSeen = excluded.lastSeen
                RETURNING id
                """),
            arguments: [name, now, now]
        ) ?? 0
        modelIDs[name] = id
        return id
    }

    /// Writes the scan's tool and counts; called by the store before commit.
    func finish() throws -> IngestOutcome {
        let tool = toolOrder.joined(separator: ",")
        let version = toolOrder.compactMap { tools[$0] ?? nil }.joined(separator: ",")
        try db.execute(
            sql: """
                UPDATE scan SET tool = ?, toolVersion = ?, findingCount = ?, newCount = ?, unchangedCount = ?,
                                reopenedCount = ? WHERE id = ?
                """,
            arguments: [tool, version.isEmpty ? nil : version, outcome.total, outcome.new, outcome.unchanged,
                        outcome.reopened, scanID]
        )
        outcome.tool = tool
        return outcome
    }
}
