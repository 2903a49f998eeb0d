import Findings
import JSONStream

/// TruffleHog v3's JSON Lines (`trufflehog git|filesystem … --json`): one object per secret with
/// `SourceMetadata.Data.{Git|Filesystem|…}` (file, line, commit), `DetectorName`, `Verified` and the
/// secret in `Raw`. The secret is never stored (the identity hashes it; `Redacted` or four
/// characters are the evidence). Verified secrets are critical, unverified high.
struct TruffleHogV3Parser: ReportParser {
    let mapping: MappingRules

    func parse(_ stream: ByteStream, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "trufflehog", version: nil))
        try JSONLines.forEach(stream, file: context.file, limit: 16 << 20) { _, value in
            // trufflehog also logs JSON lines (level, msg) to the same stream when asked to.
            guard value["DetectorName"] != nil || value["DetectorType"] != nil else { return }
            let data = value.at("SourceMetadata", "Data")?.members?.first?.1 ?? .null
            let file = data["file"]?.string ?? data["link"]?.string ?? value["SourceName"]?.string ?? ""
            let line = data["line"]?.int
            let detector = value["DetectorName"]?.string ?? value["DetectorType"]?.text ?? "secret"
            let verified = value["Verified"]?.bool ?? false
            let raw = value["RawV2"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? value["Raw"]?.string ?? ""
            let shown = value["Redacted"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? SecretText.masked(raw)
            var evidence = [shown]
            if let commit = data["commit"]?.string { evidence.insert("commit \(commit.prefix(12))", at: 0) }
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "trufflehog", ruleID: detector.lowercased(), title: "\(detector) secret",
                            message: "\(verified ? "Verified" : "Unverified") \(detector) secret in \(file)" + (line.map { " at line \($0)" } ?? ""),
                            severity: verified ? .critical : .high, tags: [verified ? "verified" : "unverified"], artifact: file,
                            location: Location(path: file, startLine: line), evidence: evidence.joined(separator: "\n"), identity: [file, raw]
                        ))))
        }
    }
}
