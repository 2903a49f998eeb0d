import Findings
import JSONStream

/// What a parser hands the writer as it streams through a report.
public enum ParsedItem: Sendable {
    case tool(name: String, version: String?)
    case finding(Finding)
    /// A scan error or tool notification: kept apart from findings.
    case warning(String)
    /// The report's own reimport category (SARIF automationDetails.id).
    case category(String)
    /// The run was incomplete: keep its findings but resolve nothing because of it.
    case partial
    /// The one model the whole report is about; it becomes part of the reimport scope.
    case scopeModel(String)
    /// A model or dataset for the inventory.
    case model(ModelRecord)
    /// A triage decision for a finding of this report (VEX analysis).
    case triage(TriageImport)
    /// The project the report says it is about (a repository URI, an ML-BOM's subject, a target).
    case project(name: String, repository: String?)
    /// Something the scan looked at: a root, a file or a target (DESIGN.md §8).
    case coverage(Coverage.Entry)
    /// A file the scan looked at but reported only in part (bandit against a baseline, or above a
    /// severity): not covered, although its findings name it, so what is missing there stays open.
    case partlyReported(String)
    /// A rule the run ran, when the report lists the whole rule set (semgrep's SARIF, its JSON
    /// with `--time`): then the run resolves only findings of those rules, so a scan of the same
    /// files with other rules (a second semgrep config) leaves the first one's findings alone.
    case ranRule(String)
    /// A finding another store already identified (an mlsoc export read back): added when absent,
    /// never refreshed or moved to this report's scope.
    case reference(Finding)
}

/// Facts about the report that parsers may use (the file, for messages).
public struct ParseContext: Sendable {
    public var file: String

    public init(file: String) {
        self.file = file
    }
}

/// One streaming parser per format.
protocol ReportParser {
    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws
}

/// A parser of a JSON format: it reads tokens from a pull reader over the stream.
protocol JSONReportParser: ReportParser {
    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws
}

extension JSONReportParser {
    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let reader = JSONReader(stream: stream)
        try parse(reader, context: context, emit: emit)
        guard try reader.next() == .end else { throw reader.error("unexpected data after the report") }
    }
}
