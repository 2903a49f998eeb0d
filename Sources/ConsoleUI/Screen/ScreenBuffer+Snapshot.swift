extension ScreenBuffer {
    /// The golden-file form: a size line, every row framed by `|`, then the runs of the given roles
    /// as `row:start-end role` (columns zero-based, inclusive).
    public func snapshot(roles: Set<StyleRole>) -> String {
        var lines = ["size \(size)"]
        for y in 0..<size.height { lines.append("|" + rowText(y) + "|") }
        lines.append("--- styles")
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                let role = self[x, y].role
                var end = x
                while end + 1 < size.width, self[end + 1, y].role == role { end += 1 }
                if roles.contains(role) { lines.append("\(y):\(x)-\(end) \(role.rawValue)") }
                x = end + 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
