/// What the run loop needs from a terminal. CursesTerminal is the real one; tests use `ScriptedTerminal`.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Paints the buffer, writing only what changed since the last call.
    func present(_ buffer: ScreenBuffer)
    /// Waits up to `timeoutMilliseconds` for input; nil on timeout. A resize arrives as `.resized`.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
    /// Paints with another theme from now on (the next `present` repaints everything).
    func apply(theme: Theme)
    /// Restores the terminal to how it was; safe to call twice.
    func shutdown()
    /// Hands the terminal back to the shell and stops the process (Ctrl-Z in raw mode, where the
    /// tty sends no SIGTSTP); returns after `fg`, and the next `present` repaints everything.
    func suspend()
    /// Puts text on the analyst's clipboard (OSC 52: the terminal they sit at, over ssh and tmux).
    func copy(_ text: String)
    /// Steps aside while `body` runs a program in the terminal (a custom command), then takes the
    /// screen back; the next `present` repaints everything.
    func runOutside(_ body: () -> Void)
}

extension Terminal {
    /// Terminals without job control (tests, headless) ignore it.
    public func suspend() {}
    /// Terminals without a clipboard ignore it.
    public func copy(_ text: String) {}
    /// Terminals that are not a tty just run it.
    public func runOutside(_ body: () -> Void) { body() }
}

/// Input from a terminal.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    case resized(Size)
    /// SIGINT, SIGTERM or SIGHUP arrived: the loop must restore the terminal and stop.
    case signal(Int32)
}
