import ConsoleApp
import ConsoleUI
import FindingStore
import Findings
import Foundation

/// Read-side figures on the big store, through the same store API and renderer as the console.
struct QueryBench {
    let store: String
    let findings: Int
    /// Timed runs per figure (the median is reported), after one warm-up.
    var runs = 15

    func measure(figures: inout Figures) throws {
        try firstFrame(figures: &figures)
        let store = try FindingStore(path: self.store, mode: .readOnly)
        let group = "Queries at \(findings.formatted()) findings"
        figures.add(.atMost(group, "threat matrix (summary table)", try Measure.milliseconds(runs: runs) { _ = try store.matrixSummary() },
                            "ms", 5))
        figures.add(.atMost(group, "per-model table (summaries)", try Measure.milliseconds(runs: runs) { _ = try store.modelRisks() },
                            "ms", 5))
        figures.add(.plain(group, "header totals (lifecycle summary)", try Measure.milliseconds(runs: runs) { _ = try store.lifecycleSummary() },
                           "ms"))

        let pages = "Keyset pages of 200 at \(findings.formatted()) findings"
        let cursors = try RawDatabase(path: self.store, readOnly: true)
        for sort in FindingSort.allCases {
            for depth in [0, findings / 2, findings * 99 / 100] {
                let cursor = try self.cursor(cursors, sort: sort, depth: depth)
                let query = FindingQuery(sort: sort)
                let ms = try Measure.milliseconds(runs: runs) { _ = try store.findingsPage(query, after: cursor, limit: 200) }
                let name = "sort \(sort.rawValue), depth \(depth.formatted())"
                figures.add(sort == .severity || depth > 0 ? .atMost(pages, name, ms, "ms", 50) : .plain(pages, name, ms, "ms"))
            }
        }

        let filters = "Filters at \(findings.formatted()) findings (first page of 200, then the count)"
        let cases: [(text: String, indexed: Bool)] = [
            ("sev:critical", true), ("sev>=high state:open", true), ("threat:misconfiguration", true),
            ("model:fraud-detector-1", true), ("tool:bandit", false), ("rule:*eval*", false), ("sla:overdue", false),
            ("-state:open", false),
        ]
        for (text, indexed) in cases {
            let filter = try FindingFilter.parse(text)
            let query = FindingQuery(filter: filter)
            let page = try Measure.milliseconds(runs: runs) { _ = try store.findingsPage(query, after: nil, limit: 200) }
            let count = try Measure.milliseconds(runs: max(3, runs / 3)) { _ = try store.count(query, now: Int64(Date().timeIntervalSince1970)) }
            // §9: an indexed filter ≤ 100 ms; a scanning one has no time target, only that it never
            // blocks input (the console runs every query off the UI thread).
            let kind = indexed ? "indexed" : "scan"
            figures.add(indexed ? .atMost(filters, "\(text) (\(kind)): page", page, "ms", 100)
                                : .plain(filters, "\(text) (\(kind)): page", page, "ms", note: "off the UI thread"))
            figures.add(.plain(filters, "\(text) (\(kind)): count", count, "ms"))
        }
    }

    /// Open to first frame: open the store read-only, render the matrix and the first findings page
    /// headlessly (the console's reducer, effects and views). Cold: the store's pages evicted from
    /// the OS cache first (posix_fadvise); warm: the median of repeated opens.
    private func firstFrame(figures: inout Figures) throws {
        let group = "Open to first frame at \(findings.formatted()) findings (matrix + first findings page, 160×48)"
        let size = Size(width: 160, height: 48)
        var rendered = 0
        func frame() throws {
            let store = try FindingStore(path: self.store, mode: .readOnly)
            let matrix = HeadlessRender.render(store: store, view: .matrix, size: size, glyphs: .unicode, readOnly: true)
            let list = HeadlessRender.render(store: store, view: .findings, size: size, glyphs: .unicode, readOnly: true)
            rendered = matrix.plainText.count + list.plainText.count
        }
        for path in [store, store + "-wal"] { Measure.evictFromPageCache(path) }
        let (_, cold) = try Measure.time(frame)
        let warm = try Measure.milliseconds(runs: runs, warmup: 2, frame)
        guard rendered > 0 else { throw BenchError("the headless render drew nothing") }
        figures.add(.atMost(group, "cold (store evicted from the page cache)", cold * 1000, "ms", 500))
        figures.add(.atMost(group, "warm", warm, "ms", 150))
    }

    /// The keyset cursor of the row at `depth` in `sort` order (found once with OFFSET, untimed).
    private func cursor(_ db: RawDatabase, sort: FindingSort, depth: Int) throws -> PageCursor? {
        guard depth > 0 else { return nil }
        let (key, order) = switch sort {
        case .severity: ("severity", "severity DESC, id DESC")
        case .newest: ("0", "id DESC")
        case .oldest: ("0", "id ASC")
        case .due: ("coalesce(slaDue, 9223372036854775807)", "coalesce(slaDue, 9223372036854775807) ASC, id ASC")
        }
        let row = try db.rows("SELECT \(key), id FROM finding ORDER BY \(order) LIMIT 1 OFFSET \(depth - 1)").first
        guard let row, case let .integer(k) = row[0], case let .integer(id) = row[1] else {
            throw BenchError("no row at depth \(depth)")
        }
        return PageCursor(key: k, id: id)
    }
}

/// The console's memory at 1M findings: `mlsoc console` in tmux, walked through its views and
/// deep into the findings list, then its peak RSS from /proc.
struct ConsoleBench {
    let mlsoc: String
    let store: String

    func measure(figures: inout Figures) throws {
        let group = "Console"
        guard (try? Measure.run("tmux", ["-V"]))?.status == 0 else {
            figures.add(.plain(group, "console peak RSS at 1M findings", .nan, "MiB", note: "tmux not found"))
            return
        }
        let socket = "mlsoc-bench-\(getpid())"
        func tmux(_ arguments: [String]) throws {
            let child = try Measure.run("tmux", ["-L", socket] + arguments)
            guard child.status == 0 else { throw BenchError("tmux \(arguments.first ?? ""): \(child.stderr)") }
        }
        defer { _ = try? Measure.run("tmux", ["-L", socket, "kill-server"]) }
        try tmux(["new-session", "-d", "-x", "160", "-y", "48", "exec \(mlsoc) console --db \(store)"])
        let pane = try Measure.run("tmux", ["-L", socket, "list-panes", "-F", "#{pane_pid}"]).stdout
        guard let pid = Int32(pane.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw BenchError("no console pane") }
        usleep(1_500_000)
        // Every view, then deep into the list: pages, the end of each loaded page, a filter, a detail.
        let keys: [[String]] = [["2"], ["Enter"], ["Escape"], ["4"], ["5"], ["1"], ["Enter"]]
            + Array(repeating: ["NPage"], count: 60) + Array(repeating: ["G"], count: 20)
            + [["Enter"], ["Escape"], ["/"], ["-l", "sev>=high"], ["Enter"], ["Enter"], ["Escape"], ["3"]]
        for key in keys {
            try tmux(["send-keys", "-t", "0"] + key)
            usleep(120_000)
        }
        usleep(1_000_000)
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func kib(_ field: String) -> Double {
            let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
            return Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
        }
        try tmux(["send-keys", "-t", "0", "q"])
        figures.add(.atMost(group, "console peak RSS at the store above (VmHWM)", kib("VmHWM") / 1024, "MiB", 150,
                            note: "views, 60 pages down, 20 × G, a filter, a detail"))
    }
}
