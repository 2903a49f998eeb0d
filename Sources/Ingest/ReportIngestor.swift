import Config
import FindingStore
import Findings
import Foundation
import JSONStream

/// Ingests one report file: hash, recognise, stream-parse and write in one transaction. A report
/// that fails leaves the store unchanged.
public struct ReportIngestor: Sendable {
    public let store: FindingStore
    public let mapping: MappingRules
    public let actor: String
    public let config: MlsocConfig
    /// The digest of the config's model registry: the store notes the registry only when it changed.
    let registryDigest: String

    public init(store: FindingStore, mapping: MappingRules, actor: String, config: MlsocConfig = MlsocConfig()) {
        self.store = store
        // The config's data stores are the mapping's resource context.
        self.mapping = config.dataStores.isEmpty ? mapping : mapping.with(dataStores: config.dataStores)
        self.actor = actor
        self.config = config
        self.registryDigest = config.registryDigest()
    }

    /// The model a finding is about: what the tool says (garak's target, an ML-BOM component), else
    /// the config's path rules, else the name of a model file.
    func attribute(_ finding: Finding) -> Finding {
        var attributed = finding
        // Each other location has the model its file belongs to; the finding's is its first
        // location's, else the first other location that has one.
        for index in attributed.otherLocations.indices where attributed.otherLocations[index].model == nil {
            attributed.otherLocations[index].model = modelName(forArtifact: attributed.otherLocations[index].location.path)
        }
        if attributed.model == nil, let artifact = finding.artifact ?? finding.location?.path {
            attributed.model = modelName(forArtifact: artifact)
        }
        if attributed.model == nil { attributed.model = attributed.otherLocations.lazy.compactMap(\.model).first }
        return attributed
    }

    private func modelName(forArtifact artifact: String) -> String? {
        config.model(forArtifact: artifact)?.name ?? ModelAttribution.modelName(forArtifact: artifact)
    }

    /// Attributes a parsed finding to its model and makes NULs in report text visible (they would
    /// end the text in SQLite): done on the parser's thread, so the writer only writes.
    func attributed(_ item: ParsedItem) -> ParsedItem {
        switch item {
        case let .finding(finding): .finding(attribute(finding.visibleNUL()))
        case let .reference(finding): .reference(attribute(finding.visibleNUL()))
        case let .warning(text): .warning(TextSanitizer.visibleNUL(text))
        case let .tool(name, version): .tool(name: TextSanitizer.visibleNUL(name), version: version.map(TextSanitizer.visibleNUL))
        case let .project(name, repository): .project(name: TextSanitizer.visibleNUL(name), repository: repository)
        default: item
        }
    }

    /// What happened to one file.
    public struct Report: Sendable {
        public var file: String
        public var format: String
        public var outcome: IngestOutcome
        public var warnings: [String]
        /// Which transaction of this run wrote it: reports with the same number committed together.
        public var transaction = 0
    }

    /// Ingests `path`; `now` is seconds since the epoch. Throws `IngestError` naming the file and place.
    /// Progress of one file: bytes read so far and findings written.
    public typealias Progress = (_ bytes: Int64, _ findings: Int) -> Void

    public func ingest(path: String, now: Int64, request: IngestRequest = IngestRequest(), progress: Progress? = nil) throws -> Report {
        guard let prepared = try prepare(path: path, request: request) else {
            return Report(file: path, format: "", outcome: IngestOutcome(alreadyIngested: true), warnings: [])
        }
        var report: Report?
        do {
            try store.ingestGroup { group in report = try write(prepared, into: group, now: now, progress: progress) }
        } catch {
            throw ReportIngestor.ingestError(error, file: path)
        }
        guard let report else { throw IngestError(.store, file: path, "the report was not written") }
        return report
    }

    /// Parses one prepared file, streaming, and writes it into `group`.
    func write(_ prepared: Prepared, into group: IngestGroup, now: Int64, progress: Progress?) throws -> Report {
        try write(prepared, into: group, now: now) { handle in
            let stream = try ByteStream.report(path: prepared.path)
            var count = 0
            try prepared.parser.parse(stream, context: ParseContext(file: prepared.path)) { item in
                try handle(attributed(item))
                if case .finding = item {
                    count += 1
                    if count % 2048 == 0 { progress?(stream.offset, count) }
                }
            }
        }
    }

    /// A report recognised and hashed, ready to parse and write.
    struct Prepared {
        var path: String
        var digest: [UInt8]
        var format: FormatSniffer.Format
        var parser: any ReportParser
        var request: IngestRequest
        /// What the report is about beyond its bytes (`ScanHeader.subject`).
        var subject: String
    }

    /// Checks, hashes and recognises a file; nil when this exact file is already in the store.
    func prepare(path: String, request: IngestRequest) throws -> Prepared? {
        let prepared = try recognise(path: path, request: request)
        if try store.hasScan(sha256: prepared.digest, subject: prepared.subject) { return nil }
        return prepared
    }

    /// Checks, hashes and recognises a file, whether or not the store has it.
    func recognise(path: String, request: IngestRequest) throws -> Prepared {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError(.unreadable, file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw IngestError(.unreadable, file: path, "is a directory") }
        guard let format = try FormatSniffer.detect(path: path) else {
            let head = try FormatSniffer.head(path: path, limit: 4096)
            let what =
                head.isEmpty ? "the file is empty" : FormatSniffer.hint(head) ?? "first bytes: \(FormatSniffer.preview(head))"
            throw IngestError(.unrecognisedFormat, file: path, "not a report mlsoc reads (\(what))")
        }
        let digest = try sha256(path: path)
        let subject = subject(of: path, format: format, request: request)
        return Prepared(
            path: path, digest: digest, format: format, parser: FormatSniffer.parser(for: format, mapping: mapping),
            request: request, subject: subject)
    }

    /// Writes one report in its own savepoint of `group`; `produce` hands every parsed item to `handle`.
    func write(
        _ prepared: Prepared, into group: IngestGroup, now: Int64,
        produce: (_ handle: (ParsedItem) throws -> Void) throws -> Void
    ) throws -> Report {
        let path = prepared.path
        let header = header(for: prepared, now: now)
        var warnings: [String] = []
        do {
            let outcome = try group.ingest(header) { sink in
                try sink.syncRegistry(digest: registryDigest) {
                    for model in config.models {
                        try sink.noteModel(
                            ModelRecord(
                                name: model.name, version: model.version ?? "", source: "config",
                                owner: model.owner, criticality: model.criticality, stage: model.stage))
                    }
                    for model in config.models {
                        for alias in model.aliases ?? [] {
                            try sink.noteAlias(alias, of: model.name, reason: "listed under aliases of \(model.name) in config.yaml")
                        }
                    }
                }
                try produce { item in
                    switch item {
                    case let .tool(name, version): sink.noteTool(name: name.lowercased(), version: version)
                    case let .finding(finding): try sink.add(finding)
                    case let .warning(text):
                        warnings.append(text)
                        try sink.noteWarning(text)
                    case let .category(value): sink.noteCategory(value)
                    case .partial: sink.markPartial()
                    case let .scopeModel(name): sink.noteScopeModel(name)
                    case let .model(record): try sink.noteModel(record)
                    case let .triage(decision): try sink.applyTriage(decision)
                    case let .reference(finding): try sink.addReference(finding)
                    case let .project(name, repository):
                        if let name = IngestRequest.projectName(fromReport: name) { sink.noteProject(name, repository: repository) }
                    case let .coverage(entry): sink.noteCoverage(entry)
                    case let .partlyReported(file): sink.notePartlyReported(file)
                    case let .ranRule(ruleID): sink.noteRanRule(ruleID)
                    }
                }
            }
            return Report(file: path, format: prepared.format.rawValue, outcome: outcome, warnings: warnings)
        } catch {
            throw ReportIngestor.ingestError(error, file: path)
        }
    }

    /// Any error of one file's ingest as an `IngestError` naming the file (and place, when known).
    static func ingestError(_ error: any Error, file: String) -> IngestError {
        switch error {
        case let error as JSONError: return IngestError.json(error, file: file)
        case var error as IngestError:
            if error.file.isEmpty { error.file = file }
            return error
        case let error as StoreError: return IngestError(.store, file: file, error.description)
        default: return IngestError(.malformed, file: file, "\(error)")
        }
    }

    /// SHA-256 of a file, streamed.
    func sha256(path: String) throws -> [UInt8] {
        let stream = try ByteStream(path: path)
        var hasher = SHA256()
        while try stream.ensure() {
            stream.buffer.withUnsafeBytes { raw in
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[stream.position..<stream.end]))
            }
            stream.position = stream.end
        }
        return hasher.finalize()
    }
}

extension ReportIngestor {
    /// Recognises and parses a report held in memory without touching any store: how many items
    /// it yields, or the error that would quarantine it. For fuzzing and dry runs.
    public static func dryRun(bytes: [UInt8], file: String = "input", mapping: MappingRules) throws -> Int {
        guard let format = FormatSniffer.detect(bytes) else {
            throw IngestError(.unrecognisedFormat, file: file, "not a report mlsoc reads")
        }
        var items = 0
        let stream = ByteStream(bytes: bytes)
        try stream.skipByteOrderMark()
        try FormatSniffer.parser(for: format, mapping: mapping).parse(stream, context: ParseContext(file: file)) { _ in
            items += 1
        }
        return items
    }
}
