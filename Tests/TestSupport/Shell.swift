import Foundation

/// Runs programs for end-to-end tests and captures what they print.
public enum Shell {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// The child's peak resident set size, in KiB (from wait4).
        public var peakKiB: Int = 0
    }

    /// A program started in the background, to be signalled and waited for.
    public final class Child: @unchecked Sendable {
        public let pid: pid_t
        let directory: URL

        init(pid: pid_t, directory: URL) {
            self.pid = pid
            self.directory = directory
        }

        public func kill(_ signal: Int32 = SIGKILL) {
            _ = Glibc.kill(pid, signal)
        }

        public func wait() -> Result {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            defer { try? FileManager.default.removeItem(at: directory) }
            return Result(
                status: Shell.exitStatus(status),
                stdout: (try? String(contentsOf: directory.appendingPathComponent("out"), encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: directory.appendingPathComponent("err"), encoding: .utf8)) ?? "",
                peakKiB: Int(usage.ru_maxrss))
        }
    }

    /// Starts a program without waiting for it.
    public static func start(_ arguments: [String], environment: [String: String]? = nil) throws -> Child {
        let directory = try TestPaths.temporaryDirectory("mlsoc-child")
        let out = directory.appendingPathComponent("out").path
        let err = directory.appendingPathComponent("err").path
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        return Child(pid: try spawn(arguments, environment: environment, stdout: out, stderr: err), directory: directory)
    }

    static func exitStatus(_ status: Int32) -> Int32 {
        // WIFEXITED / WEXITSTATUS, spelled out (the macros do not import).
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
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
        let pid = try spawn(arguments, environment: environment, stdout: outURL.path, stderr: errURL.path)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return Result(
            status: exitStatus(status),
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
            peakKiB: Int(usage.ru_maxrss))
    }

    /// posix_spawn and wait4: Foundation's Process can miss the child's exit when tests run concurrently.
    private static func spawn(_ arguments: [String], environment: [String: String]?, stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_TRUNC, 0o600)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in env { free(pointer) } }
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
        return pid
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
