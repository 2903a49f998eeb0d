import Findings
import Foundation
import JSONStream

/// The public ids that name a threat on their own — MITRE ATLAS techniques, OWASP Top 10 for LLM
/// Applications 2025, OWASP Machine Learning Security Top 10 — and the matrix cell each stands for,
/// from `vocabulary` in the mapping file (TAXONOMY.md's table read the other way round). Also reads
/// a matrix cell written by name (`Data poisoning`, `data-poisoning`, `Data / data poisoning`).
public struct ThreatVocabulary: Sendable {
    /// As the mapping file writes it.
    struct Tables: Codable, Sendable {
        var atlas: [String: String]
        var owaspLLM: [String: String]
        var owaspML: [String: String]
    }

    let atlas: [String: Threat]
    let owaspLLM: [String: Threat]
    let owaspML: [String: Threat]

    init(atlas: [String: Threat] = [:], owaspLLM: [String: Threat] = [:], owaspML: [String: Threat] = [:]) {
        self.atlas = atlas
        self.owaspLLM = owaspLLM
        self.owaspML = owaspML
    }

    init(_ tables: Tables, source: String) throws {
        func read(_ table: [String: String], _ name: String) throws -> [String: Threat] {
            try table.reduce(into: [:]) { result, entry in
                guard let threat = Threat(key: entry.value), threat != .unclassified else {
                    throw IngestError(.malformed, file: source, "vocabulary.\(name).\(entry.key): unknown threat '\(entry.value)'")
                }
                result[entry.key.uppercased()] = threat
            }
        }
        atlas = try read(tables.atlas, "atlas")
        owaspLLM = try read(tables.owaspLLM, "owaspLLM")
        owaspML = try read(tables.owaspML, "owaspML")
    }

    /// What one id says, with the id as it was understood.
    struct Reading: Equatable {
        var threat: Threat
        var id: String
        var taxonomy: TaxonomyIDs
    }

    /// The cell a piece of text names: a cell by key or name first, then an ATLAS technique (the
    /// most specific listed: AML.T0010.002 before AML.T0010), then an OWASP LLM id (2023 ids are
    /// renumbered to 2025), then an OWASP ML id.
    func reading(_ text: String) -> Reading? {
        if let threat = Self.cell(named: text) {
            return Reading(threat: threat, id: threat.key, taxonomy: TaxonomyIDs())
        }
        if let id = Self.atlasID(in: text) {
            var candidate = id
            while true {
                if let threat = atlas[candidate] {
                    return Reading(threat: threat, id: id, taxonomy: TaxonomyIDs(atlas: [id]))
                }
                guard let dot = candidate.lastIndex(of: "."), candidate[..<dot].contains(".") else { break }
                candidate = String(candidate[..<dot])
            }
        }
        if let id = OWASPLLM.ids(fromText: [text]).first, let threat = owaspLLM[id] {
            return Reading(threat: threat, id: id, taxonomy: TaxonomyIDs(owaspLLM: [id]))
        }
        if let id = Self.owaspMLID(in: text), let threat = owaspML[id] {
            return Reading(threat: threat, id: id, taxonomy: TaxonomyIDs(owaspML: [id]))
        }
        return nil
    }

    /// A matrix cell written by key or name, in any case, with `-`, `_` or spaces, optionally after
    /// its target (`Data / data poisoning`, `data:data-poisoning`).
    static func cell(named text: String) -> Threat? {
        func normal(_ s: Substring) -> String {
            String(s.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        }
        var name = Substring(text)
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == ":" }) { name = name[name.index(after: slash)...] }
        let wanted = normal(name)
        guard !wanted.isEmpty else { return nil }
        return Threat.allCases.first { $0 != .unclassified && ($0.key == wanted || normal(Substring($0.name)) == wanted) }
            ?? (wanted == "data-loss-or-compromise" ? .dataLoss : nil)
    }

    /// "AML.T0051.001" in any text (`mitre-atlas: AML.T0051.001 LLM Prompt Injection: Indirect`).
    static func atlasID(in text: String) -> String? {
        let upper = Array(text.uppercased().utf8)
        let prefix = Array("AML.T".utf8)
        var index = 0
        while index + prefix.count + 4 <= upper.count {
            if upper[index..<(index + prefix.count)].elementsEqual(prefix) {
                var end = index + prefix.count
                let digits = upper[end...].prefix { $0 >= 48 && $0 <= 57 }
                guard digits.count == 4 else {
                    index += 1
                    continue
                }
                end += 4
                if end + 4 <= upper.count, upper[end] == UInt8(ascii: "."),
                    upper[(end + 1)..<(end + 4)].allSatisfy({ $0 >= 48 && $0 <= 57 })
                {
                    end += 4
                }
                return String(decoding: upper[index..<end], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// "ML06" as a word of its own ("ML06:2023 AI Supply Chain Attacks"), never inside "HTML01".
    static func owaspMLID(in text: String) -> String? {
        let upper = Array(text.uppercased().utf8)
        var index = 0
        while index + 4 <= upper.count {
            let startsWord = index == 0 || !(upper[index - 1].isLetterOrDigit)
            if startsWord, upper[index] == UInt8(ascii: "M"), upper[index + 1] == UInt8(ascii: "L"),
                upper[index + 2].isDigit, upper[index + 3].isDigit,
                index + 4 == upper.count || !upper[index + 4].isLetterOrDigit
            {
                return String(decoding: upper[index..<(index + 4)], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= 48 && self <= 57 }
    fileprivate var isLetterOrDigit: Bool { isDigit || (self >= 65 && self <= 90) || (self >= 97 && self <= 122) }
}
