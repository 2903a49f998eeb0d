import Foundation

/// One measured number, what it is compared with, and whether it meets its DESIGN.md §9 target.
struct Figure: Encodable {
    var group: String
    var name: String
    var value: Double
    var unit: String
    /// The target as written (e.g. "≥ 25000"), when there is one.
    var target: String?
    var meets: Bool?
    var note: String?

    /// A figure that could not be measured (a missing tool) has a NaN value, written as `null`:
    /// JSON has no NaN.
    enum CodingKeys: String, CodingKey { case group, name, value, unit, target, meets, note }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(name, forKey: .name)
        try container.encode(value.isFinite ? value : nil, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encodeIfPresent(meets, forKey: .meets)
        try container.encodeIfPresent(note, forKey: .note)
    }

    static func atLeast(_ group: String, _ name: String, _ value: Double, _ unit: String, _ limit: Double, note: String? = nil) -> Figure {
        Figure(group: group, name: name, value: value, unit: unit, target: "≥ \(Figures.format(limit))", meets: value >= limit, note: note)
    }

    static func atMost(_ group: String, _ name: String, _ value: Double, _ unit: String, _ limit: Double, note: String? = nil) -> Figure {
        Figure(group: group, name: name, value: value, unit: unit, target: "≤ \(Figures.format(limit))", meets: value <= limit, note: note)
    }

    static func plain(_ group: String, _ name: String, _ value: Double, _ unit: String, note: String? = nil) -> Figure {
        Figure(group: group, name: name, value: value, unit: unit, target: nil, meets: nil, note: note)
    }
}

/// The collected figures of one run, printed as a table or JSON.
struct Figures: Encodable {
    var machine: [String: String] = [:]
    var settings: [String: Int] = [:]
    var figures: [Figure] = []
    var seconds: Double = 0

    mutating func add(_ figure: Figure) {
        figures.append(figure)
        FileHandle.standardError.write(
            Data(
                "  \(figure.name): \(Figures.format(figure.value)) \(figure.unit)\(figure.meets == false ? "  (misses \(figure.target ?? ""))" : "")\n"
                    .utf8))
    }

    static func format(_ value: Double) -> String {
        if value.isNaN { return "n/a" }
        if value == value.rounded(), abs(value) < 1e15 { return Int(value).formatted() }
        if abs(value) >= 100 { return Int(value.rounded()).formatted() }
        if abs(value) >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }

    /// Prints the figures as a table, or as JSON.
    func print(json: Bool) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Swift.print(String(decoding: try encoder.encode(self), as: UTF8.self))
        } else {
            Swift.print(table)
        }
    }

    var table: String {
        var lines: [String] = []
        let nameWidth = max(40, figures.map(\.name.count).max() ?? 0)
        var group = ""
        for figure in figures {
            if figure.group != group {
                group = figure.group
                lines.append("")
                lines.append(group)
            }
            let value = Figures.format(figure.value).leftPadded(to: 12)
            let verdict = figure.meets.map { $0 ? "ok" : "MISSES" } ?? ""
            var line = "  " + figure.name.padded(to: nameWidth) + " " + value + " " + figure.unit.padded(to: 11)
            if let target = figure.target { line += " target \(target) " + verdict }
            if let note = figure.note { line += (figure.target == nil ? " " : "  ") + "(\(note))" }
            lines.append(line)
        }
        let misses = figures.filter { $0.meets == false }
        lines.append("")
        lines.append(misses.isEmpty ? "All targets met." : "Targets missed: " + misses.map(\.name).joined(separator: "; "))
        lines.append(String(format: "Run took %.0f s.", seconds))
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
