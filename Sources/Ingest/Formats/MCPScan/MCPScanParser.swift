import Findings
import JSONStream

/// MCP server scans (tool poisoning, rug pulls, toxic flows): snyk-agent-scan 0.5+ (`--json`:
/// `scan_path_responses[]` with risk scores per server and skill) and mcp-scan 0.3 (`--json`: one
/// entry per config file with `servers[]` and `issues[]`). A risk score (0–1000) above zero or an
/// issue code is a finding on the server; API and connection errors are scan warnings, and a
/// config whose servers could not be scanned resolves nothing.
struct MCPScanParser: JSONReportParser {
    let mapping: MappingRules

    func parse(_ reader: JSONReader, context: ParseContext, emit: (ParsedItem) throws -> Void) throws {
        let factory = FindingFactory(mapping: mapping)
        try emit(.tool(name: "mcp-scan", version: nil))
        var failed = false
        try reader.forEachMember { key in
            if key == "scan_path_responses" {
                try reader.forEachElement {
                    if try MCPScanParser.snykPath(try reader.readValue(), factory: factory, emit: emit) { failed = true }
                }
            } else {
                // mcp-scan 0.3: the config file's path, then its result.
                if try MCPScanParser.legacyPath(try reader.readValue(), key: key, factory: factory, emit: emit) { failed = true }
            }
        }
        if failed { try emit(.partial) }
    }

    static func severity(score: Int) -> Severity {
        switch score {
        case 800...: .critical
        case 600..<800: .high
        case 300..<600: .medium
        default: .low
        }
    }

    /// One config file of snyk-agent-scan; true when something in it could not be scanned.
    static func snykPath(_ response: JSONValue, factory: FindingFactory, emit: (ParsedItem) throws -> Void) throws -> Bool {
        let path = response["path"]?.string ?? "?"
        var failed = false
        try emit(.coverage(.file(path)))
        if let error = response["error"], error != .null {
            try emit(.warning("\(path): \(error["message"]?.string ?? "scan error")"))
            failed = true
        }
        for (kind, list) in [("server", "server_risks"), ("skill", "skill_risks")] {
            for item in response[list]?.array ?? [] {
                let name = item["name"]?.string ?? "?"
                try emit(.coverage(.target("mcp:\(name)")))
                if let error = item["error"], error != .null {
                    try emit(.warning("\(path): \(kind) \(name): \(error["message"]?.string ?? "scan error")"))
                    failed = true
                }
                let entities = (item["entities"]?.array ?? []).compactMap { $0["name"]?.string }
                for (risk, value) in item["risk_indexes"]?.members ?? [] {
                    guard let score = value["score"]?.int, score > 0 else { continue }
                    let affected = (value["affected_tools"]?.array ?? []).compactMap(\.int).compactMap {
                        entities.indices.contains($0) ? entities[$0] : nil
                    }
                    let place = value["locations"]?.array?.first?["start"]
                    let file = place?["path"]?.string ?? path
                    try emit(
                        .finding(
                            factory.make(
                                FindingFactory.Draft(
                                    tool: "mcp-scan", ruleID: risk, title: risk.replacingOccurrences(of: "_", with: " "),
                                    message: "\(kind) \(name): \(value["evidence"]?.string ?? risk)"
                                        + (affected.isEmpty ? "" : " (tools: \(affected.joined(separator: ", ")))"),
                                    severity: severity(score: score), score: Double(score) / 100, tags: ["mcp", kind],
                                    artifact: file, location: Location(path: file, startLine: place?["line"]?.int),
                                    evidence: "risk score \(score)/1000", identity: [path, kind, name]
                                ))))
                }
            }
        }
        return failed
    }

    /// One config file of mcp-scan 0.3; issue references are (server index, entity index).
    static func legacyPath(_ result: JSONValue, key: String, factory: FindingFactory, emit: (ParsedItem) throws -> Void) throws -> Bool {
        let path = result["path"]?.string ?? key
        var failed = false
        try emit(.coverage(.file(path)))
        if let error = result["error"], error != .null {
            try emit(.warning("\(path): \(error["message"]?.string ?? "scan error")"))
            failed = true
        }
        let servers = result["servers"]?.array ?? []
        for server in servers {
            let name = server["name"]?.string ?? "?"
            try emit(.coverage(.target("mcp:\(name)")))
            if let error = server["error"], error != .null {
                try emit(.warning("\(path): server \(name): \(error["message"]?.string ?? "could not be scanned")"))
                failed = true
            }
        }
        for issue in result["issues"]?.array ?? [] {
            let code = issue["code"]?.string ?? "issue"
            let message = issue["message"]?.string ?? code
            // X001: the analysis API failed; X002: whitelisted by the user. Neither is a finding.
            if code.hasPrefix("X00") {
                if code == "X001" {
                    try emit(.warning("\(path): \(message)"))
                    failed = true
                }
                continue
            }
            let reference = issue["reference"]?.array?.compactMap(\.int) ?? []
            let server = reference.first.flatMap { servers.indices.contains($0) ? servers[$0] : nil }
            let serverName = server?["name"]?.string ?? "the config"
            let entities =
                (server?.at("signature", "tools")?.array ?? []) + (server?.at("signature", "prompts")?.array ?? [])
                + (server?.at("signature", "resources")?.array ?? [])
            let entity = reference.count > 1 && entities.indices.contains(reference[1]) ? entities[reference[1]]["name"]?.string : nil
            try emit(
                .finding(
                    factory.make(
                        FindingFactory.Draft(
                            tool: "mcp-scan", ruleID: code, title: message,
                            message: "server \(serverName)" + (entity.map { ", tool \($0)" } ?? "") + ": \(message)",
                            severity: code.hasPrefix("E") ? .high : .medium, tags: ["mcp"], artifact: path, location: Location(path: path),
                            evidence: entity.flatMap { name in entities.first { $0["name"]?.string == name }?["description"]?.string }.map {
                                String($0.prefix(2000))
                            },
                            identity: [path, serverName, entity ?? ""]
                        ))))
        }
        return failed
    }
}
