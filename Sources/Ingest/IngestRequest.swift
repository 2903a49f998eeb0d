import Config
import FindingStore
import Findings
import Foundation

/// What the caller says about the reports it hands in: their reimport category, their project
/// (`--project`, the inbox folder) and what they covered (`--covers`).
public struct IngestRequest: Sendable, Equatable {
    /// Reimport category; empty: the report's own (SARIF automationDetails.id), else none.
    public var category: String
    /// The project, winning over what the report says and the config's path rules.
    public var project: String?
    /// What the scans looked at, instead of what the reports say (paths; `target:NAME` for a model or endpoint).
    public var covers: [String]?

    public init(category: String = "", project: String? = nil, covers: [String]? = nil) {
        self.category = category
        self.project = project
        self.covers = covers
    }

    /// `--covers` values as coverage entries: `target:NAME` is a target, a path ending in `/` or an
    /// existing directory a root, anything else a file.
    var coverage: [Coverage.Entry]? {
        covers.map { values in
            values.map { value in
                if value.hasPrefix("target:") { return .target(String(value.dropFirst(7))) }
                var isDirectory: ObjCBool = false
                if value.hasSuffix("/") || value == "." || value.isEmpty
                    || (FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory) && isDirectory.boolValue)
                {
                    return .root(value)
                }
                return .file(value)
            }
        }
    }

    /// A project name taken from a report (a repository URI, a component, a target): its last path
    /// component, `.git` dropped, with spaces and control characters as `-`. Nil when nothing is left.
    static func projectName(fromReport raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix("/") { text.removeLast() }
        if text.contains("://") || text.hasPrefix("git@") {
            text = String(text.split(whereSeparator: { $0 == "/" || $0 == ":" }).last ?? "")
            if text.hasSuffix(".git") { text.removeLast(4) }
        }
        let cleaned = String(
            text.unicodeScalars.map { scalar -> Character in
                scalar.properties.generalCategory == .control || " /*?,\"'\\".unicodeScalars.contains(scalar) ? "-" : Character(scalar)
            }.prefix(128))
        let name = cleaned.hasPrefix(".") ? "-" + cleaned.dropFirst() : cleaned
        return MlsocConfig.projectNameProblem(name) == nil ? name : nil
    }
}

extension ReportIngestor {
    /// What a report is about beyond its bytes: the project the caller gave, `--covers`, and for
    /// formats that do not name what they scanned (fickling), the report's own file name.
    func subject(of path: String, format: FormatSniffer.Format, request: IngestRequest) -> String {
        var parts: [String] = []
        if let project = request.project ?? config.project(forReport: path)?.name { parts.append("project=" + project) }
        if let covers = request.covers { parts.append("covers=" + covers.joined(separator: "\u{1F}")) }
        if format == .fickling { parts.append("file=" + (path as NSString).lastPathComponent) }
        return parts.joined(separator: ";")
    }

    /// The store's header for one prepared report.
    func header(for prepared: Prepared, now: Int64) -> ScanHeader {
        var header = ScanHeader(
            format: prepared.format.rawValue, sourcePath: prepared.path, sha256: prepared.digest, ingestedAt: now,
            actor: actor, sla: config.sla, category: prepared.request.category, weights: config.weights)
        header.project = prepared.request.project
        header.fallbackProject = config.project(forReport: prepared.path)?.name
        header.knownProjects = config.projects.map {
            ProjectRecord(name: $0.name, owner: $0.owner, criticality: $0.criticality, repository: $0.repository)
        }
        header.subject = prepared.subject
        header.covers = prepared.request.coverage
        header.hookEvents = config.hookEvents
        return header
    }
}
