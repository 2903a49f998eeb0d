/// A finding's stable identity across scans: 16 bytes derived from what the tool says the finding
/// is (never from line numbers or timestamps when the tool offers better).
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Lower-case hex, as printed and exported.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// Parses hex as printed by `hex`; nil when the text is not an even run of hex digits.
    public init?(hex: String) {
        let chars = Array(hex.utf8)
        guard !chars.isEmpty, chars.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let high = Fingerprint.nibble(chars[index]), let low = Fingerprint.nibble(chars[index + 1]) else {
                return nil
            }
            out.append(high << 4 | low)
            index += 2
        }
        bytes = out
    }

    /// The identity of the n-th repeat of this finding inside one report (n ≥ 1): deterministic, so
    /// the same repeats keep the same identities run after run.
    public func occurrence(_ n: Int) -> Fingerprint {
        // Two FNV-1a 64 passes with different seeds make 16 well-mixed bytes.
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in bytes + Array("#\(n)".utf8) {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
        let a = fnv(0xCBF2_9CE4_8422_2325)
        let b = fnv(0x8422_2325_CBF2_9CE4)
        let out = (0..<8).map { UInt8(truncatingIfNeeded: a >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> (8 * $0)) }
        return Fingerprint(bytes: out)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The parts a fingerprint is made of, joined unambiguously before hashing (the hash lives in Ingest).
public struct FingerprintKey: Sendable, Equatable {
    public var parts: [String]

    public init(_ parts: [String]) {
        self.parts = parts
    }

    /// Each part is length-prefixed so that ("ab", "c") and ("a", "bc") never collide.
    public var canonical: [UInt8] {
        var out = [UInt8]()
        for part in parts {
            let utf8 = Array(part.utf8)
            out.append(contentsOf: Array(String(utf8.count).utf8))
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: utf8)
            out.append(0x1F)
        }
        return out
    }
}
