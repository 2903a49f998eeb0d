import GRDB

/// A stable 64-bit hash of a text (FNV-1a over its UTF-8 bytes), to find a message again without
/// indexing the text itself. Equal hashes are then compared by text, so a collision costs a second
/// row, never a wrong message. Swift's `Hasher` is seeded per process, so it cannot serve.
enum TextHash {
    static func hash(_ text: String) -> Int64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: value)
    }

    /// `mlsoc_text_hash(text)`, for migrations.
    static let sqlFunction = DatabaseFunction("mlsoc_text_hash", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return hash(text)
    }
}
