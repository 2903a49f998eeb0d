import Glibc

/// Bracketed paste (xterm mode 2004): the terminal wraps pasted text in `ESC [200~` … `ESC [201~`,
/// so a paste arrives as one event instead of thousands of keys. Terminals without it ignore the
/// mode and send the text as keys (the run loop then gathers them).
enum BracketedPaste {
    /// What follows the ESC that starts a paste, and the whole marker that ends it.
    static let start = Array("[200~".unicodeScalars.map(\.value))
    static let end = Array("\u{1B}[201~".unicodeScalars.map(\.value))
    /// The most characters of one paste kept (the prompt holds 4,096); the rest is read and dropped.
    static let limit = 65_536

    static func enable() { send("\u{1B}[?2004h") }
    static func disable() { send("\u{1B}[?2004l") }

    private static func send(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(1, &bytes, bytes.count)
    }

    /// Gathers a paste's characters until the end marker, keeping at most `limit`.
    struct Collector {
        private var kept = String.UnicodeScalarView()
        private var count = 0
        /// The last characters seen, held back until they cannot be the start of the end marker.
        private var tail: [UInt32] = []
        private(set) var ended = false

        mutating func add(_ code: UInt32) {
            tail.append(code)
            if tail == BracketedPaste.end {
                ended = true
                tail.removeAll()
            } else if tail.count == BracketedPaste.end.count {
                keep(tail.removeFirst())
            }
        }

        private mutating func keep(_ code: UInt32) {
            guard count < BracketedPaste.limit, let scalar = Unicode.Scalar(code) else { return }
            kept.append(scalar)
            count += 1
        }

        /// The text so far (with what is held back, when the end marker never came).
        var text: String {
            var out = kept
            out.append(contentsOf: tail.compactMap(Unicode.Scalar.init).prefix(max(0, BracketedPaste.limit - count)))
            return String(out)
        }
    }
}
