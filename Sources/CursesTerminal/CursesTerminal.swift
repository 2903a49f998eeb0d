import CNCurses
import ConsoleUI
import Glibc

/// The real terminal: ncursesw in the calling thread, which then owns curses until `shutdown()`.
public final class CursesTerminal: Terminal {
    /// What the terminal can show, known after start-up.
    public struct Capabilities: Sendable {
        public var colors: Int
        public var utf8: Bool
    }

    public let capabilities: Capabilities
    private var palette: Palette
    /// Used instead of the theme when the terminal shows no colour.
    private let noColorTheme: Theme
    private var previous: ScreenBuffer?
    private var active = true
    private let screen: OpaquePointer
    /// Characters read after an ESC that turned out not to start a paste, served first.
    private var pending: [UInt32] = []

    /// Starts curses. Throws (and leaves the terminal untouched) when stdin/stdout are not a
    /// terminal or TERM is unknown. Colour is off when `color` is false or the terminal has none.
    public init(theme: Theme, noColorTheme: Theme, color: Bool, mouse: Bool = false) throws {
        self.noColorTheme = noColorTheme
        setlocale(LC_ALL, "")
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalError("the console needs a terminal on stdin and stdout (use `mlsoc render` for text output)")
        }
        let utf8 = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().replacingUTF8Aliases() == "UTF-8"
        set_escdelay(25)
        let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
        let text = "`mlsoc report` and `mlsoc findings` print the same as text"
        guard let output = fdopen(1, "w"), let input = fdopen(0, "r"), let screen = newterm(nil, output, input) else {
            throw TerminalError("cannot start the terminal: TERM=\(term) is unknown to terminfo; try TERM=xterm, or \(text)")
        }
        set_term(screen)
        guard cnc_can_address_cursor() == 1 else {
            endwin()
            delscreen(screen)
            throw TerminalError("cannot draw the console: TERM=\(term) cannot move the cursor; try TERM=xterm, or \(text)")
        }
        self.screen = screen
        cnc_install_signal_handlers()
        raw()
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        BracketedPaste.enable()
        curs_set(0)
        leaveok(cnc_stdscr(), true)
        if mouse {
            mousemask(cnc_all_mouse_events(), nil)
        }
        var colors = 0
        if color, has_colors() {
            start_color()
            use_default_colors()
            colors = Int(cnc_colors())
        }
        capabilities = Capabilities(colors: colors, utf8: utf8)
        palette = Palette(theme: colors >= 8 ? theme : noColorTheme, colors: colors)
        palette.allocate()
    }

    public func apply(theme: Theme) {
        guard capabilities.colors >= 8 else { return }
        palette = Palette(theme: theme, colors: capabilities.colors)
        palette.allocate()
        previous = nil
    }

    deinit {
        shutdown()
    }

    public var size: Size {
        var height: Int32 = 0
        var width: Int32 = 0
        cnc_getmaxyx(cnc_stdscr(), &height, &width)
        return Size(width: Int(width), height: Int(height))
    }

    public func present(_ buffer: ScreenBuffer) {
        guard active else { return }
        let old = previous.flatMap { $0.size == buffer.size ? $0 : nil }
        if old == nil { erase() }
        var wide: [wchar_t] = Array(repeating: 0, count: 6)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if let old, old[x, y] == cell { continue }
                fillWide(&wide, cell.text)
                let (attrs, pair) = palette.attributes(cell.role)
                _ = cnc_put_cell(Int32(y), Int32(x), wide, attrs, pair)
            }
        }
        refresh()
        previous = buffer
    }

    /// Up to five scalars of the grapheme, NUL-terminated; ASCII-only when the locale is not UTF-8.
    private func fillWide(_ wide: inout [wchar_t], _ text: String) {
        var count = 0
        for scalar in text.unicodeScalars where count < 5 {
            let value = capabilities.utf8 || scalar.isASCII ? scalar.value : UInt32(UInt8(ascii: "?"))
            wide[count] = wchar_t(bitPattern: value)
            count += 1
            if !capabilities.utf8 { break }
        }
        if count == 0 {
            wide[0] = wchar_t(UInt8(ascii: " "))
            count = 1
        }
        wide[count] = 0
    }

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
        if let signal = pendingSignal() { return .signal(signal) }
        if !pending.isEmpty { return KeyDecoder.character(pending.removeFirst()).map(TerminalEvent.key) }
        wtimeout(cnc_stdscr(), Int32(timeoutMilliseconds))
        var code: UInt32 = 0
        let rc = cnc_get_wch(&code)
        if let signal = pendingSignal() { return .signal(signal) }
        if rc == cnc_err() { return nil }
        if rc == cnc_key_code_yes() {
            if Int32(code) == cnc_key_resize() {
                previous = nil
                return .resized(size)
            }
            if Int32(code) == cnc_key_mouse() {
                // Only with --mouse: the wheel scrolls like the arrows; clicks are ignored.
                switch cnc_mouse_wheel() {
                case -1: return .key(.up)
                case 1: return .key(.down)
                default: return nil
                }
            }
            return KeyDecoder.functionKey(Int32(code)).map(TerminalEvent.key)
        }
        if code == 27, let text = readPaste() { return .key(.paste(text)) }
        return KeyDecoder.character(code).map(TerminalEvent.key)
    }

    /// After an ESC: when `[200~` follows (bracketed paste), the text up to `ESC [201~`, read in
    /// one go however long it is (the first `BracketedPaste.limit` bytes kept). Otherwise nil, and
    /// what was read is served by the next calls.
    private func readPaste() -> String? {
        wtimeout(cnc_stdscr(), 25)
        var seen: [UInt32] = []
        for expected in BracketedPaste.start {
            var code: UInt32 = 0
            let rc = cnc_get_wch(&code)
            guard rc != cnc_err(), rc != cnc_key_code_yes(), code == expected else {
                if rc != cnc_err(), rc != cnc_key_code_yes() { seen.append(code) }
                pending += seen
                return nil
            }
            seen.append(code)
        }
        // The paste itself is read from the descriptor in large reads (curses reads a byte per
        // call); what came after the end marker goes back to curses, to be decoded as keys.
        var reader = BracketedPaste.Reader()
        while !reader.ended {
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            // A terminal sends a paste at once; a pause of a second means its end marker was lost.
            guard poll(&descriptor, 1, 1_000) > 0 else { break }
            let count = reader.chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            reader.add(count)
        }
        for byte in reader.after.reversed() { ungetch(Int32(byte)) }
        return reader.text
    }

    private func pendingSignal() -> Int32? {
        let signal = cnc_pending_signal()
        return signal == 0 ? nil : signal
    }

    public func suspend() {
        guard active else { return }
        curs_set(1)
        BracketedPaste.disable()
        endwin()
        // The default action stops the process; SIGCONT (fg) returns here.
        let previousAction = signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        signal(SIGTSTP, previousAction)
        BracketedPaste.enable()
        curs_set(0)
        refresh()
        previous = nil
    }

    public func runOutside(_ body: () -> Void) {
        guard active else { return body() }
        curs_set(1)
        BracketedPaste.disable()
        endwin()
        body()
        BracketedPaste.enable()
        curs_set(0)
        refresh()
        previous = nil
    }

    /// OSC 52 to the terminal (`ESC ] 52 ; c ; BASE64 BEL`): the text was sanitised and is base64,
    /// so nothing in it can act on the terminal. Written after curses' own output of this frame.
    public func copy(_ text: String) {
        guard active else { return }
        refresh()
        var bytes = Array("\u{1B}]52;c;\(Base64.encode(Array(text.utf8)))\u{07}".utf8)
        _ = write(1, &bytes, bytes.count)
    }

    public func shutdown() {
        guard active else { return }
        active = false
        curs_set(1)
        BracketedPaste.disable()
        endwin()
        delscreen(screen)
    }
}

/// An error starting or using the terminal.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension String {
    /// glibc says "UTF-8"; some systems say "utf8".
    func replacingUTF8Aliases() -> String {
        self == "UTF8" ? "UTF-8" : self
    }
}
