import Findings

/// The Compliance view (6): one pack evaluated over the store, models down and controls across;
/// the cursor is a cell.
public struct ComplianceState: Sendable, Equatable {
    /// The pack shown (`:pack NAME`).
    public var pack = "owasp-llm-2025"
    public var result: ComplianceResult?
    public var loaded = false
    /// Why the pack could not be read (a broken user pack), shown in place of the grid.
    public var error: String?
    /// The row (model) and column (control) under the cursor.
    public var row = 0
    public var column = 0
    /// The packs there are, for `:pack` completion.
    public var packNames: [String] = []
    /// The pack's controls (read without evaluating it), for the matrix: which controls a cell touches.
    public var packInfo: CompliancePack?

    /// The controls of the pack that findings in this cell violate.
    public func controls(touching threat: Threat) -> [ComplianceControl] {
        packInfo?.controls.filter { $0.threats.contains(threat) } ?? []
    }

    public init() {}

    /// The cell under the cursor.
    public var current: (model: ComplianceFacts.Model, cell: ComplianceResult.Cell)? {
        guard let rows = result?.rows, rows.indices.contains(row), rows[row].cells.indices.contains(column) else { return nil }
        return (rows[row].model, rows[row].cells[column])
    }
}
