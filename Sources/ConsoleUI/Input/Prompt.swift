import Findings

/// The one-line editor at the bottom: `/` filters, `:` runs palette commands.
public struct Prompt: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case filter = "/"
        case command = ":"
    }

    public var kind: Kind
    public var text: String
    /// Insertion point, in grapheme clusters (Swift Characters) of `text`: always within 0…text.count.
    public var cursor: Int
    /// The filter's parse error as typed, shown under the text with a caret.
    public var error: FilterError?
    /// Position in the history while browsing it with ↑/↓.
    public var historyIndex: Int?
    /// Candidates shown after Tab when more than one fits.
    public var completions: [String] = []

    /// The longest line the filter and command prompts hold: a pasted novel is cut here (with a
    /// message), and each key stays cheap.
    public static let maxLength = 4_096

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
        cursor = text.count
    }

    /// What a key does to the prompt.
    public enum Outcome: Equatable {
        case editing
        case submit(String)
        case cancel
    }

    /// Replaces the line with `chars` and puts the insertion point after `prefix` of them. Keys
    /// arrive one scalar at a time, so an edit can join characters into one grapheme cluster (`e`
    /// then U+0301, an emoji and its skin tone, two regional indicators, a ZWJ sequence): the
    /// cursor is counted again in the joined text, never left past its end.
    private mutating func set(_ chars: [Character], cursorAfter prefix: Int) {
        let before = String(chars[0..<max(0, min(prefix, chars.count))])
        text = String(chars)
        cursor = min(before.count, text.count)
    }

    /// Edits the line; ↑/↓ walk `history` (oldest first), Tab completes with `complete`.
    public mutating func handle(_ key: Key, history: [String], complete: (String) -> [String]) -> Outcome {
        var chars = Array(text)
        cursor = max(0, min(cursor, chars.count))
        switch key {
        case .enter: return .submit(text)
        case .escape, .control("c"), .control("g"): return .cancel
        case .backspace, .control("h"):
            if cursor > 0 {
                chars.remove(at: cursor - 1)
                cursor -= 1
            } else if chars.isEmpty {
                return .cancel
            }
        case .delete, .control("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(chars.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = chars.count
        case .control("u"):
            chars.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            chars.removeSubrange(cursor..<chars.count)
        case .control("w"):
            var start = cursor
            while start > 0, chars[start - 1] == " " { start -= 1 }
            while start > 0, chars[start - 1] != " " { start -= 1 }
            chars.removeSubrange(start..<cursor)
            cursor = start
        case .up:
            guard !history.isEmpty else { return .editing }
            let index = max(0, (historyIndex ?? history.count) - 1)
            historyIndex = index
            chars = Array(history[index])
            cursor = chars.count
        case .down:
            guard let index = historyIndex else { return .editing }
            if index + 1 < history.count {
                historyIndex = index + 1
                chars = Array(history[index + 1])
            } else {
                historyIndex = nil
                chars = []
            }
            cursor = chars.count
        case .tab:
            let candidates = complete(String(chars[0..<cursor]))
            completions = candidates.count > 1 ? candidates : []
            if let replacement = Self.commonPrefix(candidates), replacement.count >= cursor {
                let tail = Array(chars[cursor...])
                chars = Array(replacement) + tail
                cursor = replacement.count
            }
            set(chars, cursorAfter: cursor)
            return .editing
        case let .character(ch):
            // Past the limit the rest is dropped (the reducer says so).
            guard chars.count < Prompt.maxLength else { return .editing }
            chars.insert(ch, at: cursor)
            cursor += 1
        case let .paste(pasted):
            // One insertion however long the paste: line breaks and tabs become spaces (a line
            // is one line), and past the limit the rest is dropped (the reducer says so).
            let piece = pasted.lazy.map { $0.isNewline || $0 == "\t" ? " " : $0 }.prefix(max(0, Prompt.maxLength - chars.count))
            chars.insert(contentsOf: piece, at: cursor)
            cursor += piece.count
        default:
            return .editing
        }
        completions = []
        set(chars, cursorAfter: cursor)
        return .editing
    }

    static func commonPrefix(_ candidates: [String]) -> String? {
        guard var prefix = candidates.first else { return nil }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
