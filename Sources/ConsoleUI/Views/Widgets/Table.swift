import Findings

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
    static func row(
        _ cells: [String], _ columns: [Column], x: Int = 1, y: Int, width: Int, selected: Bool,
        roles: [StyleRole] = [], into buffer: inout ScreenBuffer
    ) {
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
