/// One ingested report with what it changed, for the Ingest view.
public struct ScanSummary: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var tool: String
    public var format: String
    public var sourcePath: String
    public var ingestedAt: Int64
    public var actor: String
    public var total: Int
    public var new: Int
    public var unchanged: Int
    public var reopened: Int
    public var closed: Int
    public var warnings: Int
    /// The project the scan belongs to, and what it covered in a few words ("" when not recorded).
    public var project = ""
    public var coverage: String?

    public init(
        id: Int64, tool: String, format: String, sourcePath: String, ingestedAt: Int64, actor: String, total: Int,
        new: Int, unchanged: Int, reopened: Int, closed: Int, warnings: Int
    ) {
        self.id = id
        self.tool = tool
        self.format = format
        self.sourcePath = sourcePath
        self.ingestedAt = ingestedAt
        self.actor = actor
        self.total = total
        self.new = new
        self.unchanged = unchanged
        self.reopened = reopened
        self.closed = closed
        self.warnings = warnings
    }
}
