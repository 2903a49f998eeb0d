import Config
import Findings
import Foundation
import JSONStream

/// A watched directory: reports dropped into it are claimed by an atomic rename into `processing/`,
/// ingested, then moved to `done/`, or to `quarantine/` with `NAME.error` beside them saying why.
/// Files left in `processing/` by a crash are re-queued when the inbox opens.
///
/// A report in a folder `INBOX/<project>/NAME` belongs to that project (CI jobs drop their reports
/// there); its name in events and in done/ and quarantine/ is `<project>/NAME`. Reports at the top
/// belong to the project the watcher was given, else to what the report or the config says.
public final class Inbox {
    /// What happened to one file.
    public enum Event: Sendable {
        case ingested(file: String, report: ReportIngestor.Report)
        case quarantined(file: String, reason: String)
        case requeued(file: String)
    }

    public let directory: URL
    public let processing: URL
    public let done: URL
    public let quarantine: URL
    /// What the watcher was told about every report (`--project`, `--covers`); a project folder wins.
    public var defaultRequest = IngestRequest()
    private let fm = FileManager.default
    /// Sizes seen at the previous poll: a file is taken only once its size holds still, so a
    /// report still being written is not claimed half-way.
    private var lastSizes: [String: Int64] = [:]

    /// Opens (creating as needed) the inbox and re-queues crash leftovers.
    public init(directory: String) throws {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        processing = self.directory.appendingPathComponent("processing", isDirectory: true)
        done = self.directory.appendingPathComponent("done", isDirectory: true)
        quarantine = self.directory.appendingPathComponent("quarantine", isDirectory: true)
        for dir in [self.directory, processing, done, quarantine] where !fm.fileExists(atPath: dir.path) {
            do {
                try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw IngestError(.unreadable, file: dir.path, "cannot create the inbox directory: \(error.localizedDescription)")
            }
        }
    }

    /// Moves files a crash left in `processing/` back to the inbox; returns them.
    public func requeueLeftovers() throws -> [Event] {
        var events: [Event] = []
        for name in try entries(of: processing) {
            let target = uniqueDestination(directory, name)
            try makeParent(of: target)
            if rename(processing.appendingPathComponent(name).path, target.path) == 0 {
                events.append(.requeued(file: relativeName(target, in: directory)))
            }
        }
        return events
    }

    /// The project a claimed name belongs to: its folder, if any.
    public static func project(of name: String) -> String? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 ? String(parts[0]) : nil
    }

    /// The names in `dir` and in its project folders (one level), sorted; the inbox's own folders
    /// are not project folders.
    private func entries(of dir: URL) throws -> [String] {
        var names: [String] = []
        for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() {
            var info = stat()
            guard lstat(dir.appendingPathComponent(name).path, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                names.append(name)
                continue
            }
            if dir == directory && ["processing", "done", "quarantine"].contains(name) { continue }
            if name.hasPrefix(".") || MlsocConfig.projectNameProblem(name) != nil { continue }
            let folder = dir.appendingPathComponent(name, isDirectory: true)
            for inner in (try? fm.contentsOfDirectory(atPath: folder.path).sorted()) ?? [] {
                names.append(name + "/" + inner)
            }
        }
        return names
    }

    private func makeParent(of url: URL) throws {
        let parent = url.deletingLastPathComponent()
        if !fm.fileExists(atPath: parent.path) {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
    }

    private func relativeName(_ url: URL, in dir: URL) -> String {
        let base = dir.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent
    }

    /// Files ready to take: regular, not hidden, not `.tmp`/`.part`, size unchanged since the last poll.
    /// With `settle` false (one-shot runs), every candidate is ready at once.
    public func ready(settle: Bool = true) throws -> [String] {
        var ready: [String] = []
        var sizes: [String: Int64] = [:]
        for name in try entries(of: directory) {
            let file = (name as NSString).lastPathComponent
            if file.hasPrefix(".") || file.hasSuffix(".tmp") || file.hasSuffix(".part") { continue }
            var info = stat()
            guard lstat(directory.appendingPathComponent(name).path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { continue }
            let size = Int64(info.st_size)
            sizes[name] = size
            if !settle || type == S_IFLNK || lastSizes[name] == size { ready.append(name) }
        }
        lastSizes = sizes
        return ready
    }

    /// Claims, ingests and files one report. Symlinks are refused: a path from outside the inbox is
    /// never followed.
    public func process(_ name: String, with ingestor: ReportIngestor, now: Int64) -> Event? {
        processBatch([name], with: ingestor, workers: 1, now: { now }).first
    }

    /// Claims every file of `names` (the atomic rename: only one worker or process wins each), then
    /// ingests them with `workers` parsers feeding one writer, and files each in done/ or
    /// quarantine/. Events come back in the order of `names`; files another process claimed first
    /// are left out.
    public func processBatch(
        _ names: [String], with ingestor: ReportIngestor, workers: Int,
        now: @escaping @Sendable () -> Int64, onEvent: ((Event) -> Void)? = nil
    ) -> [Event] {
        var events: [Event] = []
        let inbox = directory.path
        let record = { (event: Event) in
            events.append(event)
            // A quarantined report is a hook event (issue 21), written to the store's outbox.
            if case let .quarantined(file, reason) = event, ingestor.config.hookEvents.contains(.quarantined) {
                try? ingestor.store.enqueueHook(.quarantined, at: now(), payload: ["file": file, "reason": reason, "inbox": inbox])
            }
            onEvent?(event)
        }
        var claimed: [String] = []
        for name in names {
            guard (try? makeParent(of: processing.appendingPathComponent(name))) != nil,
                rename(directory.appendingPathComponent(name).path, processing.appendingPathComponent(name).path) == 0
            else { continue }
            var info = stat()
            if lstat(processing.appendingPathComponent(name).path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                record(fileAway(name, reason: "\(name): refused: a symbolic link (the inbox only takes regular files)"))
                continue
            }
            claimed.append(name)
        }
        let paths = claimed.map { processing.appendingPathComponent($0).path }
        let base = processing.path + "/"
        let name: @Sendable (String) -> String = { path in
            path.hasPrefix(base) ? String(path.dropFirst(base.count)) : (path as NSString).lastPathComponent
        }
        let given = defaultRequest
        ingestor.ingest(
            paths: paths, now: now, workers: workers,
            request: { path in
                var request = given
                if let project = Inbox.project(of: name(path)) { request.project = project }
                return request
            }
        ) { path, result in
            let name = name(path)
            switch result {
            case var .success(report):
                report.file = name
                let target = uniqueDestination(done, name)
                try? makeParent(of: target)
                _ = rename(path, target.path)
                record(.ingested(file: name, report: report))
            case var .failure(error):
                error.file = name
                record(fileAway(name, reason: error.description))
            }
        }
        return events
    }

    private func fileAway(_ name: String, reason: String) -> Event {
        let target = uniqueDestination(quarantine, name)
        try? makeParent(of: target)
        _ = rename(processing.appendingPathComponent(name).path, target.path)
        let note = target.appendingPathExtension("error")
        // The reason names the file, which whoever writes to the inbox chose: `cat NAME.error` on a
        // terminal must not run its escapes.
        try? Data((TextSanitizer.sanitize(reason) + "\n").utf8).write(to: note, options: .atomic)
        return .quarantined(file: relativeName(target, in: quarantine), reason: reason)
    }

    /// `dir/name`, or `dir/name.N` when that exists: nothing in done/ or quarantine/ is overwritten.
    private func uniqueDestination(_ dir: URL, _ name: String) -> URL {
        var candidate = dir.appendingPathComponent(name)
        var counter = 1
        while fm.fileExists(atPath: candidate.path) || (try? fm.destinationOfSymbolicLink(atPath: candidate.path)) != nil {
            candidate = dir.appendingPathComponent("\(name).\(counter)")
            counter += 1
        }
        return candidate
    }
}

extension Inbox {
    /// A quarantined report and why, as its `.error` file says.
    public struct QuarantineEntry: Sendable, Equatable {
        public var name: String
        public var reason: String
        public var modified: Int64
    }

    /// What the inbox holds right now, read from the directories alone (no state, any thread):
    /// reports waiting, and the newest quarantined ones with their reasons.
    public static func listing(directory: URL, quarantineLimit: Int) -> (queued: Int, quarantined: [QuarantineEntry]) {
        let fm = FileManager.default
        // Reports at the top and in project folders (one level), as `ready` takes them.
        var waiting: [String] = []
        for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? [] where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                waiting.append(name)
            } else if !["processing", "done", "quarantine"].contains(name) {
                waiting += ((try? fm.contentsOfDirectory(atPath: directory.appendingPathComponent(name).path)) ?? []).map { name + "/" + $0 }
            }
        }
        waiting = waiting.filter { name in
            let file = (name as NSString).lastPathComponent
            return !file.hasPrefix(".") && !file.hasSuffix(".tmp") && !file.hasSuffix(".part")
        }
        let quarantine = directory.appendingPathComponent("quarantine", isDirectory: true)
        var entries: [QuarantineEntry] = []
        var notes: [String] = []
        for name in (try? fm.contentsOfDirectory(atPath: quarantine.path)) ?? [] {
            if name.hasSuffix(".error") {
                notes.append(name)
            } else if MlsocConfig.projectNameProblem(name) == nil,
                let inner = try? fm.contentsOfDirectory(atPath: quarantine.appendingPathComponent(name).path)
            {
                notes += inner.filter { $0.hasSuffix(".error") }.map { name + "/" + $0 }
            }
        }
        for name in notes {
            let path = quarantine.appendingPathComponent(name).path
            let modified = ((try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            // Only the first line, and only the first 4 KiB: the reason, not whatever else is there.
            let handle = FileHandle(forReadingAtPath: path)
            let head = (try? handle?.read(upToCount: 4096)) ?? nil
            try? handle?.close()
            let reason = head.map { String(decoding: $0, as: UTF8.self) }?.split(separator: "\n").first.map(String.init) ?? "(no reason recorded)"
            entries.append(QuarantineEntry(name: String(name.dropLast(6)), reason: reason, modified: Int64(modified)))
        }
        entries.sort { ($0.modified, $0.name) > ($1.modified, $1.name) }
        return (waiting.count, Array(entries.prefix(quarantineLimit)))
    }
}
