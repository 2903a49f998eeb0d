/// The rules of one SARIF run, packed into one byte arena: a log may declare a million rules (a
/// full CodeQL or Semgrep registry), and a struct of strings and arrays per rule, with a
/// dictionary of them by id, took ~350 bytes a rule (458 MiB peak for 1M rules, against 256).
/// Here a rule costs its UTF-8 bytes with length prefixes, 8 bytes of offset and ~16 of id hash.
struct SARIFRuleTable {
    private var arena: [UInt8] = []
    private var offsets: [Int] = []
    /// First rule with an id of this hash; ids that collide with a different id go to `collided`.
    private var byHash: [UInt64: Int32] = [:]
    private var collided: [String: Int32] = [:]
    /// Titles beyond this are cut: they name a rule, the finding's message says the rest.
    static let titleLimit = 512

    var count: Int { offsets.count }

    mutating func append(_ rule: SARIFRule) {
        let index = Int32(truncatingIfNeeded: offsets.count)
        offsets.append(arena.count)
        write(rule.id)
        write(String(rule.title.prefix(Self.titleLimit)))
        write(rule.defaultLevel ?? "")
        write(rule.securitySeverity ?? "")
        writeList(rule.tags)
        writeList(rule.cwe)
        writeList(rule.stated)
        writeList(rule.other)
        let hash = Self.hash(rule.id)
        if let first = byHash[hash] {
            if !idEquals(Int(first), rule.id), collided[rule.id] == nil { collided[rule.id] = index }
        } else {
            byHash[hash] = index
        }
    }

    subscript(index: Int) -> SARIFRule {
        var position = offsets[index]
        func read() -> String {
            let length = readLength(&position)
            defer { position += length }
            return String(decoding: arena[position..<(position + length)], as: UTF8.self)
        }
        func readList() -> [String] {
            let count = readLength(&position)
            return (0..<count).map { _ in read() }
        }
        let id = read()
        let title = read()
        let level = read()
        let severity = read()
        return SARIFRule(
            id: id, title: title, defaultLevel: level.isEmpty ? nil : level, securitySeverity: severity.isEmpty ? nil : severity,
            tags: readList(), cwe: readList(), stated: readList(), other: readList())
    }

    /// The index of the first rule with this id.
    func index(of id: String) -> Int? {
        guard let first = byHash[Self.hash(id)] else { return nil }
        if idEquals(Int(first), id) { return Int(first) }
        return collided[id].map(Int.init)
    }

    /// Whether rule `index` has this id, reading only its first field.
    private func idEquals(_ index: Int, _ id: String) -> Bool {
        var position = offsets[index]
        let length = readLength(&position)
        return id.utf8.elementsEqual(arena[position..<(position + length)])
    }

    private mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            writeLength(bytes.count)
            arena.append(contentsOf: bytes)
        }
    }

    private mutating func writeList(_ list: [String]) {
        writeLength(list.count)
        for item in list { write(item) }
    }

    /// LEB128 lengths: one byte for nearly every field.
    private mutating func writeLength(_ value: Int) {
        var value = UInt(value)
        while value >= 0x80 {
            arena.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        arena.append(UInt8(value))
    }

    private func readLength(_ position: inout Int) -> Int {
        var value = 0
        var shift = 0
        while true {
            let byte = arena[position]
            position += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// FNV-1a over the id's UTF-8.
    static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01B3
        }
        return hash
    }
}
