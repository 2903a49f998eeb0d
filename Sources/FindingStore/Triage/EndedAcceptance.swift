import Findings
import Foundation
import GRDB

/// An acceptance that has ended, as `lapseAcceptances` reopens it.
struct EndedAcceptance: Decodable, FetchableRecord {
    var id: Int64
    var acceptedUntil: Int64?
    var acceptedBy: String?
    var acceptReason: String?
}
