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
