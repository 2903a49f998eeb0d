/// One model's risk as the Models view shows it (DESIGN.md §6).
public struct ModelRisk: Sendable, Equatable, Identifiable {
    /// The store's model id; 0 stands for the findings no model claims.
    public var id: Int64
    public var name: String
    public var version: String
    public var kind: String
    public var owner: String?
    public var stage: String?
    public var criticality: Double
    public var source: String
    /// Open findings by severity.
    public var open: [Severity: Int]
    /// Open findings by severity, each counted by its attack-success rate when it has one (garak,
    /// promptfoo); equal to `open` otherwise. The score uses these.
    public var weighted: [Severity: Double]
    public var slaBreaches: Int
    /// Daily scores, oldest first (the last is today's when an ingest ran today).
    public var trend: [Double]
    /// The project the model belongs to; "" for the registry's models (config), which serve every project.
    public var project = ""
    /// Open findings nobody is assigned to.
    public var unassigned = 0

    public init(
        id: Int64, name: String, version: String = "", kind: String = "model", owner: String? = nil, stage: String? = nil,
        criticality: Double = 1, source: String = "", open: [Severity: Int] = [:], weighted: [Severity: Double]? = nil,
        slaBreaches: Int = 0, trend: [Double] = []
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.kind = kind
        self.owner = owner
        self.stage = stage
        self.criticality = criticality
        self.source = source
        self.open = open
        self.weighted = weighted ?? open.mapValues(Double.init)
        self.slaBreaches = slaBreaches
        self.trend = trend
    }

    public var openCount: Int { open.values.reduce(0, +) }

    /// Σ weight(severity) × open findings (each × its attack-success rate when it has one), times
    /// the criticality factor.
    public func score(weights: RiskWeights = .standard) -> Double {
        weighted.reduce(0) { $0 + weights.weight($1.key) * $1.value } * criticality
    }

    /// The formula with this model's numbers, as the detail shows it.
    public func formula(weights: RiskWeights = .standard, times: String = "×") -> String {
        let terms = Severity.descending.compactMap { severity -> String? in
            guard let count = weighted[severity], count > 0, weights.weight(severity) > 0 else { return nil }
            return "\(Self.number(count, places: 2))\(times)\(Self.number(weights.weight(severity))) \(severity.name)"
        }
        let sum = terms.isEmpty ? "0" : terms.joined(separator: " + ")
        return "(\(sum)) \(times) criticality \(Self.number(criticality)) = \(Self.number(score(weights: weights)))"
    }

    public var worstOpen: Severity? { Severity.descending.first { (open[$0] ?? 0) > 0 } }

    /// A number with at most `places` decimals and no trailing zeros: 25.5, 1.25, 3.
    public static func number(_ value: Double, places: Int = 1) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        var fraction = String(abs(scaled % scale))
        while fraction.count < places { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = (scaled < 0 && scaled / scale == 0 ? "-" : "") + String(scaled / scale)
        return fraction.isEmpty ? whole : whole + "." + fraction
    }
}
