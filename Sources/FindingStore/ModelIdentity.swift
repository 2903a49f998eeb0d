import Foundation
import Findings
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
        guard alias != canonical,
              let target = try Int64.fetchOne(db, sql: "SELECT id FROM model WHERE name = ? ORDER BY version = '' DESC, id LIMIT 1",
                                              arguments: [canonical]) else { return }
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM model WHERE name = ? AND version = ''", arguments: [alias]),
           existing != target {
            try merge(existing, into: target, reason: reason)
        } else {
            try db.execute(sql: """
                INSERT INTO modelAlias (name, modelId, reason, at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET modelId = excluded.modelId, reason = excluded.reason
                """, arguments: [alias, target, reason, header.ingestedAt])
        }
    }

    /// Merges the entries that share a file hash; called before every commit.
    func mergeSameHash() throws {
        let groups = try Row.fetchAll(db, sql: """
            SELECT lower(sha256) AS hash FROM model WHERE sha256 IS NOT NULL AND sha256 != '' GROUP BY 1 HAVING count(*) > 1
            """)
        for group in groups {
            let hash: String = group["hash"]
            let members = try Row.fetchAll(db, sql: """
                SELECT id, name, version FROM model WHERE lower(sha256) = ?
                ORDER BY CASE source WHEN 'config' THEN 0 WHEN 'cyclonedx' THEN 1 ELSE 2 END,
                         (version != '') + (modelCard IS NOT NULL) DESC, id
                """, arguments: [hash])
            guard let keep = members.first else { continue }
            let keptName = IngestSink.display(keep)
            for other in members.dropFirst() {
                try merge(other["id"], into: keep["id"],
                          reason: "\(IngestSink.display(other)) has the same sha256 (\(hash.prefix(12))…) as \(keptName)")
            }
        }
    }

    static func display(_ row: Row) -> String {
        let name: String = row["name"]
        let version: String = row["version"]
        return version.isEmpty ? name : "\(name) \(version)"
    }

    /// Moves everything of model `from` to `into` and removes `from`, leaving its name as an alias.
    func merge(_ from: Int64, into: Int64, reason: String) throws {
        guard from != into, let row = try Row.fetchOne(db, sql: "SELECT * FROM model WHERE id = ?", arguments: [from]) else { return }
        let version: String = row["version"]
        let name: String = row["name"]
        try db.execute(sql: """
            UPDATE model SET sha256 = coalesce(sha256, ?), uri = coalesce(uri, ?), owner = coalesce(owner, ?),
                             stage = coalesce(stage, ?), modelCard = coalesce(modelCard, ?),
                             firstSeen = min(firstSeen, ?), lastSeen = max(lastSeen, ?)
            WHERE id = ?
            """, arguments: [row["sha256"], row["uri"], row["owner"], row["stage"], row["modelCard"], row["firstSeen"],
                             row["lastSeen"], into])
        try db.execute(sql: "UPDATE modelAlias SET modelId = ? WHERE modelId = ?", arguments: [into, from])
        try db.execute(sql: """
            INSERT INTO modelAlias (name, modelId, reason, at) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET modelId = excluded.modelId, reason = excluded.reason
            """, arguments: [version.isEmpty ? name : "\(name)@\(version)", into, reason, header.ingestedAt])
        try db.execute(sql: "UPDATE finding SET modelId = ? WHERE modelId = ?", arguments: [into, from])
        try db.execute(sql: "UPDATE findingLocation SET modelId = ? WHERE modelId = ?", arguments: [into, from])
        try db.execute(sql: "DELETE FROM modelSnapshot WHERE modelId = ?", arguments: [from])
        try db.execute(sql: "DELETE FROM model WHERE id = ?", arguments: [from])
        forgetModel(id: from)
    }
}

/// A model's other names, and why each is the same model.
public struct ModelAlias: Sendable, Equatable, Codable {
    public var name: String
    public var reason: String
}

extension FindingStore {
    /// The aliases of every model, by model id.
    public func modelAliases() throws -> [Int64: [ModelAlias]] {
        try pool.read { db in
            var out: [Int64: [ModelAlias]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT modelId, name, reason FROM modelAlias ORDER BY name") {
                out[row["modelId"], default: []].append(ModelAlias(name: row["name"], reason: row["reason"]))
            }
            return out
        }
    }

    /// What a name stands for: the model it is (or is an alias of), with the reason when aliased.
    public func resolveModel(_ name: String) throws -> (model: ModelRecord, alias: ModelAlias?)? {
        try pool.read { db in
            let alias = try Row.fetchOne(db, sql: "SELECT modelId, name, reason FROM modelAlias WHERE name = ?", arguments: [name])
            let id: Int64? = try alias.map { $0["modelId"] }
                ?? Int64.fetchOne(db, sql: "SELECT id FROM model WHERE name = ? ORDER BY version = '' DESC, id LIMIT 1", arguments: [name])
            guard let id, let row = try Row.fetchOne(db, sql: "SELECT * FROM model WHERE id = ?", arguments: [id]) else { return nil }
            let record = ModelRecord(name: row["name"], version: row["version"], kind: row["kind"], source: row["source"],
                                     sha256: row["sha256"], uri: row["uri"], owner: row["owner"], criticality: row["criticality"],
                                     stage: row["stage"], modelCard: row["modelCard"])
            return (record, alias.map { ModelAlias(name: $0["name"], reason: $0["reason"]) })
        }
    }
}

extension FindingStore {
    /// The model card's main facts, and the dataset refs it names, from the modelCard JSON kept as received.
    static func cardFacts(_ json: String?) -> (facts: [CardFact], datasets: [String]) {
        guard let json, let data = json.data(using: .utf8),
              let card = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return ([], []) }
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
    func lineage(_ db: Database, modelID: Int64) throws -> (facts: [CardFact], lineage: [String]) {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, kind, uri, modelCard FROM model WHERE id = ?", arguments: [modelID]) else {
            return ([], [])
        }
        let kind: String = row["kind"]
        if kind == "dataset" {
            let uri: String? = row["uri"]
            let name: String = row["name"]
            var users: [String] = []
            for other in try Row.fetchAll(db, sql: "SELECT name, version, modelCard FROM model WHERE modelCard IS NOT NULL") {
                let refs = FindingStore.cardFacts(other["modelCard"]).datasets
                if refs.contains(name) || uri.map(refs.contains) == true { users.append(IngestSink.display(other)) }
            }
            return ([], users.map { "used by " + $0 })
        }
        let (facts, refs) = FindingStore.cardFacts(row["modelCard"])
        var names: [String] = []
        for ref in refs {
            let dataset = try Row.fetchOne(db, sql: "SELECT name, version FROM model WHERE kind = 'dataset' AND (uri = ? OR name = ?) LIMIT 1",
                                           arguments: [ref, ref])
            names.append("trained on " + (dataset.map(IngestSink.display) ?? ref + " (not in the inventory)"))
        }
        return (facts, names)
    }
}
