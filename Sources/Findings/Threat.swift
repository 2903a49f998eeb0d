/// The thirteen threats of the seed matrix; each belongs to exactly one target, so a threat is a cell.
public enum Threat: Int, Sendable, CaseIterable, Codable, CustomStringConvertible {
    case ipTheft = 0
    case unintendedSystemInteraction = 1
    case modelTheft = 2
    case modelBiasAttack = 10
    case promptSelfReplication = 11
    case ipInfringement = 12
    case modelDenialOfService = 13
    case misconfiguration = 20
    case integrationIssues = 21
    case malwareDistribution = 22
    case dataPoisoning = 30
    case dataLoss = 31
    case informationManipulation = 32
    case unclassified = 99

    public var target: Target {
        switch self {
        case .ipTheft, .unintendedSystemInteraction, .modelTheft: .application
        case .modelBiasAttack, .promptSelfReplication, .ipInfringement, .modelDenialOfService: .model
        case .misconfiguration, .integrationIssues, .malwareDistribution: .infrastructure
        case .dataPoisoning, .dataLoss, .informationManipulation: .data
        case .unclassified: .unclassified
        }
    }

    /// The label shown in the matrix.
    public var name: String {
        switch self {
        case .ipTheft: "IP theft"
        case .unintendedSystemInteraction: "Unintended system interaction"
        case .modelTheft: "Model theft"
        case .modelBiasAttack: "Model bias attack"
        case .promptSelfReplication: "Prompt self-replication"
        case .ipInfringement: "IP infringement"
        case .modelDenialOfService: "Model denial of service"
        case .misconfiguration: "Misconfiguration"
        case .integrationIssues: "Integration issues"
        case .malwareDistribution: "Malware distribution"
        case .dataPoisoning: "Data poisoning"
        case .dataLoss: "Data loss or compromise"
        case .informationManipulation: "Information manipulation"
        case .unclassified: "Unclassified"
        }
    }

    /// The identifier used in mapping files and filters.
    public var key: String {
        switch self {
        case .ipTheft: "ip-theft"
        case .unintendedSystemInteraction: "unintended-system-interaction"
        case .modelTheft: "model-theft"
        case .modelBiasAttack: "model-bias-attack"
        case .promptSelfReplication: "prompt-self-replication"
        case .ipInfringement: "ip-infringement"
        case .modelDenialOfService: "model-denial-of-service"
        case .misconfiguration: "misconfiguration"
        case .integrationIssues: "integration-issues"
        case .malwareDistribution: "malware-distribution"
        case .dataPoisoning: "data-poisoning"
        case .dataLoss: "data-loss"
        case .informationManipulation: "information-manipulation"
        case .unclassified: "unclassified"
        }
    }

    public var description: String { key }

    public init?(key: String) {
        guard let found = Threat.allCases.first(where: { $0.key == key.lowercased() }) else { return nil }
        self = found
    }

    /// Matrix order: targets in order, threats in seed order within each, unclassified last.
    public static let matrixOrder: [Threat] = Target.allCases.flatMap(\.threats)
}
