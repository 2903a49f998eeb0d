import Findings
import Foundation
import GRDB

extension FindingStore: TriageWriting {}

extension FindingStore {
    /// Applies one triage action to one finding, in one IMMEDIATE transaction: the rules are
    /// checked against the row as it is now, a stale `expectedVersion` changes nothing (optimistic
    /// locking), and every change writes its audit event in the same transaction.
    public func triage(
        _ id: Int64, expectedVersion: Int?, action: TriageAction, actor: String, now: Int64,
        rules: TriageRules = .standard, weights: RiskWeights = .standard
    ) throws -> TriageResult {
        try writeImmediate { db in
            try FindingStore.triage(
                db, id, expectedVersion: expectedVersion, action: action, actor: actor, now: now, rules: rules,
                weights: weights)
        }
    }

    /// The same action on many findings, each checked and versioned on its own, in one transaction.
    public func triage(
        _ targets: [(id: Int64, version: Int?)], action: TriageAction, actor: String, now: Int64,
        rules: TriageRules = .standard, weights: RiskWeights = .standard
    ) throws -> [TriageResult] {
        try writeImmediate { db in
            let results = try targets.map { target in
                try FindingStore.triage(
                    db, target.id, expectedVersion: target.version, action: action, actor: actor, now: now,
                    rules: rules, weights: weights, snapshot: false)
            }
            try FindingStore.snapshotModels(db, day: now / 86_400, weights: weights)
            return results
        }
    }

    /// Records that a dangerous custom command ran for these findings: a `command` event each.
    public func recordCommand(ids: [Int64], actor: String, now: Int64, reason: String) throws {
        try writeImmediate { db in
            for id in ids {
                try db.execute(
                    sql: "INSERT INTO findingEvent (findingId, at, actor, kind, reason) SELECT id, ?, ?, 'command', ? FROM finding WHERE id = ?",
                    arguments: [now, actor, reason, id])
            }
        }
    }

    /// A write transaction that takes the write lock first (BEGIN IMMEDIATE): a read-then-write never
    /// fails with a stale snapshot, and the busy timeout covers waiting for other writers.
    func writeImmediate<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        guard mode == .readWrite else { throw StoreError(.readOnly, "the store \(path) is open read-only") }
        if case let .server(backend, codec) = backing {
            return try StoreError.boundary { try backend.withSession(write: true) { try body(StoreConnection(server: $0, codec: codec)) } }
        }
        return try writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(StoreConnection(db))
                return .commit
            }
            guard let result else { throw StoreError(.database, "the store's transaction ended without a result") }
            return result
        }
    }

    static func triage(
        _ db: StoreConnection, _ id: Int64, expectedVersion: Int?, action: TriageAction, actor: String, now: Int64,
        rules: TriageRules, weights: RiskWeights, snapshot: Bool = true
    ) throws -> TriageResult {
        guard var row = try TriageRow.fetchOne(db, sql: TriageRow.sql, arguments: [id]) else { return .missing }
        // An acceptance that has ended is open again (issue 23): one no writer has lapsed yet is
        // lapsed here first, with its event, and the action applies to the open finding
        // (accepting it again extends it; with four-eyes, proposes it again). The version the
        // caller saw was the accepted one.
        var seenVersion = expectedVersion
        if row.state == .accepted, let until = row.fields.acceptedUntil, until < now {
            try lapse(
                db, EndedAcceptance(id: id, acceptedUntil: until, acceptedBy: row.fields.acceptedBy, acceptReason: row.fields.acceptReason),
                now: now, actor: "mlsoc", hookEvents: rules.hookEvents)
            if seenVersion == row.version { seenVersion = row.version + 1 }
            guard let lapsed = try TriageRow.fetchOne(db, sql: TriageRow.sql, arguments: [id]) else { return .missing }
            row = lapsed
        }
        let version = row.version
        let state = row.state
        let expectedVersion = seenVersion
        if let expectedVersion, expectedVersion != version {
            let last = try LastEvent.fetchOne(
                db, sql: "SELECT id, actor, at, kind, previous FROM findingEvent WHERE findingId = ? ORDER BY id DESC LIMIT 1",
                arguments: [id])
            return .conflict(TriageConflict(actor: last?.actor ?? "?", at: last?.at ?? 0, state: state, version: version))
        }
        do {
            try rules.check(action, from: state, now: now)
        } catch {
            return .refused(error.message)
        }
        let previous = row.fields
        var fields = previous
        // The four-eyes steps say their own from and to, and are not undone with `u` (reopen, or
        // reject, instead).
        var step: (from: String?, to: String?, reason: String?)?
        // The pending proposal, read only by the four-eyes steps (not by every write of a bulk triage).
        func pendingProposal() throws -> AcceptanceProposal? {
            try AcceptanceProposal.fetchOne(
                db, sql: "SELECT * FROM acceptanceProposal WHERE findingId = ? AND status = 'proposed'", arguments: [id])
        }
        switch action {
        case let .acceptRisk(reason, until) where rules.acceptanceApproval:
            if let pending = try pendingProposal() {
                return .refused("an acceptance is already proposed by \(pending.proposedBy): approve or reject it first")
            }
            try db.execute(
                sql: """
                    INSERT INTO acceptanceProposal (findingId, proposedBy, proposedAt, reason, until, status) VALUES (?, ?, ?, ?, ?, 'proposed')
                    """, arguments: [id, actor, now, reason, until])
            step = (state.key, "proposed", "\(reason) (until \(CivilDate.format(until))): awaiting another account's approval")
        case let .approveAcceptance(note):
            guard let pending = try pendingProposal() else { return .refused("no acceptance is proposed for it") }
            let proposer = AcceptanceProposal.person(pending.proposedBy)
            guard proposer != AcceptanceProposal.person(actor) else {
                return .refused("four-eyes: \(proposer) proposed this acceptance, so another account must approve it")
            }
            guard pending.until > now else {
                return .refused("the proposed acceptance would have ended on \(CivilDate.format(pending.until)): propose it again")
            }
            fields.state = TriageState.accepted.rawValue
            fields.justification = nil
            (fields.acceptedUntil, fields.acceptedBy, fields.acceptReason) = (pending.until, actor, pending.reason)
            try db.execute(
                sql: "UPDATE acceptanceProposal SET status = 'approved', decidedBy = ?, decidedAt = ?, decision = ? WHERE id = ?",
                arguments: [actor, now, note, pending.id])
            step = (
                state.key, TriageState.accepted.key,
                "proposed by \(pending.proposedBy): \(pending.reason) (until \(CivilDate.format(pending.until)))" + (note.map { "; \($0)" } ?? "")
            )
        case let .rejectAcceptance(reason):
            guard let pending = try pendingProposal() else { return .refused("no acceptance is proposed for it") }
            let status: AcceptanceProposal.Status =
                AcceptanceProposal.person(pending.proposedBy) == AcceptanceProposal.person(actor) ? .withdrawn : .rejected
            try db.execute(
                sql: "UPDATE acceptanceProposal SET status = ?, decidedBy = ?, decidedAt = ?, decision = ? WHERE id = ?",
                arguments: [status.rawValue, actor, now, reason, pending.id])
            step = ("proposed", status.rawValue, "\(reason) (proposed by \(pending.proposedBy): \(pending.reason))")
        case let .ticket(link):
            let link = link?.trimmingASCIIWhitespace()
            if link == previous.ticket { return .refused(link.map { "already linked to \($0)" } ?? "no ticket linked") }
            fields.ticket = link
        case .inTriage, .exploitable, .resolve, .reopen, .falsePositive:
            if let target = action.targetState { fields.state = target.rawValue }
            fields.justification = nil
            (fields.acceptedUntil, fields.acceptedBy, fields.acceptReason) = (nil, nil, nil)
        case let .notAffected(justification, _):
            fields.state = TriageState.notAffected.rawValue
            fields.justification = justification
            (fields.acceptedUntil, fields.acceptedBy, fields.acceptReason) = (nil, nil, nil)
        case let .acceptRisk(reason, until):
            fields.state = TriageState.accepted.rawValue
            fields.justification = nil
            (fields.acceptedUntil, fields.acceptedBy, fields.acceptReason) = (until, actor, reason)
        case let .assign(account):
            if account == previous.assignee { return .refused(account.map { "already assigned to \($0)" } ?? "not assigned") }
            fields.assignee = account
        case .note:
            break
        }
        try db.execute(
            sql: """
                UPDATE finding SET state = ?, justification = ?, assignee = ?, acceptedUntil = ?, acceptedBy = ?, acceptReason = ?,
                                   version = version + 1
                WHERE id = ? AND version = ?
                """,
            arguments: [
                fields.state, fields.justification, fields.assignee, fields.acceptedUntil, fields.acceptedBy,
                fields.acceptReason, id, version,
            ])
        if fields.ticket != previous.ticket { try setTicket(db, id, fields.ticket) }
        let newState = TriageState(rawValue: fields.state) ?? .new
        var (from, to): (String?, String?) =
            switch action {
            case let .assign(account): (previous.assignee, account)
            case .ticket: (previous.ticket, fields.ticket)
            case .note: (nil, nil)
            default: (state.key, newState.key)
            }
        var reason = action.reason
        if case let .acceptRisk(text, until) = action { reason = "\(text) (until \(CivilDate.format(until)))" }
        var undoable: String? = previous.json
        var kind = action.eventKind
        if case .note = action { undoable = nil }
        if let step {
            (from, to, reason, undoable) = (step.from, step.to, step.reason, nil)
            if case .acceptRisk = action { kind = "acceptance-proposed" }
        }
        try db.execute(
            sql: """
                INSERT INTO findingEvent (findingId, at, actor, kind, fromValue, toValue, reason, previous) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, now, actor, kind, from, to, reason, undoable])
        if snapshot, newState.isOpen != state.isOpen { try snapshotModels(db, day: now / 86_400, weights: weights) }
        if newState != state, rules.hookEvents.contains(.stateChange) {
            var payload: [String: Any] = [
                "finding": try hookFinding(db, id: id), "from": state.key, "to": newState.key, "actor": actor, "change": kind,
            ]
            if let reason { payload["reason"] = reason }
            try enqueueHook(db, .stateChange, at: now, payload: payload)
        }
        return .applied(version: version + 1, state: newState)
    }

    /// Undoes the acting account's last change to a finding, when nobody changed it since.
    public func undoLast(_ id: Int64, actor: String, now: Int64, weights: RiskWeights = .standard) throws -> TriageResult {
        try writeImmediate { db in
            guard let row = try TriageRow.fetchOne(db, sql: TriageRow.sql, arguments: [id]) else { return .missing }
            guard
                let last = try LastEvent.fetchOne(
                    db,
                    sql: """
                        SELECT id, actor, at, kind, previous FROM findingEvent WHERE findingId = ? AND kind != 'note' ORDER BY id DESC LIMIT 1
                        """, arguments: [id])
            else { return .refused("nothing to undo") }
            let state = row.state
            guard last.actor == actor else {
                return .conflict(TriageConflict(actor: last.actor, at: last.at, state: state, version: row.version))
            }
            guard let json = last.previous, last.kind != "undo",
                let previous = try? JSONDecoder().decode(TriageFields.self, from: Data(json.utf8))
            else {
                return .refused("your last change to it cannot be undone")
            }
            try db.execute(
                sql: """
                    UPDATE finding SET state = ?, justification = ?, assignee = ?, acceptedUntil = ?, acceptedBy = ?, acceptReason = ?,
                                       version = version + 1 WHERE id = ?
                    """,
                arguments: [
                    previous.state, previous.justification, previous.assignee, previous.acceptedUntil, previous.acceptedBy,
                    previous.acceptReason, id,
                ])
            // Events from before ticket links say nothing of the ticket: only a ticket event restores one.
            if last.kind == "ticket" { try FindingStore.setTicket(db, id, previous.ticket) }
            let restored = TriageState(rawValue: previous.state) ?? .new
            try db.execute(
                sql: """
                    INSERT INTO findingEvent (findingId, at, actor, kind, fromValue, toValue, reason) VALUES (?, ?, ?, 'undo', ?, ?, ?)
                    """, arguments: [id, now, actor, state.key, restored.key, "undid event \(last.id)"])
            if restored.isOpen != state.isOpen { try FindingStore.snapshotModels(db, day: now / 86_400, weights: weights) }
            return .applied(version: row.version + 1, state: restored)
        }
    }

    /// Reopens every accepted finding whose acceptance has ended, each with an event that says why.
    /// Returns how many lapsed.
    @discardableResult
    public func lapseAcceptances(
        now: Int64, actor: String = "mlsoc", weights: RiskWeights = .standard, hookEvents: Set<HookEvent> = []
    ) throws -> Int {
        try writeImmediate { db in
            let rows = try EndedAcceptance.fetchAll(
                db,
                sql: """
                    SELECT id, acceptedUntil, acceptedBy, acceptReason FROM finding INDEXED BY finding_accepted
                    WHERE state = \(TriageState.accepted.sql) AND acceptedUntil < ?
                    """, arguments: [now])
            for row in rows { try FindingStore.lapse(db, row, now: now, actor: actor, hookEvents: hookEvents) }
            if !rows.isEmpty { try FindingStore.snapshotModels(db, day: now / 86_400, weights: weights) }
            return rows.count
        }
    }

    /// Links a finding to a ticket (schema v22's side table), or removes the link.
    static func setTicket(_ db: StoreConnection, _ id: Int64, _ ticket: String?) throws {
        if let ticket {
            try db.execute(
                sql: "INSERT INTO findingTicket (findingId, ticket) VALUES (?, ?) ON CONFLICT (findingId) DO UPDATE SET ticket = excluded.ticket",
                arguments: [id, ticket])
        } else {
            try db.execute(sql: "DELETE FROM findingTicket WHERE findingId = ?", arguments: [id])
        }
    }

    /// Reopens one ended acceptance, with an event that says why.
    static func lapse(_ db: StoreConnection, _ row: EndedAcceptance, now: Int64, actor: String, hookEvents: Set<HookEvent> = []) throws {
        let by = row.acceptedBy ?? "?"
        let until = row.acceptedUntil ?? now
        try db.execute(
            sql: """
                INSERT INTO findingEvent (findingId, at, actor, kind, fromValue, toValue, reason)
                VALUES (?, ?, ?, 'acceptance-lapsed', 'accepted', 'new', ?)
                """,
            arguments: [
                row.id, now, actor,
                "the risk acceptance by \(by) ended on \(CivilDate.format(until))" + (row.acceptReason.map { " (\($0))" } ?? ""),
            ])
        try db.execute(
            sql: """
                UPDATE finding SET state = \(TriageState.new.sql), acceptedUntil = NULL, acceptedBy = NULL, acceptReason = NULL,
                                   version = version + 1
                WHERE id = ?
                """, arguments: [row.id])
        if hookEvents.contains(.acceptanceLapsed) {
            var payload: [String: Any] = ["finding": try hookFinding(db, id: row.id), "accepted_until": until]
            if let by = row.acceptedBy { payload["accepted_by"] = by }
            try enqueueHook(db, .acceptanceLapsed, at: now, payload: payload)
        }
    }

    /// Accepted findings whose acceptance ends within `days`.
    public func expiringAcceptances(now: Int64, days: Int) throws -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM finding INDEXED BY finding_accepted WHERE state = \(TriageState.accepted.sql) AND acceptedUntil < ?",
                arguments: [now + Int64(days) * 86_400]) ?? 0
        }
    }

    /// One finding's version, for a write that starts from what the caller saw.
    public func version(of id: Int64) throws -> Int? {
        try read { db in try Int.fetchOne(db, sql: "SELECT version FROM finding WHERE id = ?", arguments: [id]) }
    }
}

extension FindingStore {
    /// For the contention check: assignment events and the sum of versions of these findings.
    public func contentionCheck(ids: [Int64]) throws -> (events: Int, versionsGained: Int) {
        try read { db in
            let list = ids.map(String.init).joined(separator: ",")
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM findingEvent WHERE kind = 'assign' AND findingId IN (\(list))") ?? 0
            let gained = try Int.fetchOne(db, sql: "SELECT coalesce(sum(version - 1), 0) FROM finding WHERE id IN (\(list))") ?? 0
            return (events, gained)
        }
    }
}
