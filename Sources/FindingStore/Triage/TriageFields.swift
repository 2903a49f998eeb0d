import Findings
import Foundation
import GRDB

/// The triage fields a change replaces, kept with its event so that its author can undo it.
/// A record over the `finding` columns of the same names (and the event's `previous` JSON).
struct TriageFields: Codable, Equatable, FetchableRecord {
    var state: Int
    var justification: String?
    var assignee: String?
    var acceptedUntil: Int64?
    var acceptedBy: String?
    var acceptReason: String?
    /// The ticket the finding is tracked in (schema v22); absent in events written before.
    var ticket: String?

    var json: String { (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}" }
}
