import Findings
import Foundation
import GRDB

/// A finding's triage as a write starts from: its version and its fields.
struct TriageRow: FetchableRecord {
    var version: Int
    var state: TriageState
    var fields: TriageFields

    static let sql = """
        SELECT state, version, justification, assignee, acceptedUntil, acceptedBy, acceptReason,
               (SELECT t.ticket FROM findingTicket t WHERE t.findingId = finding.id) AS ticket
        FROM finding WHERE id = ?
        """

    init(row: Row) throws {
        version = try row.decode(forColumn: "version")
        state = try row.decode(forColumn: "state")
        fields = try TriageFields(row: row)
    }
}
