import Findings
import Foundation
import JSONStream

/// checkov's JSON (`checkov -o json`), in every shape it takes: one report object, an array of
/// reports (one per framework), or several documents back to back (several `-d`), where the first
/// report is repeated in the cumulative one. `failed_checks[]` become findings, `parsing_errors`
/// scan warnings; the summary alone is a clean run that scanned nothing. Identities match checkov's
/// SARIF (file, first line of the resource, check name).
struct CheckovParser: ReportParser {
    let mapping: MappingRules

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        let reader = JSONReader(stream: stream)
        reader.allowsMultipleDocuments = true
        // Checks repeated across documents are one finding, not two occurrences; checkov reports
        // hold thousands of checks at most, so remembering their fingerprints stays small.
        var seen = Set<Fingerprint>()
        var reports = 0
        var checks = Checks()
        repeat {
            let first = try reader.next()
            if first == .beginArray {
                while try !endOfArray(reader) {
                    reports += try report(reader, factory: factory, seen: &seen, checks: &checks, emit: emit)
                }
            } else if first == .beginObject {
                reports += try reportBody(reader, factory: factory, seen: &seen, checks: &checks, emit: emit)
            } else {
                throw reader.error("not a checkov report: expected an object or an array")
            }
            guard try reader.next() == .end else { throw reader.error("unexpected data after a checkov report") }
        } while try reader.hasMoreDocuments()
        if reports == 0 { throw reader.error("not a checkov report: no \"results\"") }
        try emit(.tool(name: "checkov", version: nil))
        if checks.complete { for id in checks.ran.sorted() { try emit(.ranRule(id)) } }
    }

    /// The checks a run ran: every check id among its failed, passed and skipped checks, known
    /// when each report lists all its passed checks (not `--quiet`, which leaves them out). A run
    /// with `--check` or `--skip-check` then resolves only the findings of the checks it ran.
    struct Checks {
        var ran = Set<String>()
        var complete = true
        /// The passed checks the current report lists.
        var listedPassed = 0

        mutating func note(summary: JSONValue) {
            if (summary["passed"]?.int ?? 0) > listedPassed { complete = false }
            listedPassed = 0
        }
    }

    private func endOfArray(_ reader: JSONReader) throws -> Bool {
        try reader.skipWhitespace()
        guard try reader.stream.peek() == UInt8(ascii: "]") else { return false }
        _ = try reader.next()
        return true
    }

    private func report(
        _ reader: JSONReader, factory: FindingFactory, seen: inout Set<Fingerprint>, checks: inout Checks,
        emit: (ParsedItem) throws -> Void
    ) throws -> Int {
        guard try reader.next() == .beginObject else { throw reader.error("expected a checkov report object") }
        return try reportBody(reader, factory: factory, seen: &seen, checks: &checks, emit: emit)
    }

    /// The members of one report object, after its `{`; returns 1 when it held results.
    private func reportBody(
        _ reader: JSONReader, factory: FindingFactory, seen: inout Set<Fingerprint>, checks: inout Checks,
        emit: (ParsedItem) throws -> Void
    ) throws -> Int {
        var hadResults = 0
        var checkType = ""
        while true {
            let token = try reader.next()
            if token == .endObject { return hadResults }
            guard case let .key(name) = token else { throw reader.error("expected a key") }
            switch name {
            case "check_type":
                checkType = try reader.readValue().string ?? ""
            case "results":
                hadResults = 1
                try reader.forEachMember { key in
                    switch key {
                    case "failed_checks":
                        try reader.forEachElement {
                            let check = try reader.readValue()
                            if let id = check["check_id"]?.string { checks.ran.insert(id) }
                            let finding = CheckovParser.finding(check, checkType: checkType, factory: factory)
                            if seen.insert(finding.fingerprint).inserted { try emit(.finding(finding)) }
                        }
                    case "passed_checks", "skipped_checks":
                        // Files checked without a failure were looked at too: the run's coverage.
                        let passed = key == "passed_checks"
                        try reader.forEachElement {
                            let check = try reader.readValue()
                            if let id = check["check_id"]?.string { checks.ran.insert(id) }
                            if passed { checks.listedPassed += 1 }
                            let file = CheckovParser.file(check)
                            if !file.isEmpty { try emit(.coverage(.file(file))) }
                        }
                    case "parsing_errors":
                        for file in try reader.readValue().array ?? [] {
                            try emit(.warning("\(file.text ?? "?"): checkov could not parse it"))
                        }
                    default:
                        try reader.skipValue()
                    }
                }
            case "repo_id":
                if let repo = try reader.readValue().string, !repo.isEmpty { try emit(.project(name: repo, repository: nil)) }
            case "summary":
                let summary = try reader.readValue()
                checks.note(summary: summary)
                if let version = summary["checkov_version"]?.text { try emit(.tool(name: "checkov", version: version)) }
            case "checkov_version":
                // The summary alone (`{"passed": 0, "failed": 0, …}`): checkov found nothing it
                // scans. A clean report of checkov, with no files it looked at.
                hadResults = 1
                if let version = try reader.readValue().text { try emit(.tool(name: "checkov", version: version)) }
            default:
                try reader.skipValue()
            }
        }
    }

    /// The file as checkov's SARIF names it: `repo_file_path` (relative to the working directory,
    /// `-d` included), not `file_path` (relative to `-d`, except for Kubernetes, where it is
    /// relative to the working directory), without the leading "/". checkov's Kubernetes runner
    /// writes `-d` twice (`infra/infra/k8s/deploy.yaml`) in SARIF and in `repo_file_path`: the
    /// repeated prefix is collapsed in both, a single repeated folder too.
    static func file(_ check: JSONValue) -> String {
        var file = check["repo_file_path"]?.string ?? check["file_path"]?.string ?? ""
        if file.hasPrefix("/") { file.removeFirst() }
        return path(file)
    }

    static func path(_ raw: String) -> String {
        ReportPath.collapsingDoubledPrefix(ReportPath.clean(raw).path, minimumRepeat: 1)
    }

    static func finding(_ check: JSONValue, checkType: String, factory: FindingFactory) -> Finding {
        let id = check["check_id"]?.string ?? "CKV_UNKNOWN"
        let name = check["check_name"]?.string ?? id
        let file = CheckovParser.file(check)
        let lines = check["file_line_range"]?.array?.compactMap(\.int) ?? []
        let code = check["code_block"]?.array ?? []
        let anchor =
            code.lazy.compactMap { $0.array?.last?.string }
            .first { !$0.allSatisfy(\.isWhitespace) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let resource = check["resource"]?.string ?? ""
        return factory.make(
            FindingFactory.Draft(
                tool: "checkov", ruleID: id, title: name,
                message: name, severity: .medium,
                tags: [checkType], artifact: file,
                location: Location(path: file, startLine: lines.first, endLine: lines.last),
                evidence: resource.isEmpty ? nil : "resource: \(resource)", identity: [file, anchor, name],
                // checkov's severity comes with a Prisma Cloud key; offline it is null and the mapping
                // rule's severity stands in.
                toolSeverity: check["severity"]?.string.flatMap(Severity.init(text:)),
                resource: resource.isEmpty ? nil : resource,
                code: code.lazy.compactMap { $0.array?.last?.string }.prefix(200).joined()
            ))
    }
}
