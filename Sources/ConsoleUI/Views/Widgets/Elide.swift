import Findings

/// Fitting text into a number of columns: in the middle (paths, report names, rule ids) or at the
/// end (titles). Widths are display widths; the input is sanitised first.
enum Elide {
    static func fit(_ text: String, width: Int, cut: Cut, ellipsis: String) -> String {
        let safe = TextSanitizer.sanitize(text)
        guard DisplayWidth.of(safe) > width, width > 0 else { return safe }
        switch cut {
        case .never: return safe
        case .end: return end(safe, width: width, ellipsis: ellipsis)
        case .middle: return middle(safe, width: width, ellipsis: ellipsis)
        }
    }

    static func end(_ safe: String, width: Int, ellipsis: String) -> String {
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return prefix(safe, width) }
        return prefix(safe, room) + ellipsis
    }

    /// `fraud-detector-v2.json` in 15 columns is `fraud-…-v2.json`: the tail gets the larger half,
    /// and a trailing `:line[:column]` is kept whole when the column has room for it at all.
    static func middle(_ safe: String, width: Int, ellipsis: String) -> String {
        let room = width - DisplayWidth.of(ellipsis)
        guard room >= 2 else { return end(safe, width: width, ellipsis: ellipsis) }
        let locator = DisplayWidth.of(String(lineSuffix(safe)))
        let tailWidth = locator > 0 && locator < room ? max(locator, (room + 1) / 2) : (room + 1) / 2
        let tail = suffix(safe, tailWidth)
        let head = prefix(safe, room - DisplayWidth.of(tail))
        return head + ellipsis + tail
    }

    /// The `:12` or `:12:5` that ends a location, or "".
    static func lineSuffix(_ text: String) -> Substring {
        var index = text.endIndex
        var colons = 0
        var digits = 0
        var start = text.endIndex
        while index > text.startIndex {
            let before = text.index(before: index)
            let ch = text[before]
            if ch.isASCII, ch.isNumber {
                digits += 1
            } else if ch == ":", digits > 0, colons < 2 {
                colons += 1
                digits = 0
                start = before
            } else {
                break
            }
            index = before
        }
        return text[start...]
    }

    /// The longest start of `text` at most `width` columns wide (a wide character is never split).
    static func prefix(_ text: String, _ width: Int) -> String {
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return out
    }

    /// The longest end of `text` at most `width` columns wide.
    static func suffix(_ text: String, _ width: Int) -> String {
        var out: [Character] = []
        var used = 0
        for ch in text.reversed() {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return String(out.reversed())
    }
}
