import Glibc

/// Bracketed paste (xterm mode 2004): the terminal wraps pasted text in `ESC [200~` … `ESC [201~`,
/// so a paste arrives as one event instead of thousands of keys. Terminals without it ignore the
/// mode and send the text as keys (the run loop then gathers them).
enum BracketedPaste {
    /// What follows the ESC that starts a paste, and the whole marker that ends it.
    static let start = Array("[200~".unicodeScalars.map(\.value))
    static let end = Array("\u{1B}[201~".utf8)
    /// The most bytes of one paste kept (the prompt holds 4,096 characters); the rest is read and
    /// dropped, so memory stays bounded whatever is pasted.
    static let limit = 262_144

    static func enable() { send("\u{1B}[?2004h") }
    static func disable() { send("\u{1B}[?2004l") }

    private static func send(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(1, &bytes, bytes.count)
    }

    /// Gathers a paste's bytes, a read at a time, until the end marker.
    struct Reader {
        /// Where the next read lands.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        private var kept: [UInt8] = []
        /// The last bytes seen, held back while they could be the start of the end marker.
        private var carry: [UInt8] = []
        private(set) var ended = false
        /// What came after the end marker in the same read (keys typed right after the paste).
        private(set) var after: [UInt8] = []

        /// Takes the first `count` bytes of `chunk`.
        mutating func add(_ count: Int) {
            let window = carry + chunk[0..<count]
            if let marker = window.firstRange(of: BracketedPaste.end) {
                keep(window[..<marker.lowerBound])
                after = Array(window[marker.upperBound...])
                carry = []
                ended = true
            } else {
                let hold = min(window.count, BracketedPaste.end.count - 1)
                keep(window[..<(window.count - hold)])
                carry = Array(window.suffix(hold))
            }
        }

        private mutating func keep(_ bytes: ArraySlice<UInt8>) {
            kept.append(contentsOf: bytes.prefix(max(0, BracketedPaste.limit - kept.count)))
        }

        /// The text so far (with what was held back, when the end marker never came); invalid
        /// UTF-8 becomes U+FFFD.
        var text: String {
            String(decoding: kept + carry.prefix(max(0, BracketedPaste.limit - kept.count)), as: UTF8.self)
        }
    }
}
