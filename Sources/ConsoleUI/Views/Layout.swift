import Findings

/// One column of a table: a title, a width, and which side the text sits on.
struct Column {
    var title: String
    var width: Int
    var alignRight = false

    init(_ title: String, _ width: Int, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// Tables drawn the same way in every view: a muted header row, one line per row, the selected
/// row highlighted across the full width.
enum Table {
    /// Column widths with the flexible column (`flex`) taking whatever the others leave.
    static func fit(_ columns: [Column], flex: Int, width: Int, minimum: Int = 10) -> [Column] {
        var columns = columns
        let fixed = columns.enumerated().filter { $0.offset != flex }.reduce(0) { $0 + ($1.element.width > 0 ? $1.element.width + 1 : 0) }
        columns[flex].width = max(minimum, width - 1 - fixed - 1)
        return columns
    }

    static func header(_ columns: [Column], x: Int = 1, y: Int, sorted: String? = nil, marker: String = "", into buffer: inout ScreenBuffer) {
        var x = x
        for column in columns where column.width > 0 {
            let title = column.title == sorted ? column.title + marker : column.title
            buffer.put(title, x: x, y: y, width: column.width, role: column.title == sorted ? .title : .muted, alignRight: column.alignRight)
            x += column.width + 1
        }
    }

    /// One row; `roles` gives each cell's role unless the row is selected.
    static func row(_ cells: [String], _ columns: [Column], x: Int = 1, y: Int, width: Int, selected: Bool,
                    roles: [StyleRole] = [], into buffer: inout ScreenBuffer) {
        if selected { buffer.fill(x: x - 1, y: y, width: width, role: .selection) }
        var x = x
        for (index, (text, column)) in zip(cells, columns).enumerated() where column.width > 0 {
            let role = selected ? .selection : (index < roles.count ? roles[index] : .normal)
            buffer.put(text, x: x, y: y, width: column.width, role: role, alignRight: column.alignRight)
            x += column.width + 1
        }
    }

    /// The first row to draw so that `cursor` stays visible, centred when the list is long.
    static func firstVisible(cursor: Int, count: Int, rows: Int) -> Int {
        max(0, min(cursor - rows / 2, count - rows))
    }
}

/// A line of styled runs, for the detail panes and help.
struct StyledLine: Equatable {
    var runs: [(String, StyleRole)]

    init(_ runs: [(String, StyleRole)]) {
        self.runs = runs
    }

    init(_ text: String, _ role: StyleRole = .normal) {
        runs = [(text, role)]
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
            lines.append(StyledLine(head + [(current, last.1)]))
            current = ""
            used = 0
        }
        for word in last.0.split(separator: " ", omittingEmptySubsequences: false) {
            let w = DisplayWidth.of(String(word))
            if used > 0, used + 1 + w > room { flush() }
            if used > 0 { current += " "; used += 1 }
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
                guard room > 0 else { break }
                column += buffer.put(text, x: column, y: y + offset, role: role, maxWidth: room)
            }
        }
        return start
    }
}

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

/// UTC dates for tables, without Foundation: "2026-11-28 07:42".
enum Clock {
    static func format(_ seconds: Int64) -> String { CivilDate.format(seconds) }

    static func date(_ seconds: Int64) -> String { String(format(seconds).prefix(10)) }

    /// Days until `due` as "12d", or "-3d" when past; "" without a due date.
    static func due(_ due: Int64?, now: Int64) -> String {
        guard let due else { return "" }
        let seconds = due - now
        let days = seconds >= 0 ? (seconds + 86_399) / 86_400 : -((-seconds + 86_399) / 86_400)
        return "\(days)d"
    }
}

enum Sparkline {
    /// A bar chart `height` rows tall of the last `width` values, top row first; each row holds
    /// eight levels, so the chart has 8 × height steps.
    static func chart(_ values: [Double], width: Int, height: Int, glyphs: Glyphs) -> [String] {
        let shown = Array(values.suffix(width))
        let top = shown.max() ?? 0
        let steps = glyphs.spark.count
        let levels = shown.map { top > 0 ? Int(($0 / top * Double(steps * height)).rounded()) : 0 }
        return (0..<height).map { row in
            let floor = (height - 1 - row) * steps
            return levels.map { level in
                let inRow = level - floor
                if inRow <= 0 { return " " }
                return glyphs.spark[min(steps, inRow) - 1]
            }.joined()
        }
    }

    /// The last `width` values as bar heights scaled to the largest.
    static func render(_ values: [Double], width: Int, glyphs: Glyphs) -> String {
        let shown = values.suffix(width)
        guard let top = shown.max(), top > 0 else { return String(repeating: glyphs.spark[0], count: shown.count) }
        let levels = glyphs.spark.count - 1
        return shown.map { glyphs.spark[Int(($0 / top * Double(levels)).rounded())] }.joined()
    }
}
