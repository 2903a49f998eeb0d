import Foundation

/// Wall-clock timing, medians and child processes with their peak memory.
enum Measure {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Runs `body` and returns its result and the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let value = try body()
        return (value, now() - start)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median of `runs` timings of `body` after `warmup` untimed runs, in milliseconds. Slow
    /// bodies (the warm-up took over 50 ms) get 5 runs, over 300 ms 3, so `make bench` stays short.
    static func milliseconds(runs: Int, warmup: Int = 1, _ body: () throws -> Void) rethrows -> Double {
        var slowest = 0.0
        for _ in 0..<warmup { slowest = max(slowest, try time(body).1) }
        let runs = slowest > 0.3 ? min(runs, 3) : slowest > 0.05 ? min(runs, 5) : runs
        var samples: [Double] = []
        for _ in 0..<runs {
            let (_, seconds) = try time(body)
            samples.append(seconds * 1000)
        }
        return median(samples)
    }

    /// What a child process did.
    struct Child {
        var status: Int32
        var seconds: Double
        /// Peak resident set size: the child's own VmHWM (see `run`).
        var peakKiB: Int
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion with stdout and stderr captured in files.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Child {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mlsoc-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out").path
        let err = scratch.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let env = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in env { free(pointer) } }
        var pid: pid_t = 0
        let start = now()
        let code = posix_spawnp(&pid, program, &actions, nil, argv, env)
        guard code == 0 else { throw BenchError("cannot run \(program): \(String(cString: strerror(code)))") }
        // The peak is the child's own VmHWM, polled every 5 ms until it exits. Not wait4's
        // ru_maxrss: on Linux that keeps the high-water mark of the address space the child
        // replaced at exec, and posix_spawn's child starts in this process's, so a child spawned
        // by a 277 MiB bench reported 277 MiB whatever it used itself.
        var status: Int32 = 0
        var usage = rusage()
        var peak = 0
        while true {
            peak = max(peak, highWaterKiB(pid))
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { throw BenchError("waiting for \(program): \(String(cString: strerror(errno)))") }
            usleep(5_000)
        }
        let seconds = now() - start
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Child(
            status: exit, seconds: seconds, peakKiB: peak > 0 ? peak : Int(usage.ru_maxrss),
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// A running process's peak resident set (`VmHWM` in /proc/PID/status), in KiB; 0 when gone.
    static func highWaterKiB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// Asks the kernel to drop a file's cached pages (no root needed), for cold-cache timings.
    static func evictFromPageCache(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        fdatasync(fd)
        posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
        close(fd)
    }

    /// A file's size in bytes (0 when missing).
    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Copies a store file (after a checkpoint it is the whole store), then flushes it to disk:
    /// otherwise the kernel writes back hundreds of MiB of copy while the next measurement runs.
    static func copyStore(_ from: String, to: String) throws {
        removeStore(to)
        try FileManager.default.copyItem(atPath: from, toPath: to)
        sync()
    }

    static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
