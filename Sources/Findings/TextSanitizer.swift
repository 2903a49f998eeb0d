/// Makes untrusted text (anything from a report) safe to put in a terminal cell.
///
/// Every character that could move the cursor, change modes, reorder text or hide itself is replaced
/// by a visible escape: C0 controls (`\n`, `\r`, `\t`, `\b` by name, the rest as `\xHH`), DEL, C1
/// controls, bidi controls, zero-width and other format characters, line/paragraph separators,
/// surrogates and unassigned code points (as `\u{XXXX}`). Printable text passes unchanged.
public enum TextSanitizer {
    /// Returns `text` with every unsafe scalar replaced by its visible escape.
    public static func sanitize(_ text: String) -> String {
        // Fast path: nothing to do for plain printable ASCII, the common case.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let escape = escape(for: scalar) {
                out.append(contentsOf: escape.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when the scalar must not reach the terminal as is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        escape(for: scalar) != nil
    }

    /// The visible escape for an unsafe scalar, nil for a safe one.
    public static func escape(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x08: return "\\b"
        case 0x00..<0x20, 0x7F: return "\\x" + hex(value, digits: 2)
        case 0x20..<0x7F: return nil
        case 0x80..<0xA0: return unicodeEscape(value)
        default: break
        }
        if isBidiControl(value) { return unicodeEscape(value) }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return unicodeEscape(value)
        default:
            return nil
        }
    }

    /// U+061C, U+200E–200F, U+202A–202E, U+2066–2069: the controls that reorder displayed text.
    public static func isBidiControl(_ value: UInt32) -> Bool {
        value == 0x061C || (0x200E...0x200F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        "\\u{" + hex(value, digits: 4) + "}"
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

extension TextSanitizer {
    /// JSON text with every scalar the sanitiser would escape written as `\uXXXX` (C0, DEL, C1,
    /// bidi and format characters): still the same JSON value, but no byte of it moves a terminal's
    /// cursor, sets its title or clipboard, or reorders text. Outside strings JSON is plain ASCII,
    /// so escaping every such scalar anywhere in the text is correct.
    public static func escapingUnsafeForJSON(_ json: String) -> String {
        if json.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A }) { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard scalar.value != 0x0A, isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            let units = Array(String(scalar).utf16)
            for unit in units { out.append(contentsOf: ("\\u" + hex(UInt32(unit), digits: 4)).unicodeScalars) }
        }
        return String(out)
    }

    /// Text for a terminal that keeps its line structure: each line sanitised, line breaks kept
    /// (a CR before a LF dropped). For tables, CSV and JSON printed to a tty.
    public static func sanitizingLines(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A }) { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            sanitize(line.hasSuffix("\r") ? String(line.dropLast()) : String(line))
        }.joined(separator: "\n")
    }
}

extension TextSanitizer {
    /// `text` with U+0000 written as `\x00`, the sanitiser's own escape for it (see `Finding.visibleNUL`).
    public static func visibleNUL(_ text: String) -> String {
        // Per field of every finding on the ingest path: the contiguous bytes when there are some.
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? text.utf8.contains(0)
        guard hasNUL else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 { out.append(contentsOf: "\\x00".unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
