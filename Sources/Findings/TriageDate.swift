/// Parses dates typed into forms and flags: `2026-12-31`, `2026-12-31T18:00`, or `+30d`.
public enum TriageDate {
    public static func parse(_ text: String, now: Int64) -> Int64? {
        let value = text.trimmingASCIIWhitespace()
        if value.hasPrefix("+"), value.hasSuffix("d"), let days = Int(value.dropFirst().dropLast()), days > 0, days < 100_000 {
            return now + Int64(days) * 86_400
        }
        let parts = value.split(separator: "T", maxSplits: 1)
        let date = parts.first?.split(separator: "-").map { Int($0) } ?? []
        guard date.count == 3, let year = date[0], let month = date[1], let day = date[2],
            (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds: Int64 = 23 * 3600 + 59 * 60 + 59  // a bare date means the end of that day (UTC)
        if parts.count == 2 {
            let time = parts[1].split(separator: ":").map { Int($0) }
            guard (2...3).contains(time.count), let hour = time[0], let minute = time[1], (0...23).contains(hour), (0...59).contains(minute)
            else { return nil }
            seconds = Int64(hour * 3600 + minute * 60)
        }
        let days = CivilDate.days(year: year, month: month, day: day)
        // Reject 2026-02-31 and friends: the date must survive the round trip.
        guard CivilDate.civil(days) == (year, month, day) else { return nil }
        return days * 86_400 + seconds
    }
}
