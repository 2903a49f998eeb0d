import Findings
import Foundation
import GRDB

/// Receives one report's findings inside its write transaction. Only the store makes one.
public final class IngestSink {
    let db: StoreConnection
    let header: ScanHeader
    let scanID: Int64
    var outcome: IngestOutcome
    private var tools: [String: String?] = [:]
    private var toolOrder: [String] = []
    private var ruleIDs: [RuleKey: Int64] = [:]
    private(set) var modelIDs: [String: Int64] = [:]
    private var scopeIDs: [String: Int64] = [:]
    /// Scope ids by tool: category and scope model are fixed once the first finding arrived.
    private var scopeByTool: [String: Int64] = [:]
    /// The per-finding statements, bound through SQLite's C API (see `RawStatement`).
    private let insertFinding: RawStatement
    let insertEvidence: RawStatement
    private let insertEvent: RawStatement
    private let findMessage: RawStatement
    private let insertMessage: RawStatement
    private let findPath: RawStatement
    private let insertPath: RawStatement
    /// What this report adds to the summary table, flushed once per cell (see schema v11).
    private var summary: [SummaryKey: (count: Int, weight: Double)] = [:]
    /// New findings with a due key, by the stretch they fall due in (dueSummary, schema v26).
    private var dueStretches: [Int64: Int] = [:]
    /// New findings by taxonomy and rule (taxonomySummary, schema v27).
    private var taxonomies: [RuleTaxonomy: Int] = [:]
    /// A server store's findings waiting to be written together (`IngestSink+ServerBatch.swift`).
    var queued: [QueuedFinding] = []
    /// The last batch's statements, sent and not yet waited for (`IngestSink+ServerBatch.swift`).
    var sent: SentBatch?
    /// Message ids by text: tools repeat a handful of messages thousands of times. Bounded, since a
    /// report may also have a different message on every finding.
    var messageIDs: [String: Int64] = [:]
    /// Taxonomy ids by packed text (schema v25), bounded like `messageIDs`.
    private var taxonomyIDs: [String: Int64] = [:]
    /// Path ids by text (schema v28), bounded like `messageIDs`.
    var pathIDs: [String: Int64] = [:]
    /// The report's category (SARIF automationDetails.id, or `--scope`): part of every scope key.
    private var category: String
    private var partial = false
    /// The one model the whole report is about (garak, promptfoo, a single model file), if any.
    private var scopeModel: String?
    /// The models this report has findings for (`scanModel`, written at the end).
    var reportedModels: Set<Int64> = []
    /// The project the report names (SARIF repositoryUri, a CycloneDX metadata component, a target).
    var reportProject: (name: String, repository: String?)?
    /// The scan's project, fixed when the first finding, model or scope needs it.
    var projectID: Int64?
    var projectName = ""
    /// What the report says it looked at.
    var declared = Coverage()
    /// The artifacts the report's findings name: a scan certainly looked at those. Bounded: past the
    /// cap, files of further findings are not counted as covered (their findings are never resolved
    /// wrongly, only left open).
    private var named = Set<String>()
    /// Files the report reported only in part (`notePartlyReported`), normalised.
    var partlyReported = Set<String>()
    /// The rules the report says it ran (`noteRanRule`); empty when it does not say.
    var ranRules = Set<String>()
    static let namedCap = 200_000

    init(db: StoreConnection, header: ScanHeader) throws {
        self.db = db
        self.header = header
        category = header.category
        try db.execute(
            sql: """
                INSERT INTO scan (tool, format, sourcePath, sha256, ingestedAt, actor, subject)
                VALUES ('', ?, ?, ?, ?, ?, ?)
                """,
            arguments: [header.format, header.sourcePath, Data(header.sha256), header.ingestedAt, header.actor, header.subject]
        )
        scanID = try db.lastInsertedRowID
        outcome = IngestOutcome(scanID: scanID)
        insertFinding = try RawStatement(
            db,
            sql: """
                INSERT INTO finding (fingerprint, ruleRef, messageId, severity, score, threat, taxonomyId, modelId, artifact,
                                     pathId, line, endLine, firstSeen, lastSeen, firstScanId, lastScanId, state, slaDue, scopeId, asr,
                                     projectId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (fingerprint) DO NOTHING
                """, returningID: true)
        findMessage = try RawStatement(db, sql: "SELECT id FROM message WHERE hash = ? AND text = ?")
        insertMessage = try RawStatement(db, sql: "INSERT INTO message (hash, text) VALUES (?, ?)", returningID: true)
        findPath = try RawStatement(db, sql: "SELECT id FROM path WHERE text = ?")
        insertPath = try RawStatement(db, sql: "INSERT INTO path (text) VALUES (?)", returningID: true)
        insertEvidence = try RawStatement(db, sql: "INSERT INTO findingEvidence (findingId, evidence) VALUES (?, ?)")
        insertEvent = try RawStatement(
            db,
            sql: """
                INSERT INTO findingEvent (findingId, at, actor, kind, fromValue, toValue, reason, scanId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// A new finding's place in the summaries: groupSummary's key, of which summaryCell's and
    /// modelSummary's are parts.
    private struct SummaryKey: Hashable {
        var ruleRef: Int64
        var messageID: Int64
        var modelID: Int64
        var threat: Int
        var severity: Int
        var state: Int

        var cell: CellKey { CellKey(modelID: modelID, threat: threat, severity: severity, state: state) }
    }

    private struct CellKey: Hashable {
        var modelID: Int64
        var threat: Int
        var severity: Int
        var state: Int
    }

    func count(ruleRef: Int64, messageID: Int64, modelID: Int64?, taxonomyID: Int64?, _ finding: Finding, state: TriageState) {
        if let taxonomyID { taxonomies[RuleTaxonomy(ruleRef: ruleRef, taxonomyID: taxonomyID), default: 0] += 1 }
        let key = SummaryKey(
            ruleRef: ruleRef, messageID: messageID, modelID: modelID ?? 0, threat: finding.threat.rawValue,
            severity: finding.severity.rawValue, state: state.rawValue)
        let old = summary[key] ?? (0, 0)
        summary[key] = (old.count + 1, old.weight + (finding.attackSuccessRate ?? 1))
        if state.hasDueKey, let due = header.sla.due(severity: finding.severity, firstSeen: header.ingestedAt) {
            dueStretches[due >> Schema.dueStretchShift, default: 0] += 1
        }
    }

    /// Adds the report's new findings to the summary tables: groupSummary (schema v20) once per
    /// rule, message, model, cell, severity and state; summaryCell once per cell; and modelSummary
    /// (schema v12) once per model and state, each severity in its column.
    private func flushSummary() throws {
        guard !summary.isEmpty else { return }
        let project = try currentProject()
        try upsert(
            "INSERT INTO dueSummary (projectId, stretch, count)", dueStretches.map { [project.databaseValue, $0.databaseValue, $1.databaseValue] },
            "ON CONFLICT (projectId, stretch) DO UPDATE SET count = dueSummary.count + excluded.count")
        dueStretches.removeAll()
        try upsert(
            "INSERT INTO taxonomySummary (taxonomyId, ruleRef, projectId, count)",
            taxonomies.map { key, count in [key.taxonomyID, key.ruleRef, project, Int64(count)].map(\.databaseValue) },
            "ON CONFLICT (taxonomyId, ruleRef, projectId) DO UPDATE SET count = taxonomySummary.count + excluded.count")
        taxonomies.removeAll()
        var groups: [[DatabaseValue]] = []
        var cells: [CellKey: (count: Int, weight: Double)] = [:]
        for (key, value) in summary {
            let ids: [Int64] = [key.ruleRef, key.messageID, key.modelID, project]
            let cell: [Int] = [key.threat, key.severity, key.state, value.count]
            groups.append(ids.map(\.databaseValue) + cell.map(\.databaseValue))
            let old = cells[key.cell] ?? (0, 0)
            cells[key.cell] = (old.count + value.count, old.weight + value.weight)
        }
        var cellRows: [[DatabaseValue]] = []
        var byModel: [ModelStateKey: (counts: [Int64], weights: [Double])] = [:]
        for (key, value) in cells {
            let ids: [Int64] = [key.modelID, project]
            let cell: [Int] = [key.threat, key.severity, key.state, value.count]
            cellRows.append(ids.map(\.databaseValue) + cell.map(\.databaseValue) + [value.weight.databaseValue])
            let modelKey = ModelStateKey(modelID: key.modelID, state: key.state)
            var row = byModel[modelKey] ?? (counts: Array(repeating: 0, count: 5), weights: Array(repeating: 0, count: 5))
            row.counts[key.severity] += Int64(value.count)
            row.weights[key.severity] += value.weight
            byModel[modelKey] = row
        }
        let modelRows = byModel.map { key, row -> [DatabaseValue] in
            let counts: [Int64] = [key.modelID, project, Int64(key.state)] + row.counts
            return counts.map(\.databaseValue) + row.weights.map(\.databaseValue)
        }
        try upsert(
            "INSERT INTO groupSummary (ruleRef, messageId, modelId, projectId, threat, severity, state, count)", groups,
            "ON CONFLICT (ruleRef, messageId, modelId, projectId, threat, severity, state) DO UPDATE SET count = groupSummary.count + excluded.count")
        try upsert(
            "INSERT INTO summaryCell (modelId, projectId, threat, severity, state, count, weight)", cellRows,
            """
            ON CONFLICT (modelId, projectId, threat, severity, state)
            DO UPDATE SET count = summaryCell.count + excluded.count, weight = summaryCell.weight + excluded.weight
            """)
        try upsert(
            "INSERT INTO modelSummary (modelId, projectId, state, c0, c1, c2, c3, c4, w0, w1, w2, w3, w4)", modelRows,
            """
            ON CONFLICT (modelId, projectId, state) DO UPDATE SET
                c0 = modelSummary.c0 + excluded.c0, c1 = modelSummary.c1 + excluded.c1, c2 = modelSummary.c2 + excluded.c2,
                c3 = modelSummary.c3 + excluded.c3, c4 = modelSummary.c4 + excluded.c4, w0 = modelSummary.w0 + excluded.w0,
                w1 = modelSummary.w1 + excluded.w1, w2 = modelSummary.w2 + excluded.w2, w3 = modelSummary.w3 + excluded.w3,
                w4 = modelSummary.w4 + excluded.w4
            """)
        summary.removeAll()
    }

    /// `head VALUES (…) tail` for each row: one prepared statement per row on SQLite, a few
    /// multi-row statements on a server (where each statement is a round trip).
    private func upsert(_ head: String, _ rows: [[DatabaseValue]], _ tail: String) throws {
        guard let width = rows.first?.count else { return }
        guard db.sqlite != nil else {
            _ = try db.serverWithValues(head, rows, tail: tail)
            return
        }
        let statement = try db.cachedStatement(
            sql: head + " VALUES (" + Array(repeating: "?", count: width).joined(separator: ", ") + ") " + tail)
        for row in rows { try statement.execute(arguments: StatementArguments(row)) }
    }

    private struct RuleTaxonomy: Hashable {
        var ruleRef: Int64
        var taxonomyID: Int64
    }

    private struct ModelStateKey: Hashable {
        var modelID: Int64
        var state: Int
    }

    private struct RuleKey: Hashable {
        var tool: String
        var ruleID: String
    }

    /// Records a tool that produced part of the report (SARIF may hold several runs).
    public func noteTool(name: String, version: String?) {
        if tools[name] == nil { toolOrder.append(name) }
        tools[name] = version
    }

    /// Records a model or dataset in the inventory (first seen kept, last seen and facts refreshed).
    public func noteModel(_ record: ModelRecord) throws {
        try writeQueued()
        let now = header.ingestedAt
        // A name already known as another model's alias is that model.
        if record.version.isEmpty, let id = try aliasedModel(record.name) {
            try db.execute(sql: "UPDATE model SET lastSeen = max(lastSeen, ?) WHERE id = ?", arguments: [now, id])
            modelIDs[record.name] = id
            return
        }
        // The registry (config) names models for every project; an inventory report names its own
        // project's, unless the registry already has that model (then they are one).
        let inRegistry =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM model WHERE projectId = 0 AND name = ? AND version = ?"),
                arguments: [record.name, record.version]) ?? false
        let project = record.source == "config" || inRegistry ? 0 : try currentProject()
        let id =
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        INSERT INTO model (name, version, kind, source, sha256, uri, owner, criticality, stage, modelCard, firstSeen, lastSeen,
                                           projectId)
                        VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, 1.0), ?, ?, ?, ?, ?)
                        ON CONFLICT (projectId, name, version) DO UPDATE SET lastSeen = excluded.lastSeen, kind = excluded.kind,
                            sha256 = coalesce(excluded.sha256, model.sha256), uri = coalesce(excluded.uri, model.uri),
                            owner = coalesce(excluded.owner, model.owner), stage = coalesce(excluded.stage, model.stage),
                            modelCard = coalesce(excluded.modelCard, model.modelCard),
                            criticality = CASE WHEN CAST(? AS DOUBLE PRECISION) IS NULL THEN model.criticality ELSE excluded.criticality END,
                            source = CASE WHEN model.source = 'attribution' THEN excluded.source ELSE model.source END
                        RETURNING id
                        """),
                arguments: [
                    record.name, record.version, record.kind, record.source, record.sha256, record.uri, record.owner,
                    record.criticality, record.stage, record.modelCard, now, now, project, record.criticality,
                ]) ?? 0
        if record.version.isEmpty { modelIDs[record.name] = id }
    }

    /// Sets a finding's triage state from a VEX analysis (or a scanner's labels), with an
    /// "imported-from-VEX" (or "imported-from-<source>") event.
    /// Unknown VEX states are kept as a scan warning; an unchanged state writes nothing.
    public func applyTriage(_ decision: TriageImport) throws {
        try writeQueued()
        guard var state = decision.state else {
            try noteWarning("unknown VEX analysis state '\(decision.vexState)' for finding \(decision.fingerprint.hex)")
            return
        }
        // An acceptance that ended before this import is not an acceptance: the finding is open.
        var lapsed: String?
        if state == .accepted, let until = decision.acceptedUntil, until < header.ingestedAt {
            state = .new
            lapsed = "the imported acceptance ended on \(CivilDate.format(until))"
        }
        // The finding of this report (its fingerprint in the report's project), else one named by
        // its stored fingerprint (a VEX that mlsoc exported).
        let candidates = try storedForms(decision.fingerprint)
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT id, state FROM finding WHERE fingerprint IN (?, ?) ORDER BY fingerprint = ? DESC LIMIT 1
                        """), arguments: [candidates.0, candidates.1, candidates.0])
        else { return }
        let id: Int64 = try row.decode(atIndex: 0)
        let from: TriageState = try row.decode(atIndex: 1)
        guard from != state || lapsed != nil else { return }
        let accepted = state == .accepted
        try db.cachedStatement(
            sql: """
                UPDATE finding SET state = ?, justification = ?, acceptedUntil = ?, acceptedBy = ?, acceptReason = ?, version = version + 1
                WHERE id = ?
                """
        ).execute(arguments: [
            state.rawValue, decision.justification, accepted ? decision.acceptedUntil : nil,
            accepted ? decision.acceptedBy : nil, accepted ? decision.acceptReason : nil, id,
        ])
        let reason = [
            lapsed, decision.justification, decision.detail,
            decision.response.isEmpty ? nil : "response: " + decision.response.joined(separator: ", "),
        ]
        .compactMap { $0 }.joined(separator: "; ")
        try event(findingID: id, kind: "imported-from-\(decision.source)", from: from.key, to: state.key, reason: reason.isEmpty ? nil : reason)
    }

    /// Says the report is about one model: its scope is that model's, so a newer report for the same
    /// model (even a clean one) resolves what disappeared. Must come before the first finding.
    public func noteScopeModel(_ name: String) {
        if outcome.total == 0 { scopeModel = name }
    }

    /// An incomplete run (aborted scan) resolves nothing: absence from it proves nothing.
    public func markPartial() {
        partial = true
    }

    /// Keeps a scan error or tool notification with the scan.
    public func noteWarning(_ message: String) throws {
        try db.cachedStatement(sql: "INSERT INTO scanWarning (scanId, message) VALUES (?, ?)").execute(arguments: [scanID, message])
        outcome.warnings += 1
    }

    /// Sets the report's category when the report names one and the caller did not. It must come
    /// before the first finding (scopes are fixed as findings arrive); later, it is ignored.
    public func noteCategory(_ value: String) {
        if header.category.isEmpty, outcome.total == 0 { category = value }
    }

    /// Adds or refreshes one finding. A repeat of a fingerprint already seen in this report is the
    /// next occurrence of the same identity (`Fingerprint.occurrence`): kept, not merged. A repeat
    /// at the very same place (file and line) is the tool writing one finding twice (overlapping
    /// paths, a run duplicated in a SARIF log): counted as a duplicate, not stored twice.
    public func add(_ finding: Finding) throws {
        outcome.total += 1
        if let place = finding.artifact ?? finding.location?.path, named.count < IngestSink.namedCap { named.insert(place) }
        for other in finding.otherLocations where named.count < IngestSink.namedCap { named.insert(other.location.path) }
        if finding.otherLocations.count > IngestSink.otherLocationsCap {
            try noteWarning(
                "\(finding.tool) \(finding.ruleID): \(finding.otherLocations.count) locations, the first \(IngestSink.otherLocationsCap + 1) kept")
        }
        var finding = finding
        // The tool's identity, then its occurrence, then the project: the order v17's migration
        // rewrote stored fingerprints in.
        let base = finding.fingerprint
        let project = try currentProjectName()
        finding.fingerprint = IngestSink.inProject(base, name: project)
        if db.sqlite == nil {
            try queue(finding, base: base, project: project)
            return
        }
        try place(finding, base: base, project: project)
    }

    /// Writes one finding by itself: the next occurrence of its identity when the report already
    /// had it elsewhere, nothing when it had it at the same place.
    func place(_ finding: Finding, base: Fingerprint, project: String) throws {
        var finding = finding
        var occurrence = 0
        while case let .alreadyInThisReport(samePlace) = try insertOrRefresh(finding) {
            if samePlace {
                outcome.duplicates += 1
                return
            }
            occurrence += 1
            finding.fingerprint = IngestSink.inProject(base.occurrence(occurrence), name: project)
        }
        if occurrence > 0 { outcome.repeated += 1 }
    }

    /// A fingerprint as this report's project stores it, and as given (an exported one is stored form).
    private func storedForms(_ fingerprint: Fingerprint) throws -> (Data, Data) {
        (Data(IngestSink.inProject(fingerprint, name: try currentProjectName()).bytes), Data(fingerprint.bytes))
    }

    /// Adds a finding known by its fingerprint unless the store has it; an existing one is left as
    /// it is (its scope, last scan and state belong to the scans that found it).
    public func addReference(_ finding: Finding) throws {
        try writeQueued()
        outcome.total += 1
        let candidates = try storedForms(finding.fingerprint)
        if try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM finding WHERE fingerprint IN (?, ?)"),
            arguments: [candidates.0, candidates.1]) == true
        {
            outcome.unchanged += 1
            return
        }
        let ruleRef = try rule(
            tool: finding.tool, ruleID: finding.ruleID, title: finding.title, mapping: finding.mappingWhy, inputs: finding.mappingInputs,
            unclassified: finding.threat == .unclassified)
        let modelID = try finding.model.map { try model(name: $0) }
        if let modelID { reportedModels.insert(modelID) }
        let now = header.ingestedAt
        let messageID = try messageID(finding.message)
        let taxonomyID = try taxonomyID(finding.taxonomy)
        try db.cachedStatement(
            sql: """
                INSERT INTO finding (fingerprint, ruleRef, messageId, severity, score, threat, taxonomyId, modelId, artifact,
                                     pathId, line, endLine, firstSeen, lastSeen, firstScanId, lastScanId, state, slaDue, asr, projectId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
                """
        ).execute(arguments: [
            Data(finding.fingerprint.bytes), ruleRef, messageID, finding.severity.rawValue, finding.score,
            finding.threat.rawValue, taxonomyID, modelID, IngestSink.storedArtifact(finding), try pathID(finding.location?.path),
            finding.location?.startLine, finding.location?.endLine, now, now, scanID, scanID,
            header.sla.due(severity: finding.severity, firstSeen: now), finding.attackSuccessRate, try currentProject(),
        ])
        count(ruleRef: ruleRef, messageID: messageID, modelID: modelID, taxonomyID: taxonomyID, finding, state: .new)
        outcome.new += 1
    }

    /// '' when the artefact is the location's path (SARIF names one URI for both): read back as the path.
    static func storedArtifact(_ finding: Finding) -> String? {
        guard let artifact = finding.artifact else { return nil }
        return artifact == finding.location?.path ? "" : artifact
    }

    /// The id of a message text, added when new.
    private func messageID(_ text: String) throws -> Int64 {
        let hash = TextHash.hash(text)
        return try IngestSink.interned(text, cache: &messageIDs, find: findMessage, insert: insertMessage) { $0.bind(hash) }
    }

    /// The id of a location's path (schema v28), added when new; nil for none.
    func pathID(_ text: String?) throws -> Int64? {
        guard let text else { return nil }
        return try IngestSink.interned(text, cache: &pathIDs, find: findPath, insert: insertPath)
    }

    /// A dictionary text's id: from `cache` (cleared at 10,000 entries), else found by `find`, else
    /// added by `insert`. Both statements take `key`'s binds (a message's hash), then the text.
    private static func interned(
        _ text: String, cache: inout [String: Int64], find: RawStatement, insert: RawStatement, key: (RawStatement) -> Void = { _ in }
    ) throws -> Int64 {
        if let id = cache[text] { return id }
        key(find)
        find.bind(text)
        let id: Int64
        if let known = try find.firstInt64() {
            id = known
        } else {
            key(insert)
            insert.bind(text)
            try insert.execute()
            id = insert.lastInsertedRowID
        }
        if cache.count >= 10_000 { cache.removeAll(keepingCapacity: true) }
        cache[text] = id
        return id
    }

    /// The id of a taxonomy text (schema v25), nil for none: a few dozen distinct texts per store,
    /// each written once.
    func taxonomyID(_ taxonomy: TaxonomyIDs) throws -> Int64? {
        let text = taxonomy.packed
        guard !text.isEmpty else { return nil }
        if let id = taxonomyIDs[text] { return id }
        let id =
            try Int64.fetchOne(
                db.cachedStatement(sql: "INSERT INTO taxonomy (text) VALUES (?) ON CONFLICT (text) DO UPDATE SET text = excluded.text RETURNING id"),
                arguments: [text]) ?? 0
        if taxonomyIDs.count >= 10_000 { taxonomyIDs.removeAll(keepingCapacity: true) }
        taxonomyIDs[text] = id
        return id
    }

    /// False when the fingerprint was already seen in this report.
    /// What became of a finding: written (new or refreshed), or its fingerprint was already met
    /// in this report, at the same file and line or elsewhere.
    enum Placement {
        case written
        case alreadyInThisReport(samePlace: Bool)
    }

    private func insertOrRefresh(_ finding: Finding) throws -> Placement {
        let ruleRef = try rule(
            tool: finding.tool, ruleID: finding.ruleID, title: finding.title, mapping: finding.mappingWhy, inputs: finding.mappingInputs,
            unclassified: finding.threat == .unclassified)
        let modelID = try finding.model.map { try model(name: $0) }
        if let modelID { reportedModels.insert(modelID) }
        let scopeID = try scope(tool: finding.tool)
        let now = header.ingestedAt
        let state = IngestSink.initialState(finding)
        let insert = insertFinding
        let messageID = try messageID(finding.message)
        insert.bind(blob: finding.fingerprint.bytes)
        insert.bind(ruleRef)
        insert.bind(messageID)
        insert.bind(Int64(finding.severity.rawValue))
        insert.bind(finding.score)
        insert.bind(Int64(finding.threat.rawValue))
        let taxonomyID = try taxonomyID(finding.taxonomy)
        insert.bind(taxonomyID)
        insert.bind(modelID)
        insert.bind(IngestSink.storedArtifact(finding))
        insert.bind(try pathID(finding.location?.path))
        insert.bind(finding.location?.startLine)
        insert.bind(finding.location?.endLine)
        insert.bind(now)
        insert.bind(now)
        insert.bind(scanID)
        insert.bind(scanID)
        insert.bind(Int64(state.rawValue))
        insert.bind(header.sla.due(severity: finding.severity, firstSeen: now))
        insert.bind(scopeID)
        insert.bind(finding.attackSuccessRate)
        insert.bind(try currentProject())
        if try insert.execute() {
            let id = insert.lastInsertedRowID
            try inserted(finding, id: id, ruleRef: ruleRef, messageID: messageID, modelID: modelID, taxonomyID: taxonomyID, state: state)
            if let evidence = finding.evidence, !evidence.isEmpty {
                insertEvidence.bind(id)
                insertEvidence.bind(evidence)
                try insertEvidence.execute()
            }
            return .written
        }
        return try refresh(finding, scopeID: scopeID)
    }

    /// The state a new finding starts in.
    static func initialState(_ finding: Finding) -> TriageState {
        finding.suppressed ? .falsePositive : finding.needsReview ? .inTriage : .new
    }

    /// What follows a new finding's row (its evidence aside): the summaries, the count, a hook for
    /// a new critical, its other locations. No "created" event: the row's firstSeen and
    /// firstScanId are its creation (see FindingStore.events).
    func inserted(
        _ finding: Finding, id: Int64, ruleRef: Int64, messageID: Int64, modelID: Int64?, taxonomyID: Int64?, state: TriageState
    ) throws {
        count(ruleRef: ruleRef, messageID: messageID, modelID: modelID, taxonomyID: taxonomyID, finding, state: state)
        outcome.new += 1
        if finding.severity == .critical, state.isOpen, header.hookEvents.contains(.newCritical) {
            try FindingStore.enqueueHook(
                db, .newCritical, at: header.ingestedAt,
                payload: [
                    "finding": try FindingStore.hookFinding(db, id: id), "source": header.sourcePath, "actor": header.actor,
                ])
        }
        if !finding.otherLocations.isEmpty { try writeOtherLocations(finding, findingID: id, had: 0) }
    }

    private func existingRow(_ finding: Finding) throws -> Row? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT id, state, lastScanId, pathId, line, otherLocations, threat, taxonomyId FROM finding WHERE fingerprint = ?"),
            arguments: [Data(finding.fingerprint.bytes)]
        )
    }

    func refresh(_ finding: Finding, scopeID: Int64) throws -> Placement {
        guard let existing = try existingRow(finding) else { return .written }
        return try refresh(finding, scopeID: scopeID, existing: existing)
    }

    func refresh(_ finding: Finding, scopeID: Int64, existing: Row) throws -> Placement {
        let id: Int64 = existing["id"]
        let lastScan: Int64 = existing["lastScanId"]
        if lastScan == scanID {
            let pathID: Int64? = existing["pathId"]
            let line: Int? = existing["line"]
            return .alreadyInThisReport(samePlace: try pathID == self.pathID(finding.location?.path) && line == finding.location?.startLine)
        }
        let had: Int = existing["otherLocations"]
        if had > 0 || !finding.otherLocations.isEmpty { try writeOtherLocations(finding, findingID: id, had: had) }
        try remapIfChanged(finding, id: id, threat: existing["threat"], taxonomyID: existing["taxonomyId"])
        let state = TriageState(rawValue: existing["state"]) ?? .new
        if state.reopensOnReappearance {
            try db.cachedStatement(
                sql: """
                    UPDATE finding SET lastSeen = ?, lastScanId = ?, scopeId = ?, state = ?, asr = ?, version = version + 1 WHERE id = ?
                    """
            ).execute(arguments: [header.ingestedAt, scanID, scopeID, TriageState.new.rawValue, finding.attackSuccessRate, id])
            try event(findingID: id, kind: "reopened", from: state.key, to: TriageState.new.key, reason: "seen again by \(finding.tool)")
            outcome.reopened += 1
        } else {
            // The latest run's attack-success rate is the one that counts.
            try db.cachedStatement(sql: "UPDATE finding SET lastSeen = ?, lastScanId = ?, scopeId = ?, asr = ? WHERE id = ?")
                .execute(arguments: [header.ingestedAt, scanID, scopeID, finding.attackSuccessRate, id])
            outcome.unchanged += 1
        }
        return .written
    }

    /// A finding seen again takes the cell today's mapping gives it (a new rule, a user rule, a
    /// data store), with a `remapped` event; summaries follow by trigger. Never back to unclassified:
    /// a poorer format of the same run (semgrep's SARIF drops the metadata its JSON has) is less
    /// information, not another answer.
    private func remapIfChanged(_ finding: Finding, id: Int64, threat: Int, taxonomyID stored: Int64?) throws {
        guard finding.threat != .unclassified else { return }
        let newTaxonomy = try taxonomyID(finding.taxonomy)
        guard threat != finding.threat.rawValue || stored != newTaxonomy else { return }
        try db.cachedStatement(sql: "UPDATE finding SET threat = ?, taxonomyId = ? WHERE id = ?")
            .execute(arguments: [finding.threat.rawValue, newTaxonomy, id])
        if threat != finding.threat.rawValue {
            let from = Threat(rawValue: threat)?.key ?? String(threat)
            try event(findingID: id, kind: "remapped", from: from, to: finding.threat.key, reason: finding.mappingWhy.map { String($0.prefix(300)) })
            outcome.remapped += 1
        }
    }

    /// Replaces a finding's other locations with this report's (the latest run says where it is).
    func writeOtherLocations(_ finding: Finding, findingID: Int64, had: Int) throws {
        if had > 0 {
            try db.cachedStatement(sql: "DELETE FROM findingLocation WHERE findingId = ?").execute(arguments: [findingID])
        }
        for (ordinal, other) in finding.otherLocations.prefix(IngestSink.otherLocationsCap).enumerated() {
            let modelID = try other.model.map { try model(name: $0) }
            try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO findingLocation (findingId, ordinal, path, line, endLine, modelId) VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [findingID, ordinal + 1, other.location.path, other.location.startLine, other.location.endLine, modelID])
        }
        let count = min(finding.otherLocations.count, IngestSink.otherLocationsCap)
        if count != had {
            try db.cachedStatement(sql: "UPDATE finding SET otherLocations = ? WHERE id = ?").execute(arguments: [count, findingID])
        }
    }

    /// Other locations kept per finding: a result listing more places is truncated, with a warning.
    static let otherLocationsCap = 1000

    private func event(findingID: Int64, kind: String, from: String?, to: String?, reason: String?) throws {
        let insert = insertEvent
        insert.bind(findingID)
        insert.bind(header.ingestedAt)
        insert.bind(header.actor)
        insert.bind(kind)
        insert.bind(from)
        insert.bind(to)
        insert.bind(reason)
        insert.bind(scanID)
        try insert.execute()
    }

    func rule(tool: String, ruleID: String, title: String, mapping: String?, inputs: String?, unclassified: Bool) throws -> Int64 {
        let key = RuleKey(tool: tool, ruleID: ruleID)
        if let id = ruleIDs[key] { return id }
        // An unclassified answer does not replace what a richer format of the rule said before.
        let keep = unclassified ? "coalesce(rule.mapping, excluded.mapping)" : "excluded.mapping"
        let id =
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        INSERT INTO rule (tool, ruleId, title, mapping, inputs) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (tool, ruleId) DO UPDATE SET title = excluded.title, mapping = \(keep),
                            inputs = coalesce(excluded.inputs, rule.inputs)
                        RETURNING id
                        """),
                arguments: [tool, ruleID, title, mapping, inputs]
            ) ?? 0
        ruleIDs[key] = id
        return id
    }

    /// Caches a model name's id (as `model(name:)` would after finding or making it).
    func remember(model name: String, id: Int64) {
        modelIDs[name] = id
    }

    /// Drops cached name → id entries of a model merged away.
    func forgetModel(id: Int64) {
        modelIDs = modelIDs.filter { $0.value != id }
    }

    func model(name: String) throws -> Int64 {
        if let id = modelIDs[name] { return id }
        // An alias, or a model known by that name under a version (config, ML-BOM): the same model.
        // The same name in another project is another model, unless the registry (project 0) has it.
        let project = try currentProject()
        let known =
            try aliasedModel(name)
            ?? Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT id FROM model WHERE name = ? AND projectId IN (?, 0)
                        ORDER BY projectId = 0, version = '' DESC, lastSeen DESC, id LIMIT 1
                        """), arguments: [name, project])
        if let id = known {
            modelIDs[name] = id
            return id
        }
        let now = header.ingestedAt
        let id =
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        INSERT INTO model (name, source, firstSeen, lastSeen, projectId) VALUES (?, 'attribution', ?, ?, ?)
                        ON CONFLICT (projectId, name, version) DO UPDATE SET lastSeen = excluded.lastSeen
                        RETURNING id
                        """),
                arguments: [name, now, now, project]
            ) ?? 0
        modelIDs[name] = id
        return id
    }

    /// The scope a finding belongs to: tool, category and, for reports about one model, that model.
    /// A newer report of the same scope replaces the older one, so what it no longer reports is resolved.
    /// Reports that cover many models (a directory scan) have one scope for all of them.
    func scope(tool: String) throws -> Int64 {
        if let id = scopeByTool[tool] { return id }
        let project = try currentProject()
        let key = "project=\(project);tool=\(tool);category=\(category);model=\(scopeModel ?? "")"
        if let id = scopeIDs[key] {
            scopeByTool[tool] = id
            return id
        }
        let id =
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        INSERT INTO scope (key, projectId) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id
                        """),
                arguments: [key, project]
            ) ?? 0
        scopeIDs[key] = id
        scopeByTool[tool] = id
        return id
    }

    /// Resolves the open findings of this report's scopes that it no longer reports and that lie
    /// inside what it covered, each with a "disappeared" event.
    private func closeDisappeared(coverage: Coverage) throws {
        // A clean report (no findings) still covers its tool's scope: what it no longer reports is fixed.
        for tool in toolOrder { _ = try scope(tool: tool) }
        let candidates = try db.cachedStatement(
            sql: """
                SELECT f.id, p.text, f.artifact, m.name, r.ruleId FROM finding f JOIN rule r ON r.id = f.ruleRef
                LEFT JOIN model m ON m.id = f.modelId LEFT JOIN path p ON p.id = f.pathId
                WHERE f.scopeId = ? AND f.lastScanId != ? AND f.state IN (\(TriageState.openSQL))
                """)
        for scopeID in scopeIDs.values {
            var ids: [Int64] = []
            let rows = try Row.fetchCursor(candidates, arguments: [scopeID, scanID])
            while let row = try rows.next() {
                let path: String? = row[1]
                let artifact: String? = row[2]
                let model: String? = row[3]
                // A report that lists the rules it ran says nothing about the others' findings.
                if !ranRules.isEmpty, let rule: String = row[4], !ranRules.contains(rule) { continue }
                let place = artifact.flatMap { $0.isEmpty ? nil : $0 } ?? path
                // A file the report read only in part (a filter, a parse error) proves nothing absent.
                if isPartlyReported(place) || isPartlyReported(path) { continue }
                if coverage.covers(path: place, model: model) || (place != path && coverage.covers(path: path, model: model)) {
                    ids.append(row[0])
                }
            }
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                start += chunk.count
                let list = chunk.map(String.init).joined(separator: ",")
                try db.execute(
                    sql: """
                        INSERT INTO findingEvent (findingId, at, actor, kind, fromValue, toValue, reason, scanId)
                        SELECT id, ?, ?, 'disappeared',
                               CASE state \(TriageState.allCases.map { "WHEN \($0.rawValue) THEN '\($0.key)'" }.joined(separator: " ")) END,
                               ?, 'not in the newer report of its scope', ?
                        FROM finding WHERE id IN (\(list))
                        """, arguments: [header.ingestedAt, header.actor, TriageState.resolved.key, scanID])
                try db.execute(
                    sql: "UPDATE finding SET state = ?, version = version + 1 WHERE id IN (\(list))",
                    arguments: [TriageState.resolved.rawValue])
                outcome.resolved += db.changesCount
            }
        }
    }

    /// What this scan looked at: `--covers` when given, else what the report says plus the
    /// artifacts its findings name, less the files it reported only in part.
    private func coverage() -> Coverage {
        if let covers = header.covers { return Coverage(covers) }
        var coverage = declared
        for place in named where !isPartlyReported(place) { coverage.insert(.file(place)) }
        return coverage
    }

    /// Whether the report read this file (or the archive a member is in) only in part.
    private func isPartlyReported(_ file: String?) -> Bool {
        guard !partlyReported.isEmpty, let file, !file.isEmpty else { return false }
        return partlyReported.contains(Coverage.normalize(Coverage.container(file)))
    }

    /// Closes what disappeared, writes the scan's project, coverage, tool and counts; called by the
    /// store before commit.
    func finish() throws -> IngestOutcome {
        try writeQueued()
        try flushSummary()
        let project = try currentProject()
        let coverage = coverage()
        if partial {
            outcome.resolvedNothingBecause = "the run is incomplete (failed, cut short or partial): absence from it proves nothing"
        } else if coverage.isEmpty {
            outcome.resolvedNothingBecause = "the report does not say what it scanned: pass --covers PATH to say it"
        } else {
            try closeDisappeared(coverage: coverage)
        }
        outcome.project = projectName
        outcome.coverage = coverage.summary
        let stored = header.covers.map { Coverage($0) } ?? declared
        for entry in stored.entries.prefix(10_000) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO scanCoverage (scanId, kind, value) VALUES (?, ?, ?)")
                .execute(arguments: [scanID, entry.kind, entry.value])
        }
        let tool = toolOrder.joined(separator: ",")
        let version = toolOrder.compactMap { tools[$0] ?? nil }.joined(separator: ",")
        try db.execute(
            sql: """
                UPDATE scan SET tool = ?, toolVersion = ?, scope = ?, findingCount = ?, newCount = ?, unchangedCount = ?,
                                reopenedCount = ?, closedCount = ?, projectId = ?, coverage = ?, scopeModel = ? WHERE id = ?
                """,
            arguments: [
                tool, version.isEmpty ? nil : version, category, outcome.total, outcome.new, outcome.unchanged,
                outcome.reopened, outcome.resolved, project, partial ? "incomplete run" : coverage.summary, scopeModel, scanID,
            ]
        )
        outcome.tool = tool
        try upsert(
            "INSERT INTO scanModel (scanId, modelId)", reportedModels.sorted().map { [scanID.databaseValue, $0.databaseValue] },
            "ON CONFLICT DO NOTHING")
        try mergeSameHash()
        try FindingStore.snapshotModels(db, day: header.ingestedAt / 86_400, weights: header.weights)
        return outcome
    }
}
