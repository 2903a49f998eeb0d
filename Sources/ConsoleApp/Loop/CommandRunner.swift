import ConsoleUI
import Export
import FindingStore
import Findings
import Foundation

/// Runs a custom command: `/bin/sh -c COMMAND`, the findings as a JSON array on stdin (the flat
/// shape of `mlsoc export --format json`), the first one's facts and every id in `MLSOC_*`
/// variables (sanitised: report text reaches a shell only as data, never as code, when the
/// command quotes its variables), stopped at its timeout.
enum CommandRunner {
    struct Outcome {
        /// nil when stopped at the timeout.
        var status: Int32?
        var output: String
    }

    /// The most output a background command keeps (its tail).
    static let outputLimit = 65_536

    static func run(_ command: CustomCommand, rows: [FindingRow], context: ConsoleContext, capture: Bool) -> Outcome {
        let json = Data(("[" + rows.map { (try? FlatExport.json(ExportRow(finding: $0))) ?? "{}" }.joined(separator: ",") + "]\n").utf8)
        return execute(
            command.command, input: json, environment: environment(rows, context: context), timeoutSeconds: command.timeoutSeconds,
            capture: capture)
    }

    /// `/bin/sh -c SHELL` with `input` on stdin and these variables added; output captured (its
    /// tail) or left on the terminal; stopped (TERM, then KILL) at the timeout.
    static func execute(_ shell: String, input: Data, environment: [String: String], timeoutSeconds: Int, capture: Bool) -> Outcome {
        // A command that does not read its stdin closes the pipe: writing to it then must fail
        // with EPIPE, not kill mlsoc with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", shell]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdin = Pipe()
        process.standardInput = stdin
        let output = Pipe()
        if capture {
            process.standardOutput = output
            process.standardError = output
        }
        let collected = Collected()
        if capture {
            output.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        }
        do {
            try process.run()
        } catch {
            return Outcome(status: 127, output: "cannot run /bin/sh: \(error.localizedDescription)")
        }
        DispatchQueue.global().async {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
        var timedOut = false
        while process.isRunning {
            if Date() >= deadline {
                timedOut = true
                process.terminate()
                let grace = Date().addingTimeInterval(2)
                while process.isRunning, Date() < grace { usleep(20_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        if capture {
            output.fileHandleForReading.readabilityHandler = nil
            collected.append(output.fileHandleForReading.readDataToEndOfFile())
        }
        return Outcome(status: timedOut ? nil : process.terminationStatus, output: collected.text)
    }

    /// `MLSOC_FINDING_IDS` (comma-separated), `MLSOC_COUNT`, the first finding's facts, the store and the actor.
    static func environment(_ rows: [FindingRow], context: ConsoleContext) -> [String: String] {
        func clean(_ text: String) -> String { TextSanitizer.sanitize(text) }
        var variables: [String: String] = [
            "MLSOC_FINDING_IDS": rows.map { String($0.id) }.joined(separator: ","), "MLSOC_COUNT": String(rows.count),
            "MLSOC_ACTOR": clean(context.actor),
        ]
        if let path = context.storePath { variables["MLSOC_STORE"] = clean(path) }
        if let first = rows.first {
            variables["MLSOC_FINDING_ID"] = String(first.id)
            variables["MLSOC_TOOL"] = clean(first.tool)
            variables["MLSOC_RULE"] = clean(first.ruleID)
            variables["MLSOC_SEVERITY"] = first.severity.name
            variables["MLSOC_STATE"] = first.state.key
            variables["MLSOC_TITLE"] = clean(first.title)
            variables["MLSOC_MESSAGE"] = clean(first.message)
            variables["MLSOC_LOCATION"] = clean(first.location?.display ?? "")
            variables["MLSOC_MODEL"] = clean(first.model ?? "")
            variables["MLSOC_TICKET"] = clean(first.ticket ?? "")
            variables["MLSOC_FINGERPRINT"] = first.fingerprint.hex
        }
        return variables
    }

    /// Output gathered from the pipe's handler thread, its tail kept.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func append(_ more: Data) {
            lock.lock()
            data.append(more)
            if data.count > 2 * CommandRunner.outputLimit { data = data.suffix(CommandRunner.outputLimit) }
            lock.unlock()
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data.suffix(CommandRunner.outputLimit), as: UTF8.self)
        }
    }
}
