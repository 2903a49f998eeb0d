import Findings
import Foundation
import GRDB

/// The audit log across findings.
extension FindingStore {
    /// One keyset page of the audit log, newest first, filtered like findings (actor and event
    /// terms apply to the event itself).
    public func auditPage(
        filter: FindingFilter = .empty, before: Int64?, limit: Int,
        now: Int64 = Int64(Date().timeIntervalSince1970)
    ) throws -> [AuditEntry] {
        let compiled = FilterSQL(filter, now: now, eventAlias: "e")
        var conditions = compiled.conditions
        var arguments = compiled.arguments
        if let before {
            conditions.append("e.id < ?")
            _ = arguments.append(contentsOf: [before])
        }
        _ = arguments.append(contentsOf: [limit])
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try AuditEntry.fetchAll(
                db,
                sql: """
                    SELECT \(AuditEntry.selection), r.tool, r.ruleId
                    FROM findingEvent e JOIN finding f ON f.id = e.findingId JOIN rule r ON r.id = f.ruleRef
                    \(whereClause) ORDER BY e.id DESC LIMIT ?
                    """, arguments: arguments)
        }
    }
}

extension FindingStore {
    /// The people `@` offers: who acted in the last `recent` audit events (by person, as four-eyes
    /// compares them), whom they assigned, and the owners of models and projects. A bounded read:
    /// the newest events by rowid, never the whole trail.
    public func knownAccounts(recent: Int = 20_000, limit: Int = 500) throws -> [String] {
        try read { db in
            let names = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM (
                        SELECT actor AS name FROM (SELECT actor, kind FROM findingEvent ORDER BY id DESC LIMIT ?) AS recent
                        WHERE kind NOT IN ('reopened', 'remapped', 'acceptance-lapsed') AND kind NOT LIKE 'imported-from-%'
                        UNION SELECT toValue FROM (SELECT kind, toValue FROM findingEvent ORDER BY id DESC LIMIT ?) AS assigned WHERE kind = 'assign'
                        UNION SELECT owner FROM model UNION SELECT owner FROM project
                    ) AS names WHERE name IS NOT NULL AND name != ''
                    """, arguments: [recent, recent])
            var seen = Set<String>()
            return names.map(AcceptanceProposal.person).filter { $0 != "mlsoc" && seen.insert($0).inserted }.sorted().prefix(limit).map { $0 }
        }
    }
}
