import Findings

/// A line of styled runs, for the detail panes and help.
struct StyledLine: Equatable {
    var runs: [(String, StyleRole)]
    /// The line must be shown whole (a score with its result, a summary with its closing part):
    /// it wraps instead of being cut, and a cut is noted on the buffer.
    var whole = false

    init(_ runs: [(String, StyleRole)], whole: Bool = false) {
        self.runs = runs
        self.whole = whole
    }

    init(_ text: String, _ role: StyleRole = .normal, whole: Bool = false) {
        runs = [(text, role)]
        self.whole = whole
    }

    static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
        lhs.runs.map(\.0) == rhs.runs.map(\.0) && lhs.runs.map(\.1) == rhs.runs.map(\.1)
    }

    static let blank = StyledLine("")

    /// The line as lines of at most `width` cells: the last run (a description) wraps at spaces,
    /// its continuation lines indented under where it began. A line with no room to wrap is kept.
    func wrapped(width: Int) -> [StyledLine] {
        let total = runs.reduce(0) { $0 + DisplayWidth.of($1.0) }
        guard total > width, let last = runs.last else { return [self] }
        let indent = total - DisplayWidth.of(last.0)
        let room = width - indent
        guard room >= 16 else { return [self] }
        var lines: [StyledLine] = []
        var current = ""
        var used = 0
        func flush() {
            let head: [(String, StyleRole)] = lines.isEmpty ? Array(runs.dropLast()) : [(String(repeating: " ", count: indent), .normal)]
            lines.append(StyledLine(head + [(current, last.1)], whole: whole))
            current = ""
            used = 0
        }
        for word in last.0.split(separator: " ", omittingEmptySubsequences: false) {
            let w = DisplayWidth.of(String(word))
            if used > 0, used + 1 + w > room { flush() }
            if used > 0 {
                current += " "
                used += 1
            }
            current += word
            used += w
        }
        flush()
        return lines
    }

    /// Draws a window of lines from `scroll`, clipped to the area; returns the scroll actually used.
    @discardableResult
    static func draw(_ lines: [StyledLine], x: Int, y: Int, width: Int, height: Int, scroll: Int, into buffer: inout ScreenBuffer) -> Int {
        let start = max(0, min(scroll, lines.count - height))
        for (offset, line) in lines.dropFirst(start).prefix(height).enumerated() {
            var column = x
            for (text, role) in line.runs {
                let room = x + width - column
                let used = room > 0 ? buffer.put(text, x: column, y: y + offset, role: role, maxWidth: room) : 0
                if line.whole, used < DisplayWidth.of(TextSanitizer.sanitize(text)) {
                    buffer.noteCut(text, x: column, y: y + offset)
                }
                column += used
                guard room > 0 else { break }
            }
        }
        return start
    }
}
