import Foundation

/// A terminal that plays a script instead of reading a keyboard, and keeps every frame it was
/// given: the run loop under test without tmux (type-ahead, kiosk rotation, theme changes, a store
/// replaced under a running dashboard). Used from the thread that runs the loop.
public final class ScriptedTerminal: Terminal {
    /// One step of the script, taken in order.
    public enum Step {
        case key(Key)
        /// Every character of the text, as keys.
        case type(String)
        case resize(Size)
        /// Lets the loop run this long (reads land, polls run, views rotate).
        case pause(Duration)
        /// Lets the loop run until the screen shows `text`, at most `timeout` (a miss is recorded
        /// in `misses`, and the script goes on).
        case waitFor(String, timeout: Duration = .seconds(5))
        /// Runs code between two steps (replace the store file, commit from elsewhere).
        case run(@Sendable () -> Void)
    }

    public private(set) var size: Size
    /// Every frame presented, oldest first.
    public private(set) var frames: [ScreenBuffer] = []
    /// The themes applied, by name, in order.
    public private(set) var themes: [String] = []
    /// What `y` copied, in order.
    public private(set) var copies: [String] = []
    /// The `waitFor` texts that never showed.
    public private(set) var misses: [String] = []
    private var steps: [Step]
    private var deadline: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    public init(size: Size, script: [Step]) {
        self.size = size
        steps = script.flatMap { step -> [Step] in
            if case let .type(text) = step { return text.map { Step.key(.character($0)) } }
            return [step]
        }
    }

    /// The last frame as text, one line per row.
    public var screen: String { frames.last?.plainText ?? "" }

    public func copy(_ text: String) {
        copies.append(text)
    }

    public func present(_ buffer: ScreenBuffer) {
        frames.append(buffer)
    }

    /// The next step's event. When the script is done the loop is stopped as by SIGTERM, so a test
    /// whose script does not quit still ends.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        guard let step = steps.first else { return .signal(SIGTERM) }
        switch step {
        case let .key(key):
            steps.removeFirst()
            return .key(key)
        case .type:
            steps.removeFirst()
            return nil
        case let .resize(new):
            steps.removeFirst()
            size = new
            return .resized(new)
        case let .run(body):
            steps.removeFirst()
            body()
            return nil
        case let .pause(duration):
            return wait(until: duration, timeoutMilliseconds) { false }
        case let .waitFor(text, timeout):
            return wait(until: timeout, timeoutMilliseconds) { self.screen.contains(text) }
        }
    }

    /// Sleeps a slice of the loop's timeout; the step ends when `done` holds or its time is up.
    private func wait(until duration: Duration, _ timeoutMilliseconds: Int, done: () -> Bool) -> TerminalEvent? {
        let end = deadline ?? clock.now + duration
        deadline = end
        if done() {
            finishStep()
            return nil
        }
        if clock.now >= end {
            if case let .waitFor(text, _) = steps.first { misses.append(text) }
            finishStep()
            return nil
        }
        let slice = min(Duration.milliseconds(max(1, timeoutMilliseconds)), end - clock.now)
        Thread.sleep(forTimeInterval: Double(slice.components.seconds) + Double(slice.components.attoseconds) / 1e18)
        return nil
    }

    private func finishStep() {
        steps.removeFirst()
        deadline = nil
    }

    public func apply(theme: Theme) {
        themes.append(theme.name)
    }

    public func shutdown() {}
}
