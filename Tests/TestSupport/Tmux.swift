import Foundation

/// A tmux server of its own (private socket) running one program in a pane of a given size.
public final class Tmux {
    public let socket: String
    public let session = "e2e"

    public init(command: String, width: Int, height: Int, environment: [String: String] = [:]) throws {
        socket = "mlsoc-e2e-\(UUID().uuidString.prefix(8))"
        let env = environment.map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        let result = try Shell.run([
            "tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session,
            "-x", String(width), "-y", String(height), "env \(Tmux.unset) \(env) \(command)",
        ])
        guard result.status == 0 else { throw TmuxError(message: "tmux failed to start: \(result.stderr)") }
    }

    deinit {
        _ = try? Shell.run(["tmux", "-L", socket, "kill-server"])
    }

    /// The visible screen as text.
    public func capture() throws -> String {
        try Shell.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", session]).stdout
    }

    /// The visible screen with its SGR escapes (colours and attributes) as tmux holds them.
    public func captureWithEscapes() throws -> String {
        try Shell.run(["tmux", "-L", socket, "capture-pane", "-p", "-e", "-t", session]).stdout
    }

    /// Copies everything the program writes to the terminal from now on into `file` (raw bytes).
    public func pipe(to file: String) throws {
        try Shell.run(["tmux", "-L", socket, "pipe-pane", "-o", "-t", session, "cat >> \(Tmux.quote(file))"])
    }

    public func send(_ keys: String...) throws {
        try Shell.run(["tmux", "-L", socket, "send-keys", "-t", session] + keys)
    }

    public func resize(width: Int, height: Int) throws {
        try Shell.run(["tmux", "-L", socket, "resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen.
    @discardableResult
    public func waitFor(timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !predicate(screen), Date() < deadline {
            usleep(50_000)
            screen = try capture()
        }
        return screen
    }

    /// As `waitFor`, but the screen must hold `predicate` on two captures in a row that are the
    /// same: a capture can tear a frame (a title line redrawn, the old count beside it and the old
    /// rows under it still on the terminal), and a number read from a torn frame is not the
    /// screen's.
    @discardableResult
    public func waitForSteady(timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = ""
        var screen = try capture()
        while !(predicate(screen) && screen == previous), Date() < deadline {
            usleep(50_000)
            previous = screen
            screen = try capture()
        }
        return screen
    }

    /// Variables of the test runner that would change what the console draws (swift test sets
    /// NO_COLOR, for one); a test that wants them passes them in `environment`.
    static let unset = ["NO_COLOR", "MLSOC_THEME", "MLSOC_DB", "COLORTERM"].map { "-u \($0)" }.joined(separator: " ")

    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public static var available: Bool {
        (try? Shell.run(["tmux", "-V"]).status) == 0
    }
}

public struct TmuxError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
