import Findings

/// Streams a SARIF 2.1.0 log: runs one at a time, `results[]` one result at a time, so memory is
/// bounded by the largest single result or rule table, never by the file.
struct SARIFParser: JSONReportParser {
    static let format = "sarif"
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
        try reader.forEachMember { key in
            switch key {
            case "tool":
                run.readTool(try reader.readValue())
                try emit(.tool(name: run.toolName, version: run.toolVersion))
                for result in pending { try emitResult(result, run: &run, emit: emit) }
                pending.removeAll()
            case "results":
                try reader.forEachElement {
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
                    run.readInvocation(invocation, emit: emit)
                }
            case "automationDetails":
                run.category = try reader.readValue()["id"]?.string ?? ""
                if !run.category.isEmpty { try emit(.category(run.category)) }
            default:
                try reader.skipValue()
            }
        }
        guard run.hasTool else { throw reader.error("a SARIF run has no \"tool\" object") }
    }

    /// A result whose `baselineState` is "absent" is the tool saying the finding is gone: it is not
    /// reported, so the reimport resolves it.
    private func emitResult(_ result: JSONValue, run: inout SARIFRun, emit: (ParsedItem) throws -> Void) throws {
        if result["baselineState"]?.string == "absent" { return }
        try emit(.finding(run.finding(from: result, mapping: mapping)))
    }
}
