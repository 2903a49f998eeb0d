import Findings
import Foundation
import GRDB

/// The last event of a finding, as an undo or a conflict reads it.
struct LastEvent: Decodable, FetchableRecord {
    var id: Int64
    var actor: String
    var at: Int64
    var kind: String
    var previous: String?
}
