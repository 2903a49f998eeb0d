/// A further place a finding occurs, with the model it is attributed to there.
public struct OtherLocation: Sendable, Equatable {
    public var location: Location
    public var model: String?

    public init(_ location: Location, model: String? = nil) {
        self.location = location
        self.model = model
    }

    /// `path:line`, with the model there when it has one: `svc/a.py:3 (model fraud)`.
    public var display: String { model.map { "\(location.display) (model \($0))" } ?? location.display }
}
