import ArgumentParser
import FindingStore
import Findings
import Foundation
import PostgresStore

/// N writer processes × M conflicting triage changes on a handful of findings. Every change reads
/// the version it starts from and writes with it (optimistic locking); a conflict is retried with
/// the fresh version. Afterwards: the changes applied equal the audit events written and the
/// versions gained (no lost update), and no writer ever saw SQLITE_BUSY.
struct Contention: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Concurrent triage writers: lost updates and SQLITE_BUSY.")

    @Option(help: "The store to create (must not exist), or with --existing a store to write into beside its other users.")
    var db: String

    @Flag(help: "Use an existing store (and its first N findings) instead of creating one.")
    var existing = false

    @Option(help: "Run each writer for this many seconds instead of a fixed number of changes.")
    var seconds: Int?

    @OptionGroup var writing: WriterOptions
    var writers: Int { writing.writers }
    var changes: Int { writing.changes }

    @Option(help: "Findings they fight over.")
    var findings = 5

    @Flag(help: "JSON output.")
    var json = false

    func run() throws {
        let store: FindingStore
        if existing {
            store = try BenchStore.open(db)
        } else {
            guard !FileManager.default.fileExists(atPath: db), !PostgresLocation.isURL(db) else {
                throw ValidationError("\(db) exists: give a new path")
            }
            store = try FindingStore(path: db)
            var header = ScanHeader(
                format: "bench", sourcePath: "contention", sha256: Array(repeating: 1, count: 32), ingestedAt: 1_790_000_000,
                actor: "bench")
            header.category = "contention"
            _ = try store.ingest(header) { sink in
                for index in 0..<findings {
                    try sink.add(
                        Finding(
                            fingerprint: Fingerprint(bytes: Array(repeating: UInt8(index + 1), count: 16)), tool: "bench",
                            ruleID: "R\(index)", title: "contention target \(index)", message: "m", severity: .high,
                            threat: .misconfiguration))
                }
            }
        }
        let baseline = try store.contentionCheck(ids: Array(1...Int64(findings)))
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
        let start = Date()
        var processes: [(Process, Pipe)] = []
        for index in 0..<writers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: me)
            process.arguments =
                [
                    "contention-worker", "--db", db, "--changes", String(changes), "--findings", String(findings),
                    "--seed", String(index),
                ] + (seconds.map { ["--seconds", String($0)] } ?? [])
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            processes.append((process, pipe))
        }
        var applied = 0
        var conflicts = 0
        var errors: [String] = []
        for (process, pipe) in processes {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let numbers = output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0.split(separator: "=").last ?? "") }
            if process.terminationStatus != 0 || numbers.count < 2 {
                errors.append("writer exited \(process.terminationStatus): \(output.prefix(300))")
            } else {
                applied += numbers[0]
                conflicts += numbers[1]
            }
            if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("error") }) { errors.append(String(line)) }
        }
        let seconds = Date().timeIntervalSince(start)
        let after = try store.contentionCheck(ids: Array(1...Int64(findings)))
        let check = (events: after.events - baseline.events, versionsGained: after.versionsGained - baseline.versionsGained)
        let lost = applied - check.events
        let report: [String: Any] = [
            "writers": writers, "changesPerWriter": changes, "findings": findings, "applied": applied, "conflictsRetried": conflicts,
            "auditEvents": check.events, "versionsGained": check.versionsGained, "lostUpdates": lost, "busyErrors": errors.count,
            "seconds": (seconds * 100).rounded() / 100, "changesPerSecond": Int(Double(applied) / max(seconds, 0.001)),
            "quickCheck": store.isServer ? "n/a (server)" : try store.quickCheck(),
        ]
        if json {
            let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            for key in report.keys.sorted() { print("\(key): \(report[key] ?? "")") }
            for error in errors.prefix(5) { print("  \(error)") }
        }
        let ok = lost == 0 && check.events == check.versionsGained && errors.isEmpty && (self.seconds != nil || applied == writers * changes)
        if !ok { throw ExitCode(1) }
    }
}

/// How many triage writers, and how many conflicting changes each makes.
struct WriterOptions: ParsableArguments {
    @Option(help: "Triage writer processes.")
    var writers = 8

    @Option(help: "Conflicting triage changes per writer.")
    var changes = 1_000
}

/// One writer of the contention run (started by `contention`).
struct ContentionWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contention-worker", abstract: "One writer of `contention`.",
        shouldDisplay: false)

    @Option var db: String
    @Option var changes: Int
    @Option var findings: Int
    @Option var seed: Int
    @Option var seconds: Int?

    func run() throws {
        let deadline = seconds.map { Date().addingTimeInterval(TimeInterval($0)) }
        let store = try BenchStore.open(db)
        var generator = SplitMix(seed: UInt64(seed) &* 0x9E37_79B9 &+ 1)
        var applied = 0
        var conflicts = 0
        do {
            for change in 0..<(deadline == nil ? changes : Int.max) {
                if let deadline, Date() >= deadline { break }
                let id = Int64(generator.next() % UInt64(findings)) + 1
                // Assign to a new account each time: a real update of the row, recorded as an event.
                let action = TriageAction.assign("w\(seed)-\(change)")
                while true {
                    let version = try store.version(of: id)
                    let result = try store.triage(
                        id, expectedVersion: version, action: action, actor: "writer-\(seed)",
                        now: 1_790_000_000 + Int64(change))
                    if case .applied = result {
                        applied += 1
                        break
                    }
                    guard case .conflict = result else {
                        print("error unexpected \(result)")
                        throw ExitCode(2)
                    }
                    conflicts += 1
                }
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            print("error \(error)")
            print("applied=\(applied) conflicts=\(conflicts)")
            throw ExitCode(3)
        }
        print("applied=\(applied) conflicts=\(conflicts)")
    }
}
