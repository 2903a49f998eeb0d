import Findings
import Foundation
import GRDB

/// One model seen under several names or hashes is one identity (DESIGN.md §6). A merge moves the
/// other entry's findings to the kept one, and keeps its name as an alias with the reason, so
/// later findings under that name land on the same model and `mlsoc models explain` can say why.
///
/// Which entry is kept: the config's over an ML-BOM's over one named by attribution; then the one
/// with more identity (a version, a model card); then the older.
extension IngestSink {
    /// The model id a name stands for, through the aliases.
    func aliasedModel(_ name: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT modelId FROM modelAlias WHERE name = ?"), arguments: [name])
    }

    /// Records that `alias` is another name of the model `canonical` (the config's `aliases:`), and
    /// merges the two when both are known already.
    public func noteAlias(_ alias: String, of canonical: String, reason: String) throws {
        try writeQueued()
        guard alias != canonical,
            let target = try Int64.fetchOne(
                db, sql: "SELECT id FROM model WHERE name = ? ORDER BY version = '' DESC, id LIMIT 1",
                arguments: [canonical])
        else { return }
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM model WHERE name = ? AND version = ''", arguments: [alias]),
            existing != target
        {
            try merge(existing, into: target, reason: reason)
        } else {
            try db.execute(
                sql: """
                    INSERT INTO modelAlias (name, modelId, reason, at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET modelId = excluded.modelId, reason = excluded.reason
                    """, arguments: [alias, target, reason, header.ingestedAt])
        }
    }

    /// Merges the entries that share a file hash; called before every commit.
    func mergeSameHash() throws {
        let hashes = try String.fetchAll(
            db,
            sql: """
                SELECT lower(sha256) AS hash FROM model WHERE sha256 IS NOT NULL AND sha256 != '' GROUP BY 1 HAVING count(*) > 1
                """)
        for hash in hashes {
            let members = try ModelName.fetchAll(
                db,
                sql: """
                    SELECT id, name, version FROM model WHERE lower(sha256) = ?
                    ORDER BY CASE source WHEN 'config' THEN 0 WHEN 'cyclonedx' THEN 1 ELSE 2 END,
                             (CASE WHEN version != '' THEN 1 ELSE 0 END) + (CASE WHEN modelCard IS NOT NULL THEN 1 ELSE 0 END) DESC, id
                    """, arguments: [hash])
            guard let keep = members.first else { continue }
            for other in members.dropFirst() {
                try merge(other.id, into: keep.id, reason: "\(other.display) has the same sha256 (\(hash.prefix(12))…) as \(keep.display)")
            }
        }
    }

    /// Moves everything of model `from` to `into` and removes `from`, leaving its name as an alias.
    func merge(_ from: Int64, into: Int64, reason: String) throws {
        guard from != into, let old = try ModelName.fetchOne(db, sql: "SELECT id, name, version FROM model WHERE id = ?", arguments: [from]) else {
            return
        }
        let (name, version) = (old.name, old.version)
        // What the kept entry lacks, from the one that goes.
        try db.execute(
            sql: """
                UPDATE model SET (sha256, uri, owner, stage, modelCard, firstSeen, lastSeen) =
                    (SELECT coalesce(model.sha256, o.sha256), coalesce(model.uri, o.uri), coalesce(model.owner, o.owner),
                            coalesce(model.stage, o.stage), coalesce(model.modelCard, o.modelCard),
                            min(model.firstSeen, o.firstSeen), max(model.lastSeen, o.lastSeen) FROM model o WHERE o.id = ?)
                WHERE id = ?
                """, arguments: [from, into])
        try db.execute(sql: "UPDATE modelAlias SET modelId = ? WHERE modelId = ?", arguments: [into, from])
        try db.execute(
            sql: """
                INSERT INTO modelAlias (name, modelId, reason, at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET modelId = excluded.modelId, reason = excluded.reason
                """, arguments: [version.isEmpty ? name : "\(name)@\(version)", into, reason, header.ingestedAt])
        try db.execute(sql: "UPDATE finding SET modelId = ? WHERE modelId = ?", arguments: [into, from])
        try db.execute(sql: "UPDATE findingLocation SET modelId = ? WHERE modelId = ?", arguments: [into, from])
        try db.execute(
            sql: "INSERT OR IGNORE INTO scanModel (scanId, modelId) SELECT scanId, ? FROM scanModel WHERE modelId = ?", arguments: [into, from])
        try db.execute(sql: "DELETE FROM scanModel WHERE modelId = ?", arguments: [from])
        try db.execute(sql: "DELETE FROM modelSnapshot WHERE modelId = ?", arguments: [from])
        try db.execute(sql: "DELETE FROM model WHERE id = ?", arguments: [from])
        forgetModel(id: from)
    }
}

/// A model's other names, and why each is the same model.
public struct ModelAlias: Sendable, Equatable, Codable, FetchableRecord {
    public var name: String
    public var reason: String
}

/// A model entry's id, name and version, as merges and lineage name it.
struct ModelName: Decodable, FetchableRecord {
    var id: Int64
    var name: String
    var version: String

    /// `name version`, or the name alone.
    var display: String { ModelName.display(name: name, version: version) }

    static func display(name: String, version: String) -> String { version.isEmpty ? name : "\(name) \(version)" }
}

/// One alias row with the model it names.
private struct AliasRow: Decodable, FetchableRecord {
    var modelId: Int64
    var name: String
    var reason: String

    var alias: ModelAlias { ModelAlias(name: name, reason: reason) }
}

extension FindingStore {
    /// The aliases of every model, by model id.
    public func modelAliases() throws -> [Int64: [ModelAlias]] {
        try read { db in
            var out: [Int64: [ModelAlias]] = [:]
            for row in try AliasRow.fetchAll(db, sql: "SELECT modelId, name, reason FROM modelAlias ORDER BY name") {
                out[row.modelId, default: []].append(row.alias)
            }
            return out
        }
    }

    /// What a name stands for: the model it is (or is an alias of), with the reason when aliased.
    public func resolveModel(_ name: String) throws -> (model: ModelRecord, alias: ModelAlias?)? {
        try read { db in
            let alias = try AliasRow.fetchOne(db, sql: "SELECT modelId, name, reason FROM modelAlias WHERE name = ?", arguments: [name])
            let id: Int64? =
                try alias?.modelId
                ?? Int64.fetchOne(db, sql: "SELECT id FROM model WHERE name = ? ORDER BY version = '' DESC, id LIMIT 1", arguments: [name])
            guard let id,
                let record = try ModelRecord.fetchOne(
                    db, sql: "SELECT \(ModelRecord.selection) FROM model WHERE id = ?",
                    arguments: [id])
            else { return nil }
            return (record, alias?.alias)
        }
    }
}

extension FindingStore {
    /// The model card's main facts, and the dataset refs it names, from the modelCard JSON kept as received.
    static func cardFacts(_ json: String?) -> (facts: [CardFact], datasets: [String]) {
        guard let json, let data = json.data(using: .utf8),
            let card = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return ([], []) }
        let parameters = card["modelParameters"] as? [String: Any] ?? [:]
        var facts: [CardFact] = []
        func text(_ value: Any?) -> String? {
            switch value {
            case let string as String: return string.isEmpty ? nil : string
            case let number as NSNumber: return number.stringValue
            default: return nil
            }
        }
        if let task = text(parameters["task"]) { facts.append(CardFact("task", task)) }
        if let approach = text((parameters["approach"] as? [String: Any])?["type"]) { facts.append(CardFact("approach", approach)) }
        if let family = text(parameters["architectureFamily"]) { facts.append(CardFact("architecture", family)) }
        let metrics = ((card["quantitativeAnalysis"] as? [String: Any])?["performanceMetrics"] as? [[String: Any]] ?? [])
            .compactMap { metric in text(metric["type"]).map { "\($0) \(text(metric["value"]) ?? "?")" } }
        if !metrics.isEmpty { facts.append(CardFact("metrics", metrics.joined(separator: ", "))) }
        let considerations = card["considerations"] as? [String: Any] ?? [:]
        let uses = (considerations["useCases"] as? [Any] ?? []).compactMap(text)
        if !uses.isEmpty { facts.append(CardFact("use cases", uses.joined(separator: "; "))) }
        let risks = (considerations["ethicalConsiderations"] as? [[String: Any]] ?? []).compactMap { text($0["name"]) }
        if !risks.isEmpty { facts.append(CardFact("risks", risks.joined(separator: "; "))) }
        let datasets = (parameters["datasets"] as? [[String: Any]] ?? []).compactMap { text($0["ref"]) ?? text($0["name"]) }
        return (facts, datasets)
    }

    /// Lineage of one model or dataset: the datasets a model's card names (by bom-ref or name), or
    /// the models whose cards name a dataset.
    func lineage(_ db: StoreConnection, modelID: Int64) throws -> (facts: [CardFact], lineage: [String]) {
        guard let model = try ModelRecord.fetchOne(db, sql: "SELECT \(ModelRecord.selection) FROM model WHERE id = ?", arguments: [modelID]) else {
            return ([], [])
        }
        if model.kind == "dataset" {
            var users: [String] = []
            for other in try ModelRecord.fetchAll(db, sql: "SELECT \(ModelRecord.selection) FROM model WHERE modelCard IS NOT NULL") {
                let refs = FindingStore.cardFacts(other.modelCard).datasets
                if refs.contains(model.name) || model.uri.map(refs.contains) == true {
                    users.append(ModelName.display(name: other.name, version: other.version))
                }
            }
            return ([], users.map { "used by " + $0 })
        }
        let (facts, refs) = FindingStore.cardFacts(model.modelCard)
        var names: [String] = []
        for ref in refs {
            let dataset = try ModelName.fetchOne(
                db, sql: "SELECT id, name, version FROM model WHERE kind = 'dataset' AND (uri = ? OR name = ?) LIMIT 1",
                arguments: [ref, ref])
            names.append("trained on " + (dataset?.display ?? ref + " (not in the inventory)"))
        }
        return (facts, names)
    }
}
