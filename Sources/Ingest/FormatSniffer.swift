import Foundation

/// Recognises a report by its content, never its file name.
public enum FormatSniffer {
    public enum Format: String, Sendable, CaseIterable {
        case sarif
        case modelscan
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
    }

    /// Reads at most `limit` bytes from the start of the file.
    public static func head(path: String, limit: Int = 65_536) throws -> [UInt8] {
        let stream = try ByteStream(path: path)
        var bytes = [UInt8]()
        while bytes.count < limit, let byte = try stream.nextByte() { bytes.append(byte) }
        return bytes
    }

    /// The format of a report whose first bytes are `head`, or nil when none is recognised.
    public static func detect(_ head: [UInt8]) -> Format? {
        var body = head[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return nil }
        let text = Haystack(bytes: Array(body.prefix(65_536)))
        let firstLine = Haystack(bytes: Array(body.prefix { $0 != 0x0A }))
        if text.contains("\"check_type\"") && text.contains("\"failed_checks\"") || text.contains("\"checkov_version\"") {
            return .checkovJSON
        }
        if first == UInt8(ascii: "["), text.contains("\"rule\""), text.contains("\"secret\""), text.contains("\"path\"") {
            return .trufflehog3
        }
        if first == UInt8(ascii: "["), text.contains("\"code\""), text.contains("\"level\""),
           text.contains("\"DL") || text.contains("\"SC") {
            return .hadolintJSON
        }
        guard first == UInt8(ascii: "{") else {
            // picklescan writes text: dangerous-import lines and a summary banner.
            if text.contains(": dangerous import '") || text.contains("----------- SCAN SUMMARY -----------") {
                return .picklescan
            }
            return nil
        }
        if firstLine.contains("\"schema\"") && firstLine.contains("\"mlsoc.") { return .native }
        if firstLine.contains("\"entry_type\"") { return .garak }
        if firstLine.contains("\"attempt_id\""), firstLine.contains("\"detector\""), firstLine.contains("\"generator\"") {
            return .garakHitlog
        }
        // SARIF: a "runs" array whose runs name a tool driver, or the schema / version saying so.
        if text.contains("\"runs\""), text.contains("\"driver\"") || text.contains("sarif") || text.contains("\"2.1.0\"") {
            return .sarif
        }
        if text.contains("\"bomFormat\"") && text.contains("CycloneDX") { return .cyclonedx }
        if text.contains("\"test_id\"") && text.contains("\"issue_severity\"") || text.contains("\"metrics\"") && text.contains("\"_totals\"") {
            return .banditJSON
        }
        if text.contains("\"evalId\"") || (text.contains("\"gradingResult\"") && text.contains("\"testIdx\"")) { return .promptfoo }
        if text.contains("\"dependencies\""), text.contains("\"skip_reason\"") || text.contains("\"vulns\"") || text.contains("\"fixes\"") {
            return .pipAudit
        }
        if text.contains("\"analysis\""), text.contains("\"detailed_results\""), text.contains("\"severity\"") { return .fickling }
        if text.contains("\"check_id\"") || (text.contains("\"results\"") && text.contains("\"engine_requested\"")) {
            return .semgrepJSON
        }
        if text.contains("\"notebook_issues\"") || (text.contains("\"root_issues\"") && text.contains("\"notebooks\"")) {
            return .nbdefense
        }
        if text.contains("\"modelscan_version\"") || text.contains("\"total_issues_by_severity\"") { return .modelscan }
        if text.contains("\"issues\""), text.contains("\"bytes_scanned\"") || text.contains("\"scanner_names\"") || text.contains("\"files_scanned\"") {
            return .modelaudit
        }
        if text.contains("\"plugins_used\"") || (text.contains("\"generated_at\"") && text.contains("\"results\"")) {
            return .detectSecrets
        }
        return nil
    }

    /// Bytes searched for ASCII needles (JSON keys, banners): the same answers as a search in the
    /// decoded text, since decoding only replaces bytes ≥ 0x80, without decoding 64 KiB and
    /// searching it with Foundation for every file.
    struct Haystack {
        let bytes: [UInt8]

        func contains(_ needle: String) -> Bool {
            let pattern = Array(needle.utf8)
            guard let first = pattern.first, pattern.count <= bytes.count else { return pattern.isEmpty }
            return bytes.withUnsafeBufferPointer { hay in
                var index = 0
                let last = hay.count - pattern.count
                while index <= last {
                    if hay[index] == first, pattern.indices.allSatisfy({ hay[index + $0] == pattern[$0] }) { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// The parser for a format.
    static func parser(for format: Format, mapping: MappingRules) -> any ReportParser {
        switch format {
        case .sarif: SARIFParser(mapping: mapping)
        case .modelscan: ModelScanParser(mapping: mapping)
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
        }
    }

    /// The first bytes of a file for an error message: printable ASCII as is, the rest as escapes.
    public static func preview(_ head: [UInt8], count: Int = 32) -> String {
        head.prefix(count).map { byte -> String in
            (0x20..<0x7F).contains(byte) && byte != UInt8(ascii: "\\") ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
        }.joined()
    }
}
