/// The four targets of the threat matrix, plus the row for what no rule maps.
public enum Target: Int, Sendable, CaseIterable, Codable, CustomStringConvertible {
    case application = 0
    case model = 1
    case infrastructure = 2
    case data = 3
    case unclassified = 9

    public var name: String {
        switch self {
        case .application: "Application"
        case .model: "Model"
        case .infrastructure: "Infrastructure"
        case .data: "Data"
        case .unclassified: "Unclassified"
        }
    }

    /// The identifier used in mapping files and filters.
    public var key: String {
        switch self {
        case .application: "application"
        case .model: "model"
        case .infrastructure: "infrastructure"
        case .data: "data"
        case .unclassified: "unclassified"
        }
    }

    public var description: String { name }

    public init?(key: String) {
        guard let found = Target.allCases.first(where: { $0.key == key.lowercased() }) else { return nil }
        self = found
    }

    /// The threats of this target, in matrix order.
    public var threats: [Threat] { Threat.allCases.filter { $0.target == self } }
}
