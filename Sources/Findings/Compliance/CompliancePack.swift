/// A framework pack: the controls of one framework (OWASP LLM Top 10, MITRE ATLAS, NIST AI RMF,
/// EU AI Act, ISO/IEC 42001 Annex A), what evidences each, and where each applies. Packs are data
/// (YAML, `Config/Resources/packs/`, user packs in `$XDG_CONFIG_HOME/mlsoc/packs/`).
public struct CompliancePack: Sendable, Equatable {
    /// The name `--pack` and `:pack` take (`owasp-llm-2025`).
    public var name: String
    public var title: String
    /// The framework's version the ids come from (`2025`, `5.6.0`, `1.0`).
    public var version: String
    /// Where the ids come from, said in the pack's own header.
    public var source: String
    /// How old the newest test scan may be for a control to count as evidenced.
    public var windowDays: Int
    public var controls: [ComplianceControl]

    public init(name: String, title: String, version: String, source: String, windowDays: Int = 30, controls: [ComplianceControl]) {
        self.name = name
        self.title = title
        self.version = version
        self.source = source
        self.windowDays = windowDays
        self.controls = controls
    }
}
