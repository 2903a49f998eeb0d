import Config
import FindingStore
import Findings
import Foundation

/// Delivers hook events from the store's outbox (issue 21): each hook's events past its cursor, a
/// batch per run of its command (a JSON array on stdin), the cursor moved only after the command
/// succeeded. A failure is kept with the hook and tried again after a back-off; a write never
/// waits for a hook and is never undone by one. Killed between the commit and the delivery, the
/// next run delivers again: at least once.
public enum HookDelivery {
    public struct Result: Sendable, Equatable {
        public var hook: String
        public var delivered: Int
        /// Why the last run failed (the hook waits for its back-off), if it did.
        public var error: String?
        /// True when the hook was skipped: its back-off has not run out.
        public var waiting: Bool
    }

    /// Seconds to wait after the n-th failure in a row: 5 s doubling, at most an hour.
    public static func backoff(attempts: Int) -> Int64 {
        min(3_600, 5 << min(attempts, 20))
    }

    /// One pass over every hook: the time-based events noted first, then up to `maxBatches`
    /// batches per hook while its command succeeds.
    @discardableResult
    public static func deliver(
        store: FindingStore, hooks: [MlsocConfig.Hook], now: Int64, warningDays: Int, maxBatches: Int = 10, force: Bool = false
    ) -> [Result] {
        guard !hooks.isEmpty else { return [] }
        let wanted = hooks.reduce(into: Set<HookEvent>()) { $0.formUnion($1.events) }
        _ = try? store.noteHookDeadlines(now: now, events: wanted, warningDays: warningDays)
        return hooks.map { hook in
            var result = Result(hook: hook.name, delivered: 0, error: nil, waiting: false)
            guard var cursor = try? store.hookCursor(hook.name) else {
                result.error = "cannot read the hook's cursor"
                return result
            }
            if !force, cursor.nextAttempt > now {
                result.waiting = true
                result.error = cursor.lastError
                return result
            }
            for _ in 0..<maxBatches {
                guard let events = try? store.hookEvents(after: cursor.lastEventId, kinds: hook.events, limit: hook.batch ?? 100),
                    let last = events.last
                else { break }
                let outcome = run(hook, events: events.map(\.payload), store: store)
                if outcome.status == 0 {
                    try? store.recordHookDelivery(hook.name, delivered: last.id, error: nil, nextAttempt: 0)
                    cursor.lastEventId = last.id
                    result.delivered += events.count
                    continue
                }
                let why = outcome.status.map { "exit \($0)" } ?? "stopped after \(hook.timeout ?? 30) s"
                let tail = outcome.output.split(separator: "\n").last.map { ": " + TextSanitizer.sanitize(String($0.prefix(200))) } ?? ""
                result.error = why + tail
                try? store.recordHookDelivery(
                    hook.name, delivered: nil, error: result.error, nextAttempt: now + backoff(attempts: cursor.attempts))
                break
            }
            return result
        }
    }

    /// Runs a hook's command once with these events (JSON objects) as an array on stdin.
    public static func run(_ hook: MlsocConfig.Hook, events: [String], store: FindingStore?) -> (status: Int32?, output: String) {
        let input = Data(("[" + events.joined(separator: ",") + "]\n").utf8)
        var environment = ["MLSOC_HOOK": hook.name, "MLSOC_EVENT_COUNT": String(events.count)]
        if let store { environment["MLSOC_STORE"] = store.path }
        let outcome = CommandRunner.execute(hook.command, input: input, environment: environment, timeoutSeconds: hook.timeout ?? 30, capture: true)
        return (outcome.status, outcome.output)
    }

    /// What `mlsoc hooks test` sends: one event of the hook's first kind, about a made-up finding.
    public static func sampleEvent(for hook: MlsocConfig.Hook, now: Int64) -> String {
        let kind = hook.events.sorted { $0.rawValue < $1.rawValue }.first ?? .newCritical
        let object: [String: Any] = [
            "event": kind.rawValue, "at": now, "test": true,
            "finding": [
                "id": 0, "severity": "critical", "state": "new", "tool": "mlsoc", "rule": "hooks-test", "title": "A test event from mlsoc hooks test",
                "threat": "malware-distribution", "location": "models/example.pkl",
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
