/// One finding as a parser produces it, before the store gives it an id and a triage state.
public struct Finding: Sendable, Equatable {
    public var fingerprint: Fingerprint
    public var tool: String
    public var ruleID: String
    public var title: String
    public var message: String
    public var severity: Severity
    /// A tool score in 0…10 when the tool gives one (SARIF security-severity, CVSS).
    public var score: Double?
    /// Share of attacks that succeeded (0…1), for red-team tools (garak, promptfoo): it scales the
    /// finding's weight in its model's risk score. Nil counts fully.
    public var attackSuccessRate: Double?
    public var threat: Threat
    public var taxonomy: TaxonomyIDs
    public var model: String?
    public var artifact: String?
    public var location: Location?
    /// Snippet, tool properties and the like: kept beside the hot row.
    public var evidence: String?
    /// The matrix row: every threat belongs to one target.
    public var target: Target { threat.target }
    /// True when the tool reports the finding as suppressed (accepted suppression).
    public var suppressed: Bool
    /// Which mapping rule put the finding in its cell, and why (or why none did).
    public var mappingWhy: String?
    /// What the tool said that the mapping read (CWE, tags, threat metadata), as compact JSON:
    /// kept per rule so `mlsoc mapping unmapped` can show what an unclassified rule carried.
    public var mappingInputs: String?
    /// True when the tool asks a human to decide (SARIF `kind` review or open): a new finding
    /// starts in triage.
    public var needsReview = false
    /// The other places the same result occurs (SARIF `locations[1...]`): kept with the finding,
    /// matched by `path:` and `model:`, written back by exports. The first location is `location`
    /// and alone makes the fingerprint, so a list that changes does not make a new finding.
    public var otherLocations: [OtherLocation] = []

    public init(
        fingerprint: Fingerprint, tool: String, ruleID: String, title: String, message: String,
        severity: Severity, score: Double? = nil, threat: Threat,
        taxonomy: TaxonomyIDs = TaxonomyIDs(), model: String? = nil, artifact: String? = nil,
        location: Location? = nil, evidence: String? = nil, suppressed: Bool = false, mappingWhy: String? = nil,
        attackSuccessRate: Double? = nil
    ) {
        self.attackSuccessRate = attackSuccessRate
        self.fingerprint = fingerprint
        self.tool = tool
        self.ruleID = ruleID
        self.title = title
        self.message = message
        self.severity = severity
        self.score = score
        self.threat = threat
        self.taxonomy = taxonomy
        self.model = model
        self.artifact = artifact
        self.location = location
        self.evidence = evidence
        self.suppressed = suppressed
        self.mappingWhy = mappingWhy
    }
}

extension Finding {
    /// The finding with every U+0000 in its texts written as the sanitiser's visible `\x00`.
    /// SQLite's C strings (and GRDB's text binding) end at a NUL: stored as is, a message would lose
    /// the rest and rule ids that differ after the NUL would be one rule. The fingerprint, made
    /// before, still tells them apart.
    public func visibleNUL() -> Finding {
        func fix(_ text: String) -> String { TextSanitizer.visibleNUL(text) }
        var copy = self
        copy.tool = fix(tool)
        copy.ruleID = fix(ruleID)
        copy.title = fix(title)
        copy.message = fix(message)
        copy.model = model.map(fix)
        copy.artifact = artifact.map(fix)
        copy.location?.path = fix(location?.path ?? "")
        copy.evidence = evidence.map(fix)
        copy.mappingWhy = mappingWhy.map(fix)
        copy.mappingInputs = mappingInputs.map(fix)
        return copy
    }
}
