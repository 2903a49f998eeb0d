import Findings

/// UTC dates for tables, without Foundation: "2026-11-28 07:42".
enum Clock {
    static func format(_ seconds: Int64) -> String { CivilDate.format(seconds) }

    /// "11-28 07:42": the year dropped, for narrow tables.
    static func short(_ seconds: Int64) -> String { String(format(seconds).dropFirst(5)) }

    /// The long form on screens of at least 100 columns, the short one below.
    static func format(_ seconds: Int64, width: Int) -> String { width >= 100 ? format(seconds) : short(seconds) }

    static func date(_ seconds: Int64) -> String { String(format(seconds).prefix(10)) }

    /// Days until `due` as "12d", or "-3d" when past; "" without a due date.
    static func due(_ due: Int64?, now: Int64) -> String {
        guard let due else { return "" }
        let seconds = due - now
        let days = seconds >= 0 ? (seconds + 86_399) / 86_400 : -((-seconds + 86_399) / 86_400)
        return "\(days)d"
    }

    /// How long ago, in the largest whole unit: "3d", "5h", "12m", "now".
    static func age(_ seconds: Int64) -> String {
        switch seconds {
        case 86_400...: "\(seconds / 86_400)d"
        case 3_600...: "\(seconds / 3_600)h"
        case 60...: "\(seconds / 60)m"
        default: "now"
        }
    }
}
