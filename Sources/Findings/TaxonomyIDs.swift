/// Public taxonomy ids a finding carries: the tool's own, verbatim, and the ones our mapping adds.
public struct TaxonomyIDs: Sendable, Equatable, Codable {
    public var atlas: [String]
    public var owaspLLM: [String]
    public var owaspML: [String]
    public var cwe: [String]
    public var cve: [String]
    /// Tool vocabularies kept verbatim with their version (`owasp-llm-2023:LLM01`, `avid-effect:security:S0403`).
    public var other: [String]

    public init(
        atlas: [String] = [], owaspLLM: [String] = [], owaspML: [String] = [], cwe: [String] = [], cve: [String] = [],
        other: [String] = []
    ) {
        self.atlas = atlas
        self.owaspLLM = owaspLLM
        self.owaspML = owaspML
        self.cwe = cwe
        self.cve = cve
        self.other = other
    }

    public var isEmpty: Bool { atlas.isEmpty && owaspLLM.isEmpty && owaspML.isEmpty && cwe.isEmpty && cve.isEmpty && other.isEmpty }

    /// Adds ids not already present, keeping order.
    public mutating func merge(_ other: TaxonomyIDs) {
        func union(_ a: inout [String], _ b: [String]) {
            for id in b where !a.contains(id) { a.append(id) }
        }
        union(&atlas, other.atlas)
        union(&owaspLLM, other.owaspLLM)
        union(&owaspML, other.owaspML)
        union(&cwe, other.cwe)
        union(&cve, other.cve)
        union(&self.other, other.other)
    }
}
