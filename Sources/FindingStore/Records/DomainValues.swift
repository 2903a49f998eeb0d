import Findings
import Foundation
import GRDB

// The domain's enums are stored as their raw integers. Each converts itself to and from a database
// value; a number the domain does not know (a store written by a newer mlsoc) is a decoding error
// that `FindingStore.read` reports as a `StoreError`, never a silent default.
extension Severity: DatabaseValueConvertible {}
extension Threat: DatabaseValueConvertible {}
extension TriageState: DatabaseValueConvertible {}

extension TriageState {
    /// The state's number as SQL text, for conditions a partial index must match literally
    /// (`finding_accepted` is `WHERE state = 6`; a bound parameter would not use it).
    var sql: String { String(rawValue) }

    /// The open states as an SQL list, `0, 1, 2`.
    static let openSQL = allCases.filter(\.isOpen).map(\.sql).joined(separator: ", ")
}

extension Fingerprint: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { Data(bytes).databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Fingerprint? {
        Data.fromDatabaseValue(dbValue).map { Fingerprint(bytes: Array($0)) }
    }
}
