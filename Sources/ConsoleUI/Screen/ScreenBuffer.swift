import Findings

/// A grid of cells that views render into; terminals paint the difference between two of them.
/// Every string written passes the sanitiser first, so report text cannot reach the terminal raw.
public struct ScreenBuffer: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Values that must never be cut (a state, a score's result, a line number, the end of a
    /// summary) that did not fit where they were drawn; the golden tests require none.
    public private(set) var cuts: [ProtectedCut] = []

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns and the buffer; returns the columns used.
    /// A wide character that does not fit is replaced by a space, so columns never shift.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.width - max(x, 0))
        guard limit > 0 else { return 0 }
        var column = x
        var used = 0
        for character in TextSanitizer.sanitize(text) {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if used + width > limit {
                if width == 2, used < limit {
                    setCell(column, y, Cell(text: " ", role: role))
                    used += 1
                }
                break
            }
            if column >= 0 {
                setCell(column, y, Cell(text: String(character), width: UInt8(width), role: role))
                if width == 2, column + 1 < size.width { setCell(column + 1, y, Cell(text: "", width: 0, role: role)) }
            }
            column += width
            used += width
        }
        return used
    }

    /// Writes text padded or cut to exactly `width` columns; right-aligned when asked.
    public mutating func put(_ text: String, x: Int, y: Int, width: Int, role: StyleRole = .normal, alignRight: Bool = false) {
        guard width > 0 else { return }
        fill(x: x, y: y, width: width, role: role)
        let textWidth = min(DisplayWidth.of(TextSanitizer.sanitize(text)), width)
        put(text, x: alignRight ? x + width - textWidth : x, y: y, role: role, maxWidth: width)
    }

    /// Notes that a value that must never be cut was cut at (x, y).
    public mutating func noteCut(_ value: String, x: Int, y: Int) {
        cuts.append(ProtectedCut(value: value, x: x, y: y))
    }

    /// Fills a run of cells with spaces in one role.
    public mutating func fill(x: Int, y: Int, width: Int, role: StyleRole) {
        guard y >= 0, y < size.height else { return }
        for column in max(x, 0)..<max(max(x, 0), min(x + width, size.width)) {
            setCell(column, y, Cell(text: " ", role: role))
        }
    }

    /// Sets the role of existing cells, keeping their text.
    public mutating func style(x: Int, y: Int, width: Int, role: StyleRole) {
        guard y >= 0, y < size.height else { return }
        for column in max(x, 0)..<max(max(x, 0), min(x + width, size.width)) {
            cells[y * size.width + column].role = role
        }
    }

    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let index = y * size.width + x
        // Overwriting half of a wide character blanks the other half.
        if cells[index].width == 2, x + 1 < size.width, cell.width != 2 {
            cells[index + 1] = Cell(text: " ", role: cells[index + 1].role)
        }
        if cells[index].isContinuation, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = Cell(text: " ", role: cells[index - 1].role)
        }
        cells[index] = cell
    }

    /// Copies rows `from` of another buffer of the same width to row `to` onwards.
    public mutating func paste(_ other: ScreenBuffer, rows: Range<Int>, at top: Int) {
        guard other.width == width else { return }
        for (offset, row) in rows.enumerated() where row >= 0 && row < other.height && top + offset < height && top + offset >= 0 {
            for x in 0..<width { cells[(top + offset) * width + x] = other[x, row] }
        }
    }

    /// The text of one row, continuation cells skipped.
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var text = ""
        for x in 0..<size.width where !self[x, y].isContinuation {
            text += self[x, y].text
        }
        return text
    }

    /// All rows as plain text, trailing spaces trimmed: what `mlsoc render` prints.
    public var plainText: String {
        (0..<size.height).map { y in
            var row = rowText(y)
            while row.last == " " { row.removeLast() }
            return row
        }.joined(separator: "\n")
    }
}
