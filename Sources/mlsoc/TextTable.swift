import Findings

/// Plain-text tables for the CLI: columns padded by display width, numbers right-aligned, every
/// cell through the sanitiser (report text never reaches a terminal raw, in the CLI either).
enum TextTable {
    static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let safe = rows.map { $0.map(TextSanitizer.sanitize) }
        let columns = safe.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in safe.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0 }
        return safe.map { cells in
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                if index == cells.count - 1, !rightAligned.contains(index) { return cell }
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
