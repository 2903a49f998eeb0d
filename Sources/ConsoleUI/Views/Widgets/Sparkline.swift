import Findings

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
