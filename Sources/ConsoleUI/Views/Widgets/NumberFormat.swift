/// Compact counts for narrow columns: 1234 → "1,234" (or "1.2k" in four columns), 123456 →
/// "123k", 1234567 → "1.2M". Digits are always grouped or scaled, never a bare "123456".
public enum NumberFormat {
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, ch) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// Fits in `width` columns (at least 4).
    public static func compact(_ value: Int, width: Int) -> String {
        let full = grouped(value)
        if full.count <= width { return full }
        if value < 10_000 { return "\(value / 1000).\(value / 100 % 10)k" }
        if value < 1_000_000 { return "\(value / 1000)k" }
        let millions = Double(value) / 1_000_000
        return millions < 10 ? "\(Int(millions))." + "\(Int(millions * 10) % 10)M" : "\(Int(millions))M"
    }
}
