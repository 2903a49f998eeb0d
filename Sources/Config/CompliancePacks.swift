import Findings
import Foundation
import JSONStream
import Yams

/// Framework packs: the built-in ones (`Resources/packs/*.yaml`, compiled in) and the user's
/// (`$XDG_CONFIG_HOME/mlsoc/packs/*.yaml`, which win over a built-in of the same name). A pack is
/// checked when it is read; an error names the file, the line and the key.
///
/// ```yaml
/// pack: owasp-llm-2025                  # the name --pack takes
/// title: OWASP Top 10 for LLM Applications
/// version: "2025"
/// source: where the ids come from        # said in every pack's header
/// window_days: 30                       # how old a test scan may be (default 30)
/// controls:
///   - id: LLM01
///     title: Prompt injection is tested and resisted      # in our own words
///     clause: "LLM01:2025 Prompt Injection"
///     applies: { kinds: [model], stages: [develop, deploy, monitor] }   # optional: all
///     findings: { threats: [unintended-system-interaction], ids: [LLM01, AML.T0051] }
///     tested_by: [garak, promptfoo]
///     run: { garak: "--probes promptinject,dan" }   # optional: arguments for `compliance gaps`
///   - id: "Art.72"
///     title: The model in service is monitored
///     clause: "EU AI Act Art. 72"
///     process: rescan                   # rescan | sla | triage: evidence from the audit trail
/// ```
public enum CompliancePacks {
    /// The built-in packs by name, as compiled in.
    static let builtIn: [(name: String, bytes: [UInt8])] = [
        ("owasp-llm-2025", PackageResources.owasp_llm_2025_yaml), ("mitre-atlas", PackageResources.mitre_atlas_yaml),
        ("nist-ai-rmf", PackageResources.nist_ai_rmf_yaml), ("eu-ai-act", PackageResources.eu_ai_act_yaml),
        ("iso-42001", PackageResources.iso_42001_yaml),
    ]

    /// Where user packs live.
    public static func directory(environment: [String: String]) -> String {
        MlsocConfig.directory(environment: environment) + "/packs"
    }

    /// Every pack: the user's (by file name) over the built-in ones, by name.
    public static func all(environment: [String: String]) throws -> [CompliancePack] {
        var packs: [String: CompliancePack] = [:]
        for (name, bytes) in builtIn {
            packs[name] = try parse(yaml: String(decoding: bytes, as: UTF8.self), source: "built-in pack \(name)")
        }
        let directory = directory(environment: environment)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in files.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw IngestError(.unreadable, file: path, "cannot read the pack")
            }
            guard let text = String(data: data, encoding: .utf8) else { throw IngestError(.malformed, file: path, "not UTF-8 text") }
            let pack = try parse(yaml: text, source: path)
            packs[pack.name] = pack
        }
        return packs.values.sorted { $0.name < $1.name }
    }

    /// One pack by name; an unknown name lists the known ones.
    public static func named(_ name: String, environment: [String: String]) throws -> CompliancePack {
        let packs = try all(environment: environment)
        guard let pack = packs.first(where: { $0.name == name }) else {
            throw IngestError(
                .malformed, file: "--pack", "no pack named '\(name)': one of \(packs.map(\.name).joined(separator: ", "))")
        }
        return pack
    }

    /// Reads and checks a pack. Errors name `source`, the line and the key (`controls.3.tested_by`).
    public static func parse(yaml text: String, source: String) throws -> CompliancePack {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text, .basic) else { throw IngestError(.malformed, file: source, "the pack is empty") }
            node = composed
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(.malformed, file: source, "not valid YAML: \(error)")
        }
        let reader = PackReader(source: source)
        return try reader.pack(node)
    }
}

/// Walks a pack's YAML nodes, so every error can say where it is.
private struct PackReader {
    let source: String

    func fail(_ node: Node?, _ key: String, _ message: String) -> IngestError {
        IngestError(.malformed, file: source, "at \(key): \(message)", line: node?.mark.map { $0.line })
    }

    func mapping(_ node: Node, _ key: String, allowed: Set<String>) throws -> Node.Mapping {
        guard let mapping = node.mapping else { throw fail(node, key, "expected a mapping") }
        for (name, _) in mapping {
            guard let string = name.string, allowed.contains(string) else {
                throw fail(
                    name, key.isEmpty ? (name.string ?? "?") : key + "." + (name.string ?? "?"),
                    "unknown key; known: \(allowed.sorted().joined(separator: ", "))")
            }
        }
        return mapping
    }

    func string(_ mapping: Node.Mapping, _ name: String, at key: String, parent: Node, required: Bool = true) throws -> String? {
        let path = key.isEmpty ? name : key + "." + name
        guard let value = mapping[name] else {
            if required { throw fail(parent, path, "missing") }
            return nil
        }
        guard let string = value.string, value.scalar != nil else { throw fail(value, path, "expected text") }
        if required, string.trimmingCharacters(in: .whitespaces).isEmpty { throw fail(value, path, "must not be empty") }
        return string
    }

    func list(_ mapping: Node.Mapping, _ name: String, at key: String) throws -> [(String, Node)] {
        let path = key.isEmpty ? name : key + "." + name
        guard let value = mapping[name] else { return [] }
        if let scalar = value.string, value.scalar != nil { return [(scalar, value)] }
        guard let sequence = value.sequence else { throw fail(value, path, "expected a list") }
        return try sequence.enumerated().map { index, item in
            guard let string = item.string, item.scalar != nil else { throw fail(item, "\(path).\(index)", "expected text") }
            return (string, item)
        }
    }

    func pack(_ node: Node) throws -> CompliancePack {
        let top = try mapping(node, "", allowed: ["pack", "title", "version", "source", "window_days", "controls"])
        let name = try string(top, "pack", at: "", parent: node) ?? ""
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw fail(top["pack"], "pack", "a pack name is letters, digits, '-', '_' and '.'")
        }
        var window = 30
        if let value = top["window_days"] {
            guard let days = value.int, (1...3_650).contains(days) else { throw fail(value, "window_days", "a number of days between 1 and 3650") }
            window = days
        }
        guard let controlsNode = top["controls"] else { throw fail(node, "controls", "missing: a pack lists its controls") }
        guard let sequence = controlsNode.sequence, !sequence.isEmpty else { throw fail(controlsNode, "controls", "expected a list of controls") }
        var seen: Set<String> = []
        let controls = try sequence.enumerated().map { index, item -> ComplianceControl in
            let control = try self.control(item, at: "controls.\(index)")
            guard seen.insert(control.id).inserted else { throw fail(item, "controls.\(index).id", "'\(control.id)' is listed twice") }
            return control
        }
        return CompliancePack(
            name: name, title: try string(top, "title", at: "", parent: node) ?? name,
            version: try string(top, "version", at: "", parent: node) ?? "", source: try string(top, "source", at: "", parent: node) ?? "",
            windowDays: window, controls: controls)
    }

    func control(_ node: Node, at key: String) throws -> ComplianceControl {
        let map = try mapping(node, key, allowed: ["id", "title", "clause", "applies", "findings", "tested_by", "process", "run"])
        var control = ComplianceControl(
            id: try string(map, "id", at: key, parent: node) ?? "", title: try string(map, "title", at: key, parent: node) ?? "",
            clause: try string(map, "clause", at: key, parent: node) ?? "")
        if let applies = map["applies"] {
            let inner = try mapping(applies, key + ".applies", allowed: ["kinds", "stages"])
            control.kinds = try list(inner, "kinds", at: key + ".applies").map { value, item in
                guard ["model", "dataset"].contains(value) else { throw fail(item, key + ".applies.kinds", "'\(value)' is not model or dataset") }
                return value
            }
            control.stages = try list(inner, "stages", at: key + ".applies").map { value, item in
                guard FindingFilter.stageKeys.contains(value) else {
                    throw fail(item, key + ".applies.stages", "'\(value)' is not one of \(FindingFilter.stageKeys.joined(separator: ", "))")
                }
                return value
            }
        }
        if let findings = map["findings"] {
            let inner = try mapping(findings, key + ".findings", allowed: ["threats", "ids"])
            control.threats = try list(inner, "threats", at: key + ".findings").map { value, item in
                guard let threat = Threat.allCases.first(where: { $0.key == value }), threat != .unclassified else {
                    throw fail(
                        item, key + ".findings.threats", "'\(value)' is not a matrix cell (\(Threat.matrixOrder.map(\.key).joined(separator: ", ")))")
                }
                return threat
            }
            control.ids = try list(inner, "ids", at: key + ".findings").map(\.0)
        }
        control.testedBy = try list(map, "tested_by", at: key).map(\.0)
        if let run = map["run"] {
            guard let pairs = run.mapping else { throw fail(run, key + ".run", "expected tool: arguments") }
            for (tool, arguments) in pairs {
                guard let name = tool.string, let text = arguments.string, arguments.scalar != nil else {
                    throw fail(arguments, key + ".run", "expected tool: arguments")
                }
                guard control.testedBy.contains(name) else {
                    throw fail(tool, key + ".run." + name, "'\(name)' is not in tested_by")
                }
                control.run[name] = text
            }
        }
        if let process = map["process"] {
            guard let value = process.string, let check = ComplianceControl.ProcessCheck(rawValue: value) else {
                throw fail(process, key + ".process", "one of \(ComplianceControl.ProcessCheck.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            control.process = check
        }
        if control.process == nil {
            if control.threats.isEmpty && control.ids.isEmpty {
                throw fail(node, key + ".findings", "a control needs findings (threats or ids) that violate it, or a process")
            }
            if control.testedBy.isEmpty { throw fail(node, key + ".tested_by", "name the tools whose scans test \(control.id)") }
        }
        return control
    }
}
