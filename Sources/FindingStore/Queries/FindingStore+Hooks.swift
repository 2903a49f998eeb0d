import Findings
import Foundation
import GRDB

/// One event in the hook outbox (schema v24).
public struct HookOutboxEvent: Sendable, Equatable {
    public var id: Int64
    public var kind: HookEvent
    public var at: Int64
    /// The event as JSON (an object with `event`, `at` and what it is about).
    public var payload: String
}

/// Where one hook stands: the last event it took, and its failures.
public struct HookCursor: Sendable, Equatable {
    public var hook: String
    public var lastEventId: Int64
    public var attempts: Int
    public var nextAttempt: Int64
    public var lastError: String?
}

/// The hook outbox: events written with what caused them, read by each hook past its cursor.
extension FindingStore {
    /// Writes one event (`dedupe`: at most one event per key, ever). Returns false when the key was taken.
    @discardableResult
    static func enqueueHook(_ db: StoreConnection, _ kind: HookEvent, at: Int64, payload: [String: Any], dedupe: String? = nil) throws -> Bool {
        var object = payload
        object["event"] = kind.rawValue
        object["at"] = at
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        try db.execute(
            sql: "INSERT OR IGNORE INTO hookOutbox (kind, at, payload, dedupe) VALUES (?, ?, ?, ?)",
            arguments: [kind.rawValue, at, String(decoding: data, as: UTF8.self), dedupe])
        return db.changesCount > 0
    }

    /// What a hook event says about a finding.
    static func hookFinding(_ db: StoreConnection, id: Int64) throws -> [String: Any] {
        guard
            let row = try FindingRow.fetchOne(
                db, sql: "SELECT \(FindingRow.selection) FROM finding f \(FindingRow.joins) WHERE f.id = ?", arguments: [id])
        else { return ["id": id] }
        var finding: [String: Any] = [
            "id": row.id, "severity": row.severity.name, "state": row.state.key, "tool": row.tool, "rule": row.ruleID, "title": row.title,
            "threat": row.threat.key, "fingerprint": row.fingerprint.hex,
        ]
        if let model = row.model { finding["model"] = model }
        if let location = row.location?.display { finding["location"] = location }
        if let project = row.project { finding["project"] = project }
        if let due = row.slaDue { finding["sla_due"] = due }
        if let ticket = row.ticket { finding["ticket"] = ticket }
        return finding
    }

    /// An event no write causes (a quarantined report).
    public func enqueueHook(_ kind: HookEvent, at: Int64, payload: [String: Any]) throws {
        try writeImmediate { db in _ = try FindingStore.enqueueHook(db, kind, at: at, payload: payload) }
    }

    /// The time-based events: open findings past their SLA due date, acceptances ending within
    /// `warningDays`; each once (per finding and due date, per acceptance and end): those already in
    /// the outbox are skipped in the query (its dedupe index), not rebuilt each minute. Returns how
    /// many were written.
    @discardableResult
    public func noteHookDeadlines(now: Int64, events: Set<HookEvent>, warningDays: Int) throws -> Int {
        guard events.contains(.slaBreach) || events.contains(.acceptanceEnding) else { return 0 }
        return try writeImmediate { db in
            var written = 0
            if events.contains(.slaBreach) {
                let late = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.id, f.slaDue FROM finding f INDEXED BY finding_by_due
                        WHERE \(FindingStore.dueKey) < ? AND f.state IN (\(TriageState.openSQL))
                              AND NOT EXISTS (SELECT 1 FROM hookOutbox o WHERE o.dedupe = 'sla-breach:' || f.id || ':' || f.slaDue)
                        """, arguments: [now])
                for row in late {
                    let id: Int64 = row[0]
                    let due: Int64 = row[1]
                    if try FindingStore.enqueueHook(
                        db, .slaBreach, at: now, payload: ["finding": try FindingStore.hookFinding(db, id: id)], dedupe: "sla-breach:\(id):\(due)")
                    {
                        written += 1
                    }
                }
            }
            if events.contains(.acceptanceEnding) {
                let ending = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.id, f.acceptedUntil, f.acceptedBy FROM finding f INDEXED BY finding_accepted
                        WHERE f.state = \(TriageState.accepted.sql) AND f.acceptedUntil >= ? AND f.acceptedUntil < ?
                              AND NOT EXISTS (SELECT 1 FROM hookOutbox o WHERE o.dedupe = 'acceptance-ending:' || f.id || ':' || f.acceptedUntil)
                        """, arguments: [now, now + Int64(warningDays) * 86_400])
                for row in ending {
                    let id: Int64 = row[0]
                    let until: Int64 = row[1]
                    let by: String? = row[2]
                    var payload: [String: Any] = ["finding": try FindingStore.hookFinding(db, id: id), "accepted_until": until]
                    if let by { payload["accepted_by"] = by }
                    if try FindingStore.enqueueHook(db, .acceptanceEnding, at: now, payload: payload, dedupe: "acceptance-ending:\(id):\(until)") {
                        written += 1
                    }
                }
            }
            return written
        }
    }

    /// Starts a cursor for each hook not seen before, at the end of the outbox: a new hook is not
    /// sent the past. Every process that may write events does this first, so no event of its own
    /// is before a cursor it should be after.
    public func registerHooks(_ names: [String]) throws {
        guard !names.isEmpty, mode == .readWrite else { return }
        try writeImmediate { db in
            let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM hookOutbox") ?? 0
            for name in names {
                try db.execute(sql: "INSERT OR IGNORE INTO hookCursor (hook, lastEventId) VALUES (?, ?)", arguments: [name, last])
            }
        }
    }

    /// A hook's cursor (registered now if it was not).
    public func hookCursor(_ hook: String) throws -> HookCursor {
        try writeImmediate { db in
            let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM hookOutbox") ?? 0
            try db.execute(sql: "INSERT OR IGNORE INTO hookCursor (hook, lastEventId) VALUES (?, ?)", arguments: [hook, last])
            return try FindingStore.readCursor(db, hook)
        }
    }

    static func readCursor(_ db: StoreConnection, _ hook: String) throws -> HookCursor {
        let row = try Row.fetchOne(db, sql: "SELECT lastEventId, attempts, nextAttempt, lastError FROM hookCursor WHERE hook = ?", arguments: [hook])
        return HookCursor(
            hook: hook, lastEventId: row?[0] ?? 0, attempts: row?[1] ?? 0, nextAttempt: row?[2] ?? 0, lastError: row?[3])
    }

    /// The next events past a hook's cursor that it wants, oldest first.
    public func hookEvents(after cursor: Int64, kinds: Set<HookEvent>, limit: Int) throws -> [HookOutboxEvent] {
        let names = kinds.map(\.rawValue)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, at, payload FROM hookOutbox WHERE id > ? AND kind IN (\(FilterSQL.placeholders(names.count))) ORDER BY id LIMIT ?
                    """, arguments: [cursor] + StatementArguments(names) + [limit]
            ).compactMap { row in
                HookEvent(rawValue: row[1]).map { HookOutboxEvent(id: row[0], kind: $0, at: row[2], payload: row[3]) }
            }
        }
    }

    /// After a delivery: the cursor moves past `lastEventId` (success), or the failure is kept with
    /// when to try again (back-off).
    public func recordHookDelivery(_ hook: String, delivered lastEventId: Int64?, error: String?, nextAttempt: Int64) throws {
        try writeImmediate { db in
            if let lastEventId {
                try db.execute(
                    sql: "UPDATE hookCursor SET lastEventId = max(lastEventId, ?), attempts = 0, nextAttempt = 0, lastError = NULL WHERE hook = ?",
                    arguments: [lastEventId, hook])
            } else {
                try db.execute(
                    sql: "UPDATE hookCursor SET attempts = attempts + 1, nextAttempt = ?, lastError = ? WHERE hook = ?",
                    arguments: [nextAttempt, error, hook])
            }
        }
    }

    /// Events in the outbox past a hook's cursor (its backlog).
    public func hookBacklog(after cursor: Int64, kinds: Set<HookEvent>) throws -> Int {
        let names = kinds.map(\.rawValue)
        return try read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM hookOutbox WHERE id > ? AND kind IN (\(FilterSQL.placeholders(names.count)))",
                arguments: [cursor] + StatementArguments(names)) ?? 0
        }
    }
}
