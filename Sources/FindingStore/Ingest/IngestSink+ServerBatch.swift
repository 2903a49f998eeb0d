import Findings
import Foundation
import GRDB

/// A finding of a report on a server store, waiting for its batch.
struct QueuedFinding {
    /// With its fingerprint in the report's project.
    var finding: Finding
    /// The tool's fingerprint, from which the next occurrences are made.
    var base: Fingerprint
    var project: String
    var ruleRef: Int64
    var modelID: Int64?
    var scopeID: Int64
    /// Its taxonomy's id, known once it is placed as new.
    var taxonomyID: Int64? = nil
}

/// A batch's writes, sent to the server and not yet waited for: its new findings (with their
/// evidence), whose ids are known when `inserted` answers, and the findings it saw again.
struct SentBatch {
    var fresh: [QueuedFinding]
    var messages: [String: Int64]
    var inserted: ServerPending?
    var seenAgain: ServerPending?
}

/// On a server every statement is a round trip, and SQLite's way (three to five prepared
/// statements per finding) wrote 230 findings a second. There the findings of a report are queued
/// and written a thousand at a time, each step one statement for the batch: the models they name
/// (aliases, known ones, new ones), their messages (known, new), their fingerprints' stored rows,
/// the new findings (ids in report order, as on SQLite), their evidence, and the findings seen again
/// with nothing else changed. Repeats are placed on what the batch knows (`writeQueued`). What is
/// rare and writes events (reopened, remapped, other locations) goes SQLite's way, per finding.
///
/// A batch's writes are sent without waiting: the writer takes in the next thousand findings while
/// the server inserts these, and waits for them when it next needs the server's answer (the next
/// batch, or the end). The session runs statements in the order they were sent, so each batch's
/// lookups see the previous batch's rows.
///
/// Anything else that reads or writes findings mid-report (a model, a VEX decision, a reference,
/// the end of the report) writes the queue first and waits for it, so the order of effects is SQLite's.
extension IngestSink {
    static let serverBatchSize = 1_000

    func queue(_ finding: Finding, base: Fingerprint, project: String) throws {
        let ruleRef = try rule(
            tool: finding.tool, ruleID: finding.ruleID, title: finding.title, mapping: finding.mappingWhy, inputs: finding.mappingInputs,
            unclassified: finding.threat == .unclassified)
        queued.append(
            QueuedFinding(finding: finding, base: base, project: project, ruleRef: ruleRef, modelID: nil, scopeID: try scope(tool: finding.tool)))
        if queued.count >= IngestSink.serverBatchSize { try writeQueued(waiting: false) }
    }

    /// Writes the queued findings (nothing on SQLite, where nothing is queued).
    ///
    /// Each finding is placed as `place` places it on SQLite, but on what the batch knows: the
    /// stored rows of its fingerprints (looked up together; a repeat's next occurrences, 32 at a
    /// time, when it needs them) and the fingerprints the batch itself took. New findings are
    /// inserted in the order they are placed, so their ids are SQLite's. Unless `waiting` is false,
    /// returns when the server has written them.
    func writeQueued(waiting: Bool = true) throws {
        try settleSent()
        guard !queued.isEmpty else { return }
        var batch = queued
        queued.removeAll(keepingCapacity: true)
        try knowModels(batch.compactMap(\.finding.model))
        for index in batch.indices {
            batch[index].modelID = try batch[index].finding.model.map { try model(name: $0) }
            if let modelID = batch[index].modelID { reportedModels.insert(modelID) }
        }
        let messages = try messageIDs(batch.map(\.finding.message))
        let paths = try pathIDs(batch.compactMap(\.finding.location?.path))
        // Each fingerprint, and the next occurrences of those the batch repeats.
        var repeats: [Data: Int] = [:]
        var wanted = Set<Data>()
        for item in batch {
            let key = Data(item.finding.fingerprint.bytes)
            let count = repeats[key, default: 0]
            repeats[key] = count + 1
            wanted.insert(count == 0 ? key : Data(IngestSink.inProject(item.base.occurrence(count), name: item.project).bytes))
        }
        var known = try storedRows(wanted)
        // Fingerprints an earlier batch of this report placed: their repeats here walk on to the
        // next occurrences. Those are looked up for all of them in one statement (as many as the
        // batch repeats each, and 8 more), not in one statement per walk.
        var following = Set<Data>()
        for item in batch where repeats[Data(item.finding.fingerprint.bytes)] != nil {
            let key = Data(item.finding.fingerprint.bytes)
            let count = repeats.removeValue(forKey: key) ?? 0
            guard known[key]?.flatMap(thisReportsPlace) != nil else { continue }
            for occurrence in 1..<(count + 9) {
                let next = Data(IngestSink.inProject(item.base.occurrence(occurrence), name: item.project).bytes)
                if known[next] == nil { following.insert(next) }
            }
        }
        if !following.isEmpty { known.merge(try storedRows(following)) { old, _ in old } }
        /// Where each fingerprint the batch placed is (a repeat at the same file and line is a duplicate).
        var taken: [Data: (pathID: Int64?, line: Int?)] = [:]
        var fresh: [QueuedFinding] = []
        var seenAgain: [[DatabaseValue]] = []
        for var item in batch {
            let place = (pathID: item.finding.location.flatMap { paths[$0.path] }, line: item.finding.location?.startLine)
            var occurrence = 0
            var key = Data(item.finding.fingerprint.bytes)
            while true {
                if let other = taken[key] ?? known[key]?.flatMap(thisReportsPlace) {
                    if other.pathID == place.pathID, other.line == place.line {
                        outcome.duplicates += 1
                        break
                    }
                    occurrence += 1
                    item.finding.fingerprint = IngestSink.inProject(item.base.occurrence(occurrence), name: item.project)
                    key = Data(item.finding.fingerprint.bytes)
                    if known[key] == nil {
                        let next = (occurrence..<occurrence + 32).map {
                            Data(IngestSink.inProject(item.base.occurrence($0), name: item.project).bytes)
                        }
                        known.merge(try storedRows(Set(next))) { old, _ in old }
                    }
                    continue
                }
                if occurrence > 0 { outcome.repeated += 1 }
                if let row = known[key] ?? nil {
                    taken[key] = (row["pathId"], row["line"])
                    if try seenAgainOnly(item.finding, row) {
                        let id: Int64 = row["id"]
                        let ids: [Int64] = [id, item.scopeID, header.ingestedAt, scanID]
                        seenAgain.append(ids.map(\.databaseValue) + [item.finding.attackSuccessRate.databaseValue])
                        outcome.unchanged += 1
                    } else {
                        _ = try refresh(item.finding, scopeID: item.scopeID, existing: row)
                    }
                } else {
                    taken[key] = place
                    item.taxonomyID = try taxonomyID(item.finding.taxonomy)
                    fresh.append(item)
                }
                break
            }
        }
        sent = SentBatch(
            fresh: fresh, messages: messages, inserted: try sendFresh(fresh, messages: messages, paths: paths),
            seenAgain: try sendSeenAgain(seenAgain))
        if waiting { try settleSent() }
    }

    /// Puts the ids of these model names in the cache `model(name:)` reads, as it would find or
    /// make them one by one: an alias's model; else the name in this project or the registry (this
    /// project's first, then an unversioned one, the latest seen, the oldest); else a new
    /// attribution, added in order of first appearance.
    private func knowModels(_ names: [String]) throws {
        var unknown: [String] = []
        var seen = Set<String>()
        for name in names where modelIDs[name] == nil && seen.insert(name).inserted { unknown.append(name) }
        guard !unknown.isEmpty else { return }
        for values in try db.serverRowsIn("SELECT name, modelId FROM modelAlias WHERE name", unknown.map(\.databaseValue)) where values.count == 2 {
            if let name = String.fromDatabaseValue(values[0]), let id = Int64.fromDatabaseValue(values[1]) { remember(model: name, id: id) }
        }
        unknown.removeAll { modelIDs[$0] != nil }
        guard !unknown.isEmpty else { return }
        let project = try currentProject()
        var best: [String: (id: Int64, rank: (Int, Int, Int64, Int64))] = [:]
        for values in try db.serverRowsIn(
            "SELECT id, name, projectId, version, lastSeen FROM model WHERE name", unknown.map(\.databaseValue))
        where values.count == 5 {
            guard let id = Int64.fromDatabaseValue(values[0]), let name = String.fromDatabaseValue(values[1]),
                let owner = Int64.fromDatabaseValue(values[2]), owner == project || owner == 0
            else { continue }
            let version = String.fromDatabaseValue(values[3]) ?? ""
            let lastSeen = Int64.fromDatabaseValue(values[4]) ?? 0
            // ORDER BY projectId = 0, version = '' DESC, lastSeen DESC, id: smallest rank first.
            let rank = (owner == 0 ? 1 : 0, version.isEmpty ? 0 : 1, -lastSeen, id)
            if let current = best[name], current.rank <= rank { continue }
            best[name] = (id, rank)
        }
        for (name, found) in best { remember(model: name, id: found.id) }
        let new = unknown.filter { modelIDs[$0] == nil }
        guard !new.isEmpty else { return }
        let now = header.ingestedAt
        let rows = new.map { name -> [DatabaseValue] in
            [name.databaseValue, "attribution".databaseValue, now.databaseValue, now.databaseValue, project.databaseValue]
        }
        for values in try db.serverWithValues(
            "INSERT INTO model (name, source, firstSeen, lastSeen, projectId)", rows,
            tail: "ON CONFLICT (projectId, name, version) DO UPDATE SET lastSeen = excluded.lastSeen RETURNING name, id")
        where values.count == 2 {
            if let name = String.fromDatabaseValue(values[0]), let id = Int64.fromDatabaseValue(values[1]) { remember(model: name, id: id) }
        }
    }

    /// Where a stored finding is, when this report already placed it (an earlier batch did).
    private func thisReportsPlace(_ row: Row) -> (pathID: Int64?, line: Int?)? {
        let lastScan: Int64 = row["lastScanId"]
        return lastScan == scanID ? (row["pathId"], row["line"]) : nil
    }

    /// The stored rows of these fingerprints: each key maps to its row, or to nil when none is stored.
    private func storedRows(_ fingerprints: Set<Data>) throws -> [Data: Row?] {
        var rows: [Data: Row?] = Dictionary(uniqueKeysWithValues: fingerprints.map { ($0, nil) })
        let names = ["id", "state", "lastScanId", "pathId", "line", "otherLocations", "threat", "taxonomyId"]
        for values in try db.serverRowsIn(
            "SELECT fingerprint, id, state, lastScanId, pathId, line, otherLocations, threat, taxonomyId FROM finding WHERE fingerprint",
            fingerprints.map(\.databaseValue))
        {
            guard values.count == names.count + 1, let key = Data.fromDatabaseValue(values[0]) else { continue }
            rows[key] = Row(Dictionary(uniqueKeysWithValues: zip(names, values.dropFirst().map { $0 as (any DatabaseValueConvertible)? })))
        }
        return rows
    }

    /// The findings a nightly scan of the same tree mostly has: seen again, nothing else changed.
    /// One statement, sent.
    private func sendSeenAgain(_ rows: [[DatabaseValue]]) throws -> ServerPending? {
        guard !rows.isEmpty else { return nil }
        let types: [ServerArrayType] = [.bigint, .bigint, .bigint, .bigint, .double]
        return try db.startWithArrays(
            """
            UPDATE finding SET lastSeen = v.lastSeen, lastScanId = v.lastScanId, scopeId = v.scopeId, asr = v.asr
            FROM (\(StoreConnection.unnestRows(types))) AS v (id, scopeId, lastSeen, lastScanId, asr) WHERE finding.id = v.id
            """, [(types, rows)])
    }

    /// True when a stored finding seen again needs only its last seen, last scan, scope and
    /// attack-success rate written (what `refresh` would write for it, with no event): it is not
    /// resolved (that reopens), has and gets no other locations, and keeps its cell.
    private func seenAgainOnly(_ finding: Finding, _ row: Row) throws -> Bool {
        let had: Int = row["otherLocations"]
        guard had == 0, finding.otherLocations.isEmpty, !(TriageState(rawValue: row["state"]) ?? .new).reopensOnReappearance else {
            return false
        }
        guard finding.threat != .unclassified else { return true }
        let threat: Int = row["threat"]
        let taxonomy: Int64? = row["taxonomyId"]
        let mapped = try taxonomyID(finding.taxonomy)
        return threat == finding.threat.rawValue && taxonomy == mapped
    }

    /// Sends the new findings and their evidence as one statement, which answers with the new ids.
    private func sendFresh(_ fresh: [QueuedFinding], messages: [String: Int64], paths: [String: Int64]) throws -> ServerPending? {
        guard !fresh.isEmpty else { return nil }
        let now = header.ingestedAt
        let project = try currentProject()
        var rows: [[DatabaseValue]] = []
        rows.reserveCapacity(fresh.count)
        var evidence: [[DatabaseValue]] = []
        for item in fresh {
            let finding = item.finding
            let values: [(any DatabaseValueConvertible)?] = [
                Data(finding.fingerprint.bytes), item.ruleRef, messages[finding.message], finding.severity.rawValue, finding.score,
                finding.threat.rawValue, item.taxonomyID, item.modelID, IngestSink.storedArtifact(finding),
                finding.location.flatMap { paths[$0.path] }, finding.location?.startLine, finding.location?.endLine, now, now, scanID, scanID,
                IngestSink.initialState(finding).rawValue, header.sla.due(severity: finding.severity, firstSeen: now), item.scopeID,
                finding.attackSuccessRate, project,
            ]
            rows.append(values.map { $0?.databaseValue ?? .null })
            if let text = finding.evidence, !text.isEmpty { evidence.append([Data(finding.fingerprint.bytes).databaseValue, text.databaseValue]) }
        }
        let types: [ServerArrayType] = [
            .bytea, .bigint, .bigint, .bigint, .double, .bigint, .bigint, .bigint, .text, .bigint, .bigint, .bigint, .bigint, .bigint,
            .bigint, .bigint, .bigint, .bigint, .bigint, .double, .bigint,
        ]
        let evidenceTypes: [ServerArrayType] = [.bytea, .text]
        // The evidence joins its finding by fingerprint: the batch's fingerprints are distinct.
        return try db.startWithArrays(
            """
            WITH inserted AS (
                INSERT INTO finding (fingerprint, ruleRef, messageId, severity, score, threat, taxonomyId, modelId, artifact,
                                     pathId, line, endLine, firstSeen, lastSeen, firstScanId, lastScanId, state, slaDue, scopeId, asr,
                                     projectId)
                \(StoreConnection.unnestRows(types))
                ON CONFLICT (fingerprint) DO NOTHING RETURNING fingerprint, id),
            evidence AS (
                INSERT INTO findingEvidence (findingId, evidence)
                SELECT inserted.id, e.evidence
                FROM (\(StoreConnection.unnestRows(evidenceTypes, names: ["fingerprint", "evidence"], first: types.count + 1))) AS e
                JOIN inserted ON inserted.fingerprint = e.fingerprint)
            SELECT fingerprint, id FROM inserted
            """, [(types, rows), (evidenceTypes, evidence)])
    }

    /// Waits for the batch sent last, then counts its new findings (and sends their hooks) as
    /// SQLite's way does when it inserts them one by one.
    func settleSent() throws {
        guard let batch = sent else { return }
        sent = nil
        _ = try batch.seenAgain?.wait()
        guard let returned = try batch.inserted?.wait().rows else { return }
        var ids: [Data: Int64] = [:]
        for values in returned where values.count == 2 {
            if let key = Data.fromDatabaseValue(values[0]), let id = Int64.fromDatabaseValue(values[1]) { ids[key] = id }
        }
        for item in batch.fresh {
            let finding = item.finding
            // Under the store's write lock nothing else inserts: a conflict would be a finding
            // written since the lookup (its evidence was not written), and is refreshed as SQLite's way does.
            guard let id = ids[Data(finding.fingerprint.bytes)] else {
                _ = try refresh(finding, scopeID: item.scopeID)
                continue
            }
            try inserted(
                finding, id: id, ruleRef: item.ruleRef, messageID: batch.messages[finding.message] ?? 0, modelID: item.modelID,
                taxonomyID: item.taxonomyID, state: IngestSink.initialState(finding))
        }
    }

    /// The ids of these message texts, the unknown ones added in order of first appearance (the
    /// ids SQLite's one-by-one way gives them): found by their hash.
    private func messageIDs(_ texts: [String]) throws -> [String: Int64] {
        try IngestSink.serverIDs(
            texts, cache: &messageIDs, db: db, lookup: "SELECT id, text FROM message WHERE hash", columns: "message (hash, text)",
            key: { TextHash.hash($0).databaseValue }, row: { [TextHash.hash($0).databaseValue, $0.databaseValue] })
    }

    /// The ids of these paths (schema v28), added as `messageIDs` adds messages: found by their text.
    private func pathIDs(_ texts: [String]) throws -> [String: Int64] {
        try IngestSink.serverIDs(
            texts, cache: &pathIDs, db: db, lookup: "SELECT id, text FROM path WHERE text", columns: "path (text)",
            key: { $0.databaseValue }, row: { [$0.databaseValue] })
    }

    /// A dictionary's ids for `texts` on a server: from `cache`, then one `lookup` (its rows: id,
    /// text) by `key` for the rest, then one INSERT into `columns` of `row` for each text still
    /// unknown, in order of first appearance. `cache` keeps them, cleared past 10,000 entries.
    private static func serverIDs(
        _ texts: [String], cache: inout [String: Int64], db: StoreConnection, lookup: String, columns: String,
        key: (String) -> DatabaseValue, row: (String) -> [DatabaseValue]
    ) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        var missing: [String] = []
        var queuedTexts = Set<String>()
        for text in texts where ids[text] == nil {
            if let known = cache[text] {
                ids[text] = known
            } else if queuedTexts.insert(text).inserted {
                missing.append(text)
            }
        }
        guard !missing.isEmpty else { return ids }
        var keys = Set<DatabaseValue>()
        for values in try db.serverRowsIn(lookup, missing.map(key).filter { keys.insert($0).inserted }, tail: "ORDER BY id")
        where values.count == 2 {
            if let text = String.fromDatabaseValue(values[1]), queuedTexts.contains(text), ids[text] == nil {
                ids[text] = Int64.fromDatabaseValue(values[0])
            }
        }
        let new = missing.filter { ids[$0] == nil }
        if !new.isEmpty {
            let returned = try db.serverWithValues("INSERT INTO \(columns)", new.map(row), tail: "RETURNING id, text")
            for values in returned where values.count == 2 {
                if let text = String.fromDatabaseValue(values[1]), let id = Int64.fromDatabaseValue(values[0]) { ids[text] = id }
            }
        }
        if cache.count + ids.count > 10_000 { cache.removeAll(keepingCapacity: true) }
        cache.merge(ids) { old, _ in old }
        return ids
    }
}
