import Foundation

/// Runs programs for end-to-end tests and captures what they print.
public enum Shell {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `arguments[0]` (looked up on PATH when it has no slash) and waits for it.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        // Output goes to files, not pipes: a daemon the command starts (a tmux server) would hold a
        // pipe open and a read to its end would never finish.
        let directory = try TestPaths.temporaryDirectory("mlsoc-shell")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("out")
        let errURL = directory.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let status = try spawnAndWait(arguments, environment: environment, stdout: outURL.path, stderr: errURL.path)
        return Result(status: status,
                      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// posix_spawn + waitpid: Foundation's Process can miss the child's exit when tests run concurrently.
    private static func spawnAndWait(_ arguments: [String], environment: [String: String]?, stdout: String, stderr: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_TRUNC, 0o600)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        // Children start with no blocked signals and default handlers: test threads block signals,
        // and a tmux server started from one would pass the mask to the console under test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, env)
        guard rc == 0 else { throw TmuxError(message: "cannot run \(arguments.first ?? ""): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out (the macros do not import).
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }

    /// The built `mlsoc` binary (`swift build` puts it in .build/debug).
    public static var benchBinary: String? {
        let path = TestPaths.packageRoot.appendingPathComponent(".build/debug/mlsoc-bench").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    public static var mlsocBinary: String? {
        let path = TestPaths.packageRoot.appendingPathComponent(".build/debug/mlsoc").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
