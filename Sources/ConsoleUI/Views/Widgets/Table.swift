import Findings

/// Tables drawn the same way in every view: a muted header row, one line per row, the selected
/// row highlighted across the full width.
enum Table {
    /// Widths for `columns` in `width` cells, from the values on screen (`rows`, one array of
    /// cells per row). Every column first gets its minimum, a never-cut column the width of its
    /// widest value; when those do not fit, the least important columns are dropped. The rest of
    /// the room goes by priority to each column's natural width (its widest value, up to its
    /// maximum; a flexible column's preferred width), and what is left to the flexible columns.
    static func layout(_ columns: [Column], rows: [[String]], width: Int) -> [Column] {
        var columns = columns
        let natural = columns.indices.map { index -> Int in
            let widest = rows.reduce(DisplayWidth.of(columns[index].title)) { widest, row in
                index < row.count ? max(widest, DisplayWidth.of(TextSanitizer.sanitize(row[index]))) : widest
            }
            return widest
        }
        let minimum = columns.indices.map { index in
            columns[index].cut == .never ? natural[index] : min(columns[index].minWidth, natural[index])
        }
        // One cell of margin on the left, one space after every column.
        let room = width - 1
        // A column with nothing in it on this screen is not shown.
        let empty = Set(columns.indices.filter { index in !rows.isEmpty && rows.allSatisfy { index >= $0.count || $0[index].isEmpty } })
        var shown = Set(columns.indices.filter { columns[$0].maxWidth > 0 && !empty.contains($0) })
        func used(_ widths: [Int]) -> Int { shown.reduce(0) { $0 + widths[$1] + 1 } }
        func leastImportant(_ candidates: Set<Int>) -> Int? {
            candidates.max { (columns[$0].priority, $0) < (columns[$1].priority, $1) }
        }
        // A flexible column's preferred width (or less, if its values are shorter) is worth more
        // than any less important column: those go first.
        var wanted = minimum
        for index in columns.indices where columns[index].flex {
            wanted[index] = max(minimum[index], min(columns[index].preferred, natural[index]))
        }
        if let flexPriority = columns.filter(\.flex).map(\.priority).min() {
            while used(wanted) > room, let drop = leastImportant(shown.filter { columns[$0].priority > flexPriority }) {
                shown.remove(drop)
            }
        }
        while used(minimum) > room, let drop = leastImportant(shown) {
            shown.remove(drop)
        }
        for index in columns.indices { columns[index].width = shown.contains(index) ? minimum[index] : 0 }
        var left = room - used(minimum)
        // Within a priority, a flexible column takes its preferred width before the others grow.
        let byPriority = shown.sorted {
            (columns[$0].priority, columns[$0].flex ? 0 : 1, $0) < (columns[$1].priority, columns[$1].flex ? 0 : 1, $1)
        }
        for index in byPriority {
            let goal = columns[index].flex ? columns[index].preferred : natural[index]
            let grow = min(left, max(0, min(goal, columns[index].maxWidth) - columns[index].width))
            columns[index].width += grow
            left -= grow
        }
        let flexible = byPriority.filter { columns[$0].flex }
        for index in flexible {
            let grow = min(left, max(0, columns[index].maxWidth - columns[index].width))
            columns[index].width += grow
            left -= grow
        }
        if left > 0, flexible.isEmpty, let last = byPriority.last, columns[last].cut != .never {
            columns[last].width += left
        }
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

    /// One row; `roles` gives each cell's role unless the row is selected. Text that does not fit
    /// gives way as its column says; a never-cut value that does not fit is noted on the buffer.
    static func row(
        _ cells: [String], _ columns: [Column], x: Int = 1, y: Int, width: Int, selected: Bool,
        roles: [StyleRole] = [], glyphs: Glyphs, into buffer: inout ScreenBuffer
    ) {
        if selected { buffer.fill(x: x - 1, y: y, width: width, role: .selection) }
        var x = x
        for (index, (text, column)) in zip(cells, columns).enumerated() where column.width > 0 {
            let role = selected ? .selection : (index < roles.count ? roles[index] : .normal)
            let shown = Elide.fit(text, width: column.width, cut: column.cut, ellipsis: glyphs.ellipsis)
            let safe = TextSanitizer.sanitize(text)
            let kept: Substring = column.cut == .never ? Substring(safe) : column.cut == .middle ? Elide.lineSuffix(safe) : ""
            if !kept.isEmpty, DisplayWidth.of(shown) > column.width || !shown.hasSuffix(kept) {
                buffer.noteCut(String(kept), x: x, y: y)
            }
            buffer.put(shown, x: x, y: y, width: column.width, role: role, alignRight: column.alignRight)
            x += column.width + 1
        }
    }

    /// The first row to draw so that `cursor` stays visible, centred when the list is long.
    static func firstVisible(cursor: Int, count: Int, rows: Int) -> Int {
        max(0, min(cursor - rows / 2, count - rows))
    }
}
