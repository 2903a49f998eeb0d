import Foundation
import JSONStream

/// Recognises a report by its content, never its file name.
public enum FormatSniffer {
    public enum Format: String, Sendable, CaseIterable {
        case sarif
        case modelscan
        case modelscanConsole = "modelscan-console"
        case modelaudit
        case detectSecrets = "detect-secrets"
        case picklescan
        case native = "mlsoc-jsonl"
        case garak
        case cyclonedx
        case banditJSON = "bandit-json"
        case hadolintJSON = "hadolint-json"
        case semgrepJSON = "semgrep-json"
        case promptfoo
        case pipAudit = "pip-audit"
        case fickling
        case checkovJSON = "checkov-json"
        case trufflehog3
        case garakHitlog = "garak-hitlog"
        case nbdefense
        /// `[]` and nothing else: hadolint, trufflehog3 and others write it for a clean run. It names
        /// no tool, so it resolves nothing.
        case emptyList = "empty-list"
        case gitlab = "gitlab-security"
        case codeClimate = "codeclimate"
        case trivy = "trivy-json"
        case grype = "grype-json"
        case gitleaks = "gitleaks-json"
        case trufflehogV3 = "trufflehog-jsonl"
        case osvScanner = "osv-scanner"
        case sonarGeneric = "sonarqube-generic"
        case avid = "avid-jsonl"
        case hfHubScan = "hf-hub-scan"
        case azureRedTeam = "azure-red-team"
        case mcpScan = "mcp-scan"
        case giskard = "giskard-scan"
        case hiddenLayer = "hiddenlayer"
    }

    /// Reads at most `limit` bytes from the start of the file (for error messages).
    public static func head(path: String, limit: Int = 65_536) throws -> [UInt8] {
        let stream = try ByteStream(path: path)
        var bytes = [UInt8]()
        while bytes.count < limit, let byte = try stream.nextByte() { bytes.append(byte) }
        return bytes
    }

    /// The format of the report at `path`, from its structure; nil when it is not a report mlsoc
    /// reads. Only I/O errors (and files that are not regular) throw.
    public static func detect(path: String) throws -> Format? {
        try detect(ByteStream.report(path: path)) { try ByteStream.report(path: path) }
    }

    /// The format of a report held in memory.
    public static func detect(_ bytes: [UInt8]) -> Format? {
        func stream() throws -> ByteStream {
            let stream = ByteStream(bytes: bytes)
            try stream.skipByteOrderMark()
            return stream
        }
        guard let first = try? stream() else { return nil }
        return try? detect(first, reopen: stream)
    }

    /// Decides from the structure, never from a byte window: the top-level keys of a JSON object
    /// (values stepped over unread, so a key after 500 MB of results still counts), the keys of an
    /// array's first element, the first object of a JSON Lines file, or a text format whose every
    /// line fits it. It stops as soon as a key decides. Broken JSON is "not recognised" here; the
    /// parser reports where it breaks when the structure was recognised.
    static func detect(_ stream: ByteStream, reopen: () throws -> ByteStream) throws -> Format? {
        let reader = JSONReader(stream: stream)
        reader.allowsMultipleDocuments = true
        try reader.skipWhitespace()
        switch try stream.peek() {
        case UInt8(ascii: "{"):
            do { return try objectFormat(reader) } catch is JSONError { return nil }
        case UInt8(ascii: "["):
            do { return try arrayFormat(reader) } catch is JSONError { return nil }
        case nil:
            return nil
        default:
            // Text: each text format reads the lines from the start.
            if try PickleScanParser.fits(stream) { return .picklescan }
            return try ModelScanConsoleParser.fits(try reopen()) ? .modelscanConsole : nil
        }
    }

    /// What the sniffer has seen of an object: its keys, short string values, and the keys of
    /// a `summary` object (modelscan and checkov name themselves there).
    struct Shape: Sendable {
        var keys: Set<String> = []
        var strings: [String: String] = [:]

        func has(_ names: String...) -> Bool { names.allSatisfy(keys.contains) }
        func any(_ names: String...) -> Bool { names.contains(where: keys.contains) }
    }

    private static func objectFormat(_ reader: JSONReader) throws -> Format? {
        // JSON Lines may open with a log record (trufflehog's `{"level": …, "msg": …}`): a few
        // more documents are looked at before giving up.
        for _ in 0..<8 {
            if let format = try documentFormat(reader) { return format }
            guard try reader.next() == .end, try reader.hasMoreDocuments(), try reader.stream.peek() == UInt8(ascii: "{") else { return nil }
        }
        return nil
    }

    private static func documentFormat(_ reader: JSONReader) throws -> Format? {
        guard try reader.next() == .beginObject else { return nil }
        var shape = Shape()
        do {
            while true {
                let token = try reader.next()
                if token == .endObject { break }
                guard case let .key(name) = token else { return nil }
                shape.keys.insert(name)
                if name == "summary" {
                    try readSummary(reader, into: &shape)
                } else if shape.keys.count == 1, try nextValue(reader, startsWith: "{") {
                    // Reports keyed by what they scanned (mcp-scan: one entry per config file):
                    // the first entry's keys tell them apart.
                    try reader.forEachMember { key in
                        shape.keys.insert("{}." + key)
                        try reader.skipValueUnchecked()
                    }
                } else if FormatSniffer.listsPeeked.contains(name) {
                    try readFirstElement(reader, of: name, into: &shape)
                } else if try nextValue(reader, startsWith: "\"") {
                    guard case let .string(value) = try reader.next() else { return nil }
                    shape.strings[name] = String(value.prefix(256))
                } else {
                    try reader.skipValueUnchecked()
                }
                if let format = decisive(shape) { return format }
                // A hostile object of a million keys: decide from the first thousands.
                if shape.keys.count > 4096 { break }
            }
        } catch is JSONError where !shape.keys.isEmpty {
            // A report cut short (a scanner killed mid-write) is still its format: its parser
            // says where it breaks, and it is quarantined with that reason.
            return atEnd(shape)
        }
        return atEnd(shape)
    }

    /// Lists whose first element tells formats apart that share the list's name (`results` in
    /// semgrep, detect-secrets and OSV-Scanner; `issues` in modelaudit and SonarQube).
    static let listsPeeked: Set<String> = ["results", "issues", "matches", "Results"]

    /// Records the keys of the list's first object as `NAME[].KEY`, and steps over the rest.
    private static func readFirstElement(_ reader: JSONReader, of name: String, into shape: inout Shape) throws {
        guard try nextValue(reader, startsWith: "[") else {
            try reader.skipValueUnchecked()
            return
        }
        _ = try reader.next()
        if try nextValue(reader, startsWith: "{") {
            try reader.forEachMember { key in
                shape.keys.insert(name + "[]." + key)
                try reader.skipValueUnchecked()
            }
        }
        try reader.skipRestOfContainerUnchecked()
        guard try reader.next() == .endArray else { throw reader.error("expected the end of \(name)") }
    }

    /// True when the next value starts with `byte` (`{`, `"`…), nothing consumed.
    private static func nextValue(_ reader: JSONReader, startsWith byte: Character) throws -> Bool {
        try reader.skipWhitespace()
        return try reader.stream.peek() == byte.asciiValue
    }

    private static func readSummary(_ reader: JSONReader, into shape: inout Shape) throws {
        guard try nextValue(reader, startsWith: "{") else {
            try reader.skipValueUnchecked()
            return
        }
        try reader.forEachMember { key in
            shape.keys.insert("summary." + key)
            try reader.skipValueUnchecked()
        }
    }

    /// One way a format is recognised: what `mlsoc formats` prints, and the test that decides.
    struct Rule: Sendable {
        let format: Format
        let says: String
        let matches: @Sendable (Shape) -> Bool
    }

    /// Keys only one format has, tried after every key: the sniffer stops at the first match.
    static let decisiveRules: [Rule] = [
        Rule(format: .native, says: #"object with "schema": "mlsoc.…" (first line)"#) { $0.strings["schema"]?.hasPrefix("mlsoc.") == true },
        Rule(format: .garak, says: #"object with "entry_type" (first line)"#) { $0.has("entry_type") },
        Rule(format: .avid, says: #"object with "data_type": "AVID" (first line)"#) { $0.strings["data_type"] == "AVID" },
        Rule(format: .hfHubScan, says: #"object with "securityRepoStatus" (Hugging Face model info)"#) { $0.has("securityRepoStatus") },
        Rule(
            format: .mcpScan,
            says: #"object with "scan_path_responses" (snyk-agent-scan), or whose first entry has "servers" and "issues" (mcp-scan 0.3)"#
        ) {
            $0.has("scan_path_responses") || $0.has("{}.servers", "{}.issues")
        },
        Rule(format: .hiddenLayer, says: #"object with "scan_id", "inventory" and "file_results" or "detection_count" (HiddenLayer)"#) {
            $0.has("scan_id", "inventory") && $0.any("file_results", "detection_count", "files_with_detections_count")
        },
        Rule(format: .azureRedTeam, says: #"object with "scorecard" and "attack_details" or "parameters" (Azure AI red team)"#) {
            $0.has("scorecard") && $0.any("attack_details", "parameters")
        },
        Rule(format: .trufflehogV3, says: #"object with "SourceMetadata" and "DetectorName" or "DetectorType" (first line)"#) {
            $0.has("SourceMetadata") && $0.any("DetectorName", "DetectorType")
        },
        Rule(format: .gitlab, says: #"object with "vulnerabilities" and "scan" (GitLab security report)"#) { $0.has("vulnerabilities", "scan") },
        Rule(format: .trivy, says: #"object with "SchemaVersion" and "Results" or "ArtifactName""#) {
            $0.has("SchemaVersion") && $0.any("Results", "ArtifactName")
        },
        Rule(format: .grype, says: #"object with "matches" whose items have "vulnerability" and "artifact", or "matches" and "descriptor""#) {
            $0.has("matches[].vulnerability", "matches[].artifact") || $0.has("matches", "descriptor")
        },
        Rule(format: .osvScanner, says: #"object with "results" whose items have "packages" and "source""#) {
            $0.has("results[].packages") || $0.has("results[].source", "experimental_config")
        },
        Rule(format: .sonarGeneric, says: #"object with "issues" whose items have "primaryLocation""#) {
            $0.has("issues[].primaryLocation") || $0.has("issues[].engineId", "issues[].ruleId")
        },
        Rule(format: .codeClimate, says: #"object with "check_name", "location" and "type" (issues separated by NUL)"#) {
            $0.has("check_name", "location") && $0.any("type", "description")
        },
        Rule(format: .garakHitlog, says: #"object with "attempt_id", "detector" and "generator" (first line)"#) {
            $0.has("attempt_id", "detector", "generator")
        },
        Rule(format: .cyclonedx, says: #"object with "bomFormat": "CycloneDX""#) { $0.strings["bomFormat"] == "CycloneDX" },
        Rule(format: .sarif, says: #"object with "$schema" naming SARIF, or "runs" with "version" or "$schema""#) {
            $0.strings["$schema"]?.lowercased().contains("sarif") == true || ($0.has("runs") && $0.any("version", "$schema"))
        },
        Rule(format: .checkovJSON, says: #"object with "check_type" or "checkov_version" (also in "summary")"#) {
            $0.any("check_type", "checkov_version", "summary.checkov_version")
        },
        Rule(format: .banditJSON, says: #"object with "metrics" and "results" (or "generated_at")"#) {
            $0.has("metrics", "results") || $0.has("metrics", "generated_at")
        },
        Rule(format: .promptfoo, says: #"object with "evalId""#) { $0.has("evalId") },
        Rule(format: .pipAudit, says: #"object with "dependencies" and "fixes""#) { $0.has("dependencies", "fixes") },
        Rule(format: .fickling, says: #"object with "detailed_results", or "analysis" and "severity""#) {
            $0.has("detailed_results") || $0.has("analysis", "severity")
        },
        Rule(format: .nbdefense, says: #"object with "notebook_issues" or "root_issues""#) { $0.any("notebook_issues", "root_issues") },
        Rule(format: .detectSecrets, says: #"object with "plugins_used" or "filters_used""#) { $0.any("plugins_used", "filters_used") },
        Rule(format: .modelscan, says: #"object whose "summary" has "modelscan_version" or "total_issues_by_severity""#) {
            $0.any("summary.modelscan_version", "summary.total_issues_by_severity")
        },
        Rule(format: .modelaudit, says: #"object with "bytes_scanned" or "scanner_names", or "issues" and "files_scanned""#) {
            $0.any("bytes_scanned", "scanner_names") || $0.has("issues", "files_scanned")
        },
        Rule(
            format: .semgrepJSON,
            says: #"object with "engine_requested", "skipped_rules" or "interfile_languages_used", or "results", "errors" and "paths""#
        ) {
            $0.any("engine_requested", "skipped_rules", "interfile_languages_used") || $0.has("results", "errors", "paths")
        },
    ]

    /// Formats told apart only once the whole object was seen.
    static let endRules: [Rule] = [
        Rule(format: .checkovJSON, says: #"summary only: "passed", "failed", "skipped", "parsing_errors", "resource_count""#) {
            $0.has("passed", "failed", "skipped", "parsing_errors", "resource_count")
        },
        Rule(format: .sarif, says: #"object with "runs""#) { $0.has("runs") },
        Rule(format: .pipAudit, says: #"2.x of nothing: "dependencies" alone"#) { $0.keys == ["dependencies"] },
        Rule(format: .semgrepJSON, says: #"0.x: "results" and "errors" (with "version", "time")"#) {
            $0.has("results", "errors") && $0.keys.isSubset(of: ["results", "errors", "version", "time"])
        },
        Rule(format: .detectSecrets, says: #"object with "results", "generated_at" and "version""#) { $0.has("results", "generated_at", "version") },
        Rule(format: .promptfoo, says: #"object with "results", "config" and "shareableUrl", "createdAt" or "version""#) {
            $0.has("results", "config") && $0.any("shareableUrl", "createdAt", "version")
        },
        Rule(format: .modelscan, says: #"object with "summary", "issues" and "errors""#) { $0.has("summary", "issues", "errors") },
        Rule(format: .giskard, says: #"object whose keys are all Giskard detectors (…Detector) holding levels (major, medium, minor)"#) {
            let top = $0.keys.filter { !$0.hasPrefix("{}.") }
            let levels = $0.keys.filter { $0.hasPrefix("{}.") }.map { String($0.dropFirst(3)) }
            return !top.isEmpty && top.allSatisfy { $0.hasSuffix("Detector") } && levels.allSatisfy { ["major", "medium", "minor"].contains($0) }
        },
    ]

    /// The keys of an array's first element.
    static let arrayRules: [Rule] = [
        Rule(
            format: .hfHubScan,
            says: #"array whose first object has "securityFileStatus", or "type", "path" and "oid" (Hugging Face tree, expand=true)"#
        ) {
            $0.has("securityFileStatus") || $0.has("type", "path", "oid")
        },
        Rule(format: .codeClimate, says: #"array whose first object has "check_name" and "location" (Code Climate, GitLab Code Quality)"#) {
            $0.has("check_name", "location")
        },
        Rule(
            format: .gitleaks,
            says: #"array whose first object has "RuleID", "File" and "Secret" or "Match" (v8), or "rule", "file" and "offender" (v7)"#
        ) {
            ($0.has("RuleID", "File") && $0.any("Secret", "Match")) || $0.has("rule", "file", "offender")
        },
        Rule(format: .trivy, says: #"array whose first object has "Target" and "Vulnerabilities" (Trivy before 0.20)"#) {
            $0.has("Target") && $0.any("Vulnerabilities", "Misconfigurations", "Type")
        },
        Rule(format: .checkovJSON, says: #"array whose first object has "check_type" (one report per framework)"#) { $0.has("check_type") },
        Rule(format: .hadolintJSON, says: #"array whose first object has "code", "level", "message" and "line" or "file""#) {
            $0.has("code", "level", "message") && $0.any("line", "file")
        },
        Rule(format: .trufflehog3, says: #"array whose first object has "rule", "path" and "secret" or "id" (3.x)"#) {
            $0.has("rule", "path") && $0.any("secret", "id")
        },
        Rule(format: .trufflehog3, says: #"array whose first object has "path", "stringsFound" or "reason", and "commit" or "date" (2.x)"#) {
            $0.has("path") && $0.any("stringsFound", "reason") && $0.any("commit", "commitHash", "date")
        },
        Rule(format: .pipAudit, says: #"array whose first object has "name", "version" and "vulns" (1.x)"#) { $0.has("name", "version", "vulns") },
    ]

    static func decisive(_ shape: Shape) -> Format? {
        decisiveRules.first { $0.matches(shape) }?.format
    }

    static func atEnd(_ shape: Shape) -> Format? {
        endRules.first { $0.matches(shape) }?.format
    }

    /// How each format is recognised, in the order the sniffer tries (for `mlsoc formats`).
    public static func recognition(of format: Format) -> [String] {
        var out = (decisiveRules + endRules + arrayRules).filter { $0.format == format }.map(\.says)
        switch format {
        case .modelscanConsole: out.append("text: modelscan's console lines, then a line that opens {\"summary\": (modelscan -r json without -o)")
        case .picklescan: out.append("text: every line a picklescan line (any -l level, -g), with its SCAN SUMMARY banner or a found import")
        case .emptyList: out.append("[] and nothing else")
        default: break
        }
        return out
    }

    /// The keys of an array's first element decide; an empty array is a clean report of no tool.
    private static func arrayFormat(_ reader: JSONReader) throws -> Format? {
        guard try reader.next() == .beginArray else { return nil }
        let first = try reader.next()
        if first == .endArray {
            return try reader.next() == .end ? .emptyList : nil
        }
        guard first == .beginObject else { return nil }
        var shape = Shape()
        while true {
            let token = try reader.next()
            if token == .endObject { break }
            guard case let .key(name) = token else { return nil }
            shape.keys.insert(name)
            try reader.skipValueUnchecked()
            if shape.has("check_type") { return .checkovJSON }
            if shape.keys.count > 4096 { break }
        }
        return arrayRules.first { $0.matches(shape) }?.format
    }

    /// The parser for a format.
    static func parser(for format: Format, mapping: MappingRules) -> any ReportParser {
        switch format {
        case .sarif: SARIFParser(mapping: mapping)
        case .modelscan: ModelScanParser(mapping: mapping)
        case .modelscanConsole: ModelScanConsoleParser(mapping: mapping)
        case .modelaudit: ModelAuditParser(mapping: mapping)
        case .detectSecrets: DetectSecretsParser(mapping: mapping)
        case .picklescan: PickleScanParser(mapping: mapping)
        case .native: NativeParser(mapping: mapping)
        case .garak: GarakParser(mapping: mapping)
        case .cyclonedx: CycloneDXParser(mapping: mapping)
        case .banditJSON: BanditParser(mapping: mapping)
        case .hadolintJSON: HadolintParser(mapping: mapping)
        case .semgrepJSON: SemgrepParser(mapping: mapping)
        case .promptfoo: PromptfooParser(mapping: mapping)
        case .pipAudit: PipAuditParser(mapping: mapping)
        case .fickling: FicklingParser(mapping: mapping)
        case .checkovJSON: CheckovParser(mapping: mapping)
        case .trufflehog3: TruffleHog3Parser(mapping: mapping)
        case .garakHitlog: GarakHitlogParser(mapping: mapping)
        case .nbdefense: NBDefenseParser(mapping: mapping)
        case .emptyList: EmptyListParser()
        case .gitlab: GitLabSecurityParser(mapping: mapping)
        case .codeClimate: CodeClimateParser(mapping: mapping)
        case .trivy: TrivyParser(mapping: mapping)
        case .grype: GrypeParser(mapping: mapping)
        case .gitleaks: GitleaksParser(mapping: mapping)
        case .trufflehogV3: TruffleHogV3Parser(mapping: mapping)
        case .osvScanner: OSVScannerParser(mapping: mapping)
        case .sonarGeneric: SonarGenericParser(mapping: mapping)
        case .avid: AVIDParser(mapping: mapping)
        case .hfHubScan: HFHubScanParser(mapping: mapping)
        case .azureRedTeam: AzureRedTeamParser(mapping: mapping)
        case .mcpScan: MCPScanParser(mapping: mapping)
        case .giskard: GiskardScanParser(mapping: mapping)
        case .hiddenLayer: HiddenLayerParser(mapping: mapping)
        }
    }

    /// What a file that is not a report most likely is, when its start says so: the same tool's
    /// other outputs that users hand in by mistake, with the flag that writes a report.
    public static func hint(_ head: [UInt8]) -> String? {
        let text = String(decoding: head, as: UTF8.self)
        if text.contains("<bom") && text.contains("cyclonedx.org/schema/bom") {
            return "CycloneDX XML: mlsoc reads CycloneDX JSON (cyclonedx-py --of JSON, or cyclonedx convert)"
        }
        if text.contains("\"results\"") && text.contains("\"category\"") && text.contains("\"secrets\"") {
            return "detect-secrets audit --report: it holds the secrets in plain text; ingest the audited baseline it was made from"
        }
        if text.hasPrefix("No settings file detected at ") || text.hasPrefix("Detected settings file") {
            return "modelscan console output without its JSON report (-r json, or -o FILE)"
        }
        return nil
    }

    /// The first bytes of a file for an error message: printable ASCII as is, the rest as escapes.
    public static func preview(_ head: [UInt8], count: Int = 32) -> String {
        head.prefix(count).map { byte -> String in
            (0x20..<0x7F).contains(byte) && byte != UInt8(ascii: "\\") ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
        }.joined()
    }
}
