import ConsoleUI
import Foundation

/// What the console remembers between sessions: per store, the project it was scoped to and the
/// view it was on; for every store, the filter and command histories (the last 100 lines each). Kept in
/// `$XDG_STATE_HOME/mlsoc/console.json` (default `~/.local/state/mlsoc/console.json`), owner-only.
/// A missing or broken file is an empty memory: remembering is a convenience, never a reason to fail.
public struct ConsoleMemory: Sendable {
    public let path: String

    public init(environment: [String: String]) {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? ".") + "/.local/state"
        path = base + "/mlsoc/console.json"
    }

    private struct File: Codable {
        var projects: [String: String] = [:]
        var views: [String: String]? = [:]
        var filterHistory: [String]? = []
        var commandHistory: [String]? = []
        /// Saved views (`:view save`), for every store.
        var savedViews: [SavedView]? = []
    }

    /// What a session leaves behind for the next one.
    public struct Session: Sendable, Equatable {
        public var project: String?
        public var view: String?
        public var filterHistory: [String]
        public var commandHistory: [String]
        /// The named views: config.yaml's first, then the saved ones (`:view save`).
        public var savedViews: [SavedView]

        public init(
            project: String? = nil, view: String? = nil, filterHistory: [String] = [], commandHistory: [String] = [],
            savedViews: [SavedView] = []
        ) {
            self.project = project
            self.view = view
            self.filterHistory = filterHistory
            self.commandHistory = commandHistory
            self.savedViews = savedViews
        }
    }

    /// What the last session on this store left: its project and view, and the histories.
    public func session(forStore storePath: String) -> Session {
        let file = read()
        let key = Self.key(storePath)
        return Session(
            project: file.projects[key], view: file.views?[key], filterHistory: file.filterHistory ?? [],
            commandHistory: file.commandHistory ?? [], savedViews: (file.savedViews ?? []).filter { SavedView.validName($0.name) })
    }

    /// Remembers a session: its project and view for the store, the histories for all; errors are ignored.
    public func remember(_ session: Session, forStore storePath: String) {
        var file = read()
        let key = Self.key(storePath)
        file.projects[key] = session.project
        var views = file.views ?? [:]
        views[key] = session.view
        file.views = views
        file.filterHistory = Array(session.filterHistory.suffix(100))
        file.commandHistory = Array(session.commandHistory.suffix(100))
        write(file)
    }

    /// Keeps the saved views (config.yaml's are not written); errors are ignored.
    public func rememberViews(_ views: [SavedView]) {
        var file = read()
        file.savedViews = views.filter { !$0.fromConfig }
        write(file)
    }

    private func read() -> File {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20,
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return File() }
        return file
    }

    private func write(_ file: File) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard let data = try? JSONEncoder().encode(file) else { return }
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        _ = rename(temporary, path)
    }

    private static func key(_ storePath: String) -> String {
        URL(fileURLWithPath: storePath).standardizedFileURL.path
    }
}
