extension TaxonomyIDs {
    /// One space-separated line of ids, each telling its vocabulary by its prefix; how the store keeps them.
    public var packed: String {
        (atlas + owaspLLM + owaspML + cwe + cve + other).joined(separator: " ")
    }

    /// Reads `packed` back, sorting each id into its vocabulary by prefix.
    public init(packed: String) {
        self.init()
        for id in packed.split(separator: " ").map(String.init) {
            if id.contains(":") {
                other.append(id)
            } else if id.hasPrefix("AML.") {
                atlas.append(id)
            } else if id.hasPrefix("LLM") {
                owaspLLM.append(id)
            } else if id.hasPrefix("ML") {
                owaspML.append(id)
            } else if id.hasPrefix("CWE-") {
                cwe.append(id)
            } else {
                cve.append(id)
            }
        }
    }
}
