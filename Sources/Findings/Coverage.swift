/// What one scan looked at: the roots, files and targets it covered (DESIGN.md §8). A newer scan
/// resolves an open finding only when the finding's artifact lies inside its coverage, so a report
/// of repo B, or of one model file, never closes what it did not look at.
public struct Coverage: Sendable, Equatable {
    /// One thing a scan covered.
    public enum Entry: Sendable, Hashable, Comparable {
        /// A directory tree; "" is everything the report's paths are relative to.
        case root(String)
        /// One file (or archive member, or a package `name@version`).
        case file(String)
        /// A model or endpoint a dynamic scanner probed (garak, promptfoo), by name.
        case target(String)

        public var kind: String {
            switch self {
            case .root: "root"
            case .file: "file"
            case .target: "target"
            }
        }

        public var value: String {
            switch self {
            case let .root(value), let .file(value), let .target(value): value
            }
        }

        public init?(kind: String, value: String) {
            switch kind {
            case "root": self = .root(value)
            case "file": self = .file(value)
            case "target": self = .target(value)
            default: return nil
            }
        }
    }

    public private(set) var roots: [String] = []
    public private(set) var files: Set<String> = []
    public private(set) var targets: Set<String> = []

    public init(_ entries: [Entry] = []) {
        for entry in entries { insert(entry) }
    }

    public var isEmpty: Bool { roots.isEmpty && files.isEmpty && targets.isEmpty }

    public var entries: [Entry] {
        roots.map(Entry.root) + files.sorted().map(Entry.file) + targets.sorted().map(Entry.target)
    }

    public mutating func insert(_ entry: Entry) {
        switch entry {
        case let .root(value):
            let root = Coverage.normalize(value)
            if !roots.contains(root) { roots.append(root) }
        case let .file(value):
            let file = Coverage.normalize(value)
            if !file.isEmpty { files.insert(file) }
        case let .target(value):
            if !value.isEmpty { targets.insert(value) }
        }
    }

    /// Whether a finding at `path` (its artifact or location) about `model` lies inside this coverage.
    public func covers(path: String?, model: String?) -> Bool {
        if let model, targets.contains(model) { return true }
        guard let raw = path, !raw.isEmpty else { return roots.contains("") }
        let path = Coverage.normalize(raw)
        if targets.contains(raw) || targets.contains(path) { return true }
        for root in roots where Coverage.isInside(path, root: root) { return true }
        let container = Coverage.container(path)
        return coversFile(path) || (container != path && coversFile(container))
    }

    private func coversFile(_ path: String) -> Bool {
        if files.contains(path) { return true }
        // One side absolute, the other relative to the scanned root: the same file when the
        // relative one is a whole-component suffix of the absolute one.
        if path.hasPrefix("/") {
            return files.contains { !$0.hasPrefix("/") && path.hasSuffix("/" + $0) }
        }
        return files.contains { $0.hasPrefix("/") && $0.hasSuffix("/" + path) }
    }

    /// The file a location is in: `a/b.pt:b/data.pkl` and `x.pkl (pos 12)` are in `a/b.pt` and `x.pkl`.
    public static func container(_ path: String) -> String {
        var file = Substring(path)
        if file.hasSuffix(")"), let open = file.lastIndex(of: "("), open > file.startIndex,
            file[file.index(before: open)] == " "
        {
            file = file[..<file.index(before: open)]
        }
        if let colon = file.firstIndex(of: ":"), file[..<colon].contains(".") { file = file[..<colon] }
        return String(file)
    }

    /// A short description for summary lines: "2 roots, 14 files, target support-bot".
    public var summary: String {
        if isEmpty { return "unknown" }
        var parts: [String] = []
        if roots == [""] {
            parts.append("the whole tree")
        } else if roots.count == 1, let root = roots.first {
            parts.append(root.isEmpty ? "the whole tree" : root + "/")
        } else if !roots.isEmpty {
            parts.append("\(roots.count) roots")
        }
        if files.count == 1, let file = files.first {
            parts.append(file)
        } else if !files.isEmpty {
            parts.append("\(files.count) files")
        }
        if targets.count == 1, let target = targets.first {
            parts.append("target \(target)")
        } else if !targets.isEmpty {
            parts.append("\(targets.count) targets")
        }
        return parts.joined(separator: ", ")
    }

    /// A relative path without its leading `./` (bandit writes `./app/x.py` when given `.` or a file
    /// path, its SARIF formatter `app/x.py`): one spelling, so both formats of a run give one identity.
    public static func withoutDotSlash(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// Paths as reports write them, made comparable: `file://` dropped, `./` and doubled or
    /// trailing slashes removed. A root of "." is "" (everything).
    public static func normalize(_ raw: String) -> String {
        let path = withoutDotSlash(raw.hasPrefix("file://") ? String(raw.dropFirst(7)) : raw)
        if path == "." { return "" }
        var out = ""
        out.reserveCapacity(path.utf8.count)
        var lastSlash = false
        for ch in path {
            if ch == "/" {
                if lastSlash { continue }
                lastSlash = true
            } else {
                lastSlash = false
            }
            out.append(ch)
        }
        while out.count > 1, out.hasSuffix("/") { out.removeLast() }
        if out.hasSuffix("/.") { out.removeLast(2) }
        return out
    }

    /// `path` is `root` or below it; the empty root holds everything. An absolute root holds only
    /// absolute paths: relative ones are relative to a root that is not known to be this one.
    /// A root ending in `@` (`requests@`) holds every version of a package (`requests@2.31.0`).
    static func isInside(_ path: String, root: String) -> Bool {
        if root.isEmpty { return true }
        if root.hasSuffix("@") { return path.hasPrefix(root) }
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }
}
