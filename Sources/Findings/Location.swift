/// Where in an artifact a finding points.
public struct Location: Sendable, Equatable, Codable {
    public var path: String
    public var startLine: Int?
    public var endLine: Int?

    public init(path: String, startLine: Int? = nil, endLine: Int? = nil) {
        self.path = path
        self.startLine = startLine
        self.endLine = endLine
    }

    /// Reads `display` back: `path`, `path:3` or `path:3-5` (a path with a colon keeps it).
    public init(display: String) {
        let parts = display.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 2, let last = parts.last {
            let lines = last.split(separator: "-").map { Int($0) }
            if lines.count == 1 || lines.count == 2, let start = lines[0], lines.allSatisfy({ $0 != nil }) {
                self.init(path: parts.dropLast().joined(separator: ":"), startLine: start, endLine: lines.count == 2 ? lines[1] : nil)
                return
            }
        }
        self.init(path: display)
    }

    /// `path:line` or `path:start-end`, as tables show it.
    public var display: String {
        guard let start = startLine else { return path }
        if let end = endLine, end != start { return "\(path):\(start)-\(end)" }
        return "\(path):\(start)"
    }
}
