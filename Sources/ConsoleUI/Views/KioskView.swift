import Findings

/// The dashboard's kiosk layout for wall screens: large open totals by severity, the current view
/// of the rotation without a cursor, and a clock. Nothing on it invites a key.
enum KioskView {
    /// Digits three rows tall, in block characters (or # in ASCII).
    static let font: [Character: [String]] = [
        "0": ["█▀█", "█ █", "▀▀▀"], "1": [" ▄█", "  █", "  ▀"], "2": ["▀▀█", "█▀▀", "▀▀▀"], "3": ["▀▀█", " ▀█", "▀▀▀"],
        "4": ["█ █", "▀▀█", "  ▀"], "5": ["█▀▀", "▀▀█", "▀▀▀"], "6": ["█▀▀", "█▀█", "▀▀▀"], "7": ["▀▀█", "  █", "  ▀"],
        "8": ["█▀█", "█▀█", "▀▀▀"], "9": ["█▀█", "▀▀█", "▀▀▀"], ",": ["   ", "   ", " ▄ "],
    ]

    static func big(_ text: String, glyphs: Glyphs) -> [String] {
        (0..<3).map { row in
            text.map { ch in
                let cell = font[ch]?[row] ?? "   "
                return glyphs.bar == "█" ? cell : String(cell.map { $0 == " " ? " " : "#" })
            }.joined(separator: " ")
        }
    }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let width = buffer.width
        // Header: mlsoc, read-only badge, store, the clock.
        buffer.fill(x: 0, y: 0, width: width, role: .header)
        var x = buffer.put(" mlsoc ", x: 0, y: 0, role: .headerAccent)
        x += buffer.put(" \(state.glyphs.lock) ", x: x, y: 0, role: .lock)
        let clock = state.now > 0 ? CivilDate.format(state.now) + " UTC " : ""
        buffer.put(
            " " + FrameView.elide(state.storePath, to: max(8, width - x - DisplayWidth.of(clock) - 2), glyphs: state.glyphs),
            x: x, y: 0, role: .header, maxWidth: width - x - DisplayWidth.of(clock))
        buffer.put(clock, x: width - DisplayWidth.of(clock), y: 0, role: .header)

        // Totals: large on tall screens, one line otherwise.
        let tall = buffer.height >= 40
        let severities: [Severity] = [.critical, .high, .medium, .low]
        var bannerRows = 2
        if tall {
            var column = 2
            for severity in severities {
                let count = NumberFormat.grouped(state.matrix.openCount(severity: severity))
                let digits = big(count, glyphs: state.glyphs)
                let blockWidth = max(DisplayWidth.of(digits[0]), 10)
                guard column + blockWidth < width else { break }
                buffer.put(severity.name.uppercased(), x: column, y: 2, role: .severity(severity))
                for (row, line) in digits.enumerated() { buffer.put(line, x: column, y: 3 + row, role: .severity(severity)) }
                column += blockWidth + 4
            }
            let open = "open \(NumberFormat.grouped(state.matrix.totalOpen))"
            if column + DisplayWidth.of(open) < width { buffer.put(open, x: column, y: 5, role: .title) }
            bannerRows = 6
        } else {
            var column = 1
            column += buffer.put("open \(NumberFormat.grouped(state.matrix.totalOpen))   ", x: column, y: 1, role: .title)
            for severity in severities {
                column += buffer.put(
                    "\(severity.name) \(NumberFormat.grouped(state.matrix.openCount(severity: severity)))   ", x: column, y: 1,
                    role: .severity(severity))
            }
        }

        // The view of the rotation, drawn as the console draws it, without a cursor, pasted below.
        var view = state
        view.kiosk = false
        view.matrixCursor = -1
        view.pivotRow = -1
        view.models.cursor = -1
        view.ingest.cursor = -1
        view.audit.cursor = -1
        view.findings.cursor = -1
        view.size = Size(width: width, height: buffer.height - bannerRows + 1)
        var sub = ScreenBuffer(size: view.size)
        Renderer.renderView(view, into: &sub)
        buffer.paste(sub, rows: FrameView.contentTop..<(sub.height - 1), at: bannerRows + 1)

        // Footer: what is shown, the rotation, how to leave. No key hints.
        let y = buffer.height - 1
        buffer.fill(x: 0, y: y, width: width, role: .footer)
        let names = state.kioskViews.map { $0 == state.view ? "[\($0.title)]" : $0.title }.joined(separator: " ")
        buffer.put(" " + (state.flash?.text ?? names), x: 0, y: y, role: state.flash?.isError == true ? .error : .footer, maxWidth: width - 10)
        buffer.put("q quits ", x: width - 8, y: y, role: .footer)
    }
}
