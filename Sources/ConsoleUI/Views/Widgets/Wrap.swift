import Findings

enum Wrap {
    /// Splits report text into display lines of at most `width` columns: line breaks in the text
    /// start new lines, long words are cut. Each piece is sanitised when drawn.
    static func lines(_ text: String, width: Int, limit: Int = 200) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let safe = TextSanitizer.sanitize(String(paragraph))
            var line = ""
            var used = 0
            for word in safe.split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(String(word))
                if used > 0, used + 1 + w > width {
                    out.append(line)
                    line = ""
                    used = 0
                }
                if used > 0 {
                    line += " "
                    used += 1
                }
                for ch in word {
                    let cw = DisplayWidth.of(ch)
                    if used + cw > width {
                        out.append(line)
                        line = ""
                        used = 0
                    }
                    line.append(ch)
                    used += cw
                }
            }
            out.append(line)
            if out.count >= limit { break }
        }
        return Array(out.prefix(limit))
    }
}
