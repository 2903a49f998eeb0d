/// A model or dataset as an inventory source describes it (CycloneDX ML-BOM, config, attribution).
public struct ModelRecord: Sendable, Equatable {
    public var name: String
    public var version: String
    /// "model" or "dataset".
    public var kind: String
    /// Where we learned of it: "cyclonedx", "config", "attribution".
    public var source: String
    public var sha256: String?
    public var uri: String?
    public var owner: String?
    public var criticality: Double?
    /// Lifecycle stage: design, develop, deploy, monitor.
    public var stage: String?
    /// The CycloneDX modelCard as received (JSON text).
    public var modelCard: String?

    public init(
        name: String, version: String = "", kind: String = "model", source: String, sha256: String? = nil, uri: String? = nil,
        owner: String? = nil, criticality: Double? = nil, stage: String? = nil, modelCard: String? = nil
    ) {
        self.name = name
        self.version = version
        self.kind = kind
        self.source = source
        self.sha256 = sha256
        self.uri = uri
        self.owner = owner
        self.criticality = criticality
        self.stage = stage
        self.modelCard = modelCard
    }
}
