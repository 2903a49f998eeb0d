import Findings
import JSONStream

/// Streams a SARIF 2.1.0 log: runs one at a time, `results[]` one result at a time, so memory is
/// bounded by the largest single result or rule table, never by the file.
struct SARIFParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        try reader.forEachMember(requiring: "runs", in: "a SARIF log") { key in
            switch key {
            case "runs":
                try reader.forEachElement {
                    try parseRun(reader, context: context, emit: emit)
                }
            case "version":
                let version = try reader.readValue().string ?? ""
                if !version.hasPrefix("2.") {
                    throw reader.error("SARIF version \(version) is not supported (2.1.0 is)")
                }
            default:
                try reader.skipValue()
            }
        }
    }

    private func parseRun(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        var run = SARIFRun()
        // Results met before the tool cannot be resolved yet; real producers write the tool first,
        // so this buffer stays empty in practice and is capped to keep memory bounded.
        var pending: [JSONValue] = []
        var hasResults = false
        var failed = false
        try reader.forEachMember { key in
            switch key {
            case "tool":
                try run.readTool(reader)
                try emit(.tool(name: run.toolName, version: run.toolVersion))
                // semgrep lists every rule of its configuration, found or not: the rule set it ran.
                if SARIFDialect.listsRuleSet(tool: run.toolName.lowercased()) {
                    for id in run.driverRuleIDs { try emit(.ranRule(id)) }
                }
                run.driverRuleIDs = []
                for result in pending { try emitResult(result, run: &run, emit: emit) }
                pending.removeAll()
            case "results":
                hasResults = try reader.forEachElement {
                    let result = try reader.readValue()
                    if run.hasTool {
                        try emitResult(result, run: &run, emit: emit)
                    } else if pending.count < 10_000 {
                        pending.append(result)
                    } else {
                        throw reader.error("limit: more than 10,000 results before the run's \"tool\" object")
                    }
                }
            case "invocations":
                for invocation in try reader.readValue().array ?? [] {
                    if run.readInvocation(invocation, emit: emit) { failed = true }
                    // Where the tool ran is not what it scanned (modelaudit run in a repository on
                    // one of its folders): the directory only places relative paths.
                    if let root = invocation.at("workingDirectory", "uri")?.string {
                        run.workingDirectory = Coverage.normalize(ReportPath.fromURI(root).path)
                    }
                    let scanned = SARIFDialect.scannedPaths(
                        tool: run.toolName.lowercased(), invocation: invocation, workingDirectory: run.workingDirectory)
                    for root in scanned { try emit(.coverage(.root(root))) }
                }
            case "originalUriBaseIds":
                for (_, base) in try reader.readValue().members ?? [] {
                    if let root = base["uri"]?.string, root.hasPrefix("file:///") || root.hasPrefix("/") { try emit(.coverage(.root(root))) }
                }
            case "artifacts":
                // The files the run looked at (SARIF §3.14.15), one object at a time.
                try reader.forEachElement {
                    if let uri = try reader.readValue().at("location", "uri")?.string { try emit(.coverage(.file(run.path(fromURI: uri)))) }
                }
            case "properties":
                // bandit's SARIF keeps its metrics here: one entry per scanned file, plus "_totals".
                if let metrics = try reader.readValue()["metrics"] { run.metrics.note(metrics: metrics) }
            case "versionControlProvenance":
                if let uri = try reader.readValue().array?.first?["repositoryUri"]?.string {
                    try emit(.project(name: uri, repository: uri))
                }
            case "automationDetails":
                run.category = try reader.readValue()["id"]?.string ?? ""
                if !run.category.isEmpty { try emit(.category(run.category)) }
            default:
                try reader.skipValue()
            }
        }
        guard run.hasTool else { throw reader.error("a SARIF run has no \"tool\" object") }
        try run.metrics.emit(emit)
        if failed {
            try emit(.partial)
        } else if !hasResults {
            // SARIF §3.14.23: no `results` (or null) means the tool did not produce results (a
            // rules-only export, a run that did not finish), not that it found nothing.
            try emit(.warning("a \(run.toolName) run has no results array: it proves nothing absent and resolves nothing"))
            try emit(.partial)
        }
    }

    /// A result whose `baselineState` is "absent" is the tool saying the finding is gone: it is not
    /// reported, so the reimport resolves it.
    private func emitResult(_ result: JSONValue, run: inout SARIFRun, emit: (ParsedItem) throws -> Void) throws {
        if result["baselineState"]?.string == "absent" {
            // The tool looked where the finding was, and it is gone: that place is covered.
            for location in result["locations"]?.array ?? [] {
                if let uri = location.at("physicalLocation", "artifactLocation", "uri")?.string { try emit(.coverage(.file(run.path(fromURI: uri)))) }
            }
            return
        }
        let ruleID = result["ruleId"]?.string ?? result.at("rule", "id")?.string ?? ""
        // SARIF §3.27.9: only `fail` (the default) says a problem is there. `pass`,
        // `notApplicable` and `informational` show that a check ran on these files (coverage, and
        // evidence for compliance); `review` and `open` ask a human, so they start in triage.
        let kind = SARIFDialect.kind(tool: run.toolName, result: result)
        if kind == "pass" || kind == "notApplicable" || kind == "informational" {
            for location in result["locations"]?.array ?? [] {
                if let uri = location.at("physicalLocation", "artifactLocation", "uri")?.string {
                    try emit(.coverage(.file(run.path(fromURI: uri))))
                }
            }
            return
        }
        let uri = result["locations"]?.array?.first?.at("physicalLocation", "artifactLocation", "uri")?.string
        // bandit's metrics count issues per file (`BanditMetrics`); no other tool writes them.
        if run.toolName == "bandit", let uri { run.metrics.noteResult(file: ReportPath.fromURI(uri).path) }
        if ScanErrorRules.isScanError(tool: run.toolName, ruleID: ruleID) {
            let text = result.at("message", "text")?.string ?? ruleID
            try emit(.warning("\(uri.map { run.path(fromURI: $0) + ": " } ?? "")\(run.toolName) could not read it (\(ruleID)): \(text)"))
            return
        }
        var finding = run.finding(from: result, mapping: mapping)
        if kind == "review" || kind == "open" {
            finding.needsReview = true
            finding.evidence = "SARIF kind: \(kind) (the tool asks for a decision)" + (finding.evidence.map { "\n" + $0 } ?? "")
        }
        try emit(.finding(finding))
    }
}
