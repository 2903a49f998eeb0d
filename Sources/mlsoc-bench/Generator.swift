import Foundation

/// Writes realistic synthetic reports: SARIF from the four code and infrastructure scanners
/// (bandit, semgrep, checkov, trivy) and native JSONL from ML-specific producers, with skewed mixes
/// of tools, rules, models and severities and message/snippet lengths drawn from wide ranges.
/// Deterministic for a seed. Every finding is distinct (its own file, line and snippet), and every
/// report is its own scope (its own repository or run), so no report resolves another's findings.
struct Generator {
    enum Format: String, CaseIterable {
        case sarif, jsonl
    }

    let format: Format
    let findings: Int
    let perReport: Int
    let seed: UInt64

    /// Writes the reports into `directory` (created); returns their paths and total bytes.
    func write(to directory: URL) throws -> (paths: [String], bytes: Int) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = SplitMix(seed: seed)
        var paths: [String] = []
        var bytes = 0
        var written = 0
        var report = 0
        while written < findings {
            let count = min(perReport, findings - written)
            var out = Output()
            switch format {
            case .sarif: sarif(report: report, count: count, random: &random, into: &out)
            case .jsonl: jsonl(report: report, count: count, random: &random, into: &out)
            }
            let name = String(format: "report-%05d.%@", report, format == .sarif ? "sarif" : "jsonl")
            let url = directory.appendingPathComponent(name)
            try Data(out.bytes).write(to: url)
            paths.append(url.path)
            bytes += out.bytes.count
            written += count
            report += 1
        }
        return (paths, bytes)
    }

    // MARK: SARIF

    private struct Rule {
        let id: String
        let name: String
        let level: String
        let tags: [String]
        let securitySeverity: String?
        let message: String
    }

    private struct SARIFTool {
        let name: String
        let version: String
        let rules: [Rule]
        let paths: [String]
        let snippets: [String]
        /// bandit states its severity in `properties.issue_severity`.
        let banditStyle: Bool
    }

    private static let sarifTools: [SARIFTool] = {
        let bandit = SARIFTool(
            name: "Bandit", version: "1.9.4",
            rules: [
                Rule(
                    id: "B301", name: "pickle", level: "warning", tags: [], securitySeverity: nil,
                    message: "Pickle and modules that wrap it can be unsafe when used to deserialize untrusted data, possible security issue."),
                Rule(
                    id: "B403", name: "blacklist", level: "note", tags: [], securitySeverity: nil,
                    message: "Consider possible security implications associated with pickle module."),
                Rule(
                    id: "B614", name: "pytorch_load", level: "warning", tags: [], securitySeverity: nil,
                    message: "Use of unsafe PyTorch load or save"),
                Rule(
                    id: "B615", name: "huggingface_unsafe_download", level: "warning", tags: [], securitySeverity: nil,
                    message: "Unsafe Hugging Face Hub download without revision pinning in from_pretrained()"),
                Rule(
                    id: "B105", name: "hardcoded_password_string", level: "note", tags: [], securitySeverity: nil,
                    message: "Possible hardcoded password"),
                Rule(
                    id: "B602", name: "subprocess_popen_with_shell_equals_true", level: "error", tags: [], securitySeverity: nil,
                    message: "subprocess call with shell=True identified, security issue."),
                Rule(
                    id: "B307", name: "eval", level: "warning", tags: [], securitySeverity: nil,
                    message: "Use of possibly insecure function - consider using safer ast.literal_eval."),
                Rule(
                    id: "B506", name: "yaml_load", level: "warning", tags: [], securitySeverity: nil,
                    message: "Use of unsafe yaml load. Allows instantiation of arbitrary objects. Consider yaml.safe_load()."),
                Rule(
                    id: "B104", name: "hardcoded_bind_all_interfaces", level: "warning", tags: [], securitySeverity: nil,
                    message: "Possible binding to all interfaces."),
                Rule(
                    id: "B113", name: "request_without_timeout", level: "warning", tags: [], securitySeverity: nil,
                    message: "Call to requests without timeout"),
            ],
            paths: ["train", "serve", "pipelines", "features", "eval", "notebooks", "utils", "api"],
            snippets: [
                "model = pickle.load(f)", "import pickle", "state = torch.load(checkpoint_path)",
                "tok = AutoTokenizer.from_pretrained(name)", "API_KEY = \"sk-test-0000\"",
                "subprocess.Popen(cmd, shell=True)", "result = eval(expr)", "cfg = yaml.load(stream)",
                "app.run(host=\"0.0.0.0\")", "r = requests.get(url)",
            ],
            banditStyle: true)
        let semgrep = SARIFTool(
            name: "Semgrep OSS", version: "1.97.0",
            rules: [
                Rule(
                    id: "python.lang.security.deserialization.pickle.avoid-pickle", name: "avoid-pickle", level: "warning",
                    tags: ["CWE-502: Deserialization of Untrusted Data", "OWASP-A08:2021 - Software and Data Integrity Failures", "security"],
                    securitySeverity: nil, message: "Avoid using `pickle`, which is known to lead to code execution vulnerabilities."),
                Rule(
                    id: "trailofbits.python.pickles-in-pytorch.pickles-in-pytorch", name: "pickles-in-pytorch", level: "error",
                    tags: ["CWE-502: Deserialization of Untrusted Data", "security"], securitySeverity: nil,
                    message: "Functions reliant on pickle can result in arbitrary code execution. Consider loading from `state_dict`."),
                Rule(
                    id: "python.lang.security.audit.eval-detected.eval-detected", name: "eval-detected", level: "warning",
                    tags: ["CWE-95: Eval Injection", "security"], securitySeverity: nil,
                    message: "Detected the use of eval(). eval() can be dangerous if used to evaluate dynamic content."),
                Rule(
                    id: "python.lang.security.audit.subprocess-shell-true.subprocess-shell-true", name: "subprocess-shell-true", level: "error",
                    tags: ["CWE-78: OS Command Injection", "security"], securitySeverity: nil,
                    message:
                        "Found 'subprocess' function with 'shell=True'. This is dangerous because this call will spawn the command using a shell process."
                ),
                Rule(
                    id: "generic.secrets.security.detected-generic-api-key.detected-generic-api-key", name: "detected-generic-api-key",
                    level: "error", tags: ["CWE-798: Use of Hard-coded Credentials", "security"], securitySeverity: nil,
                    message: "Generic API Key detected"),
                Rule(
                    id: "python.requests.security.disabled-cert-validation.disabled-cert-validation", name: "disabled-cert-validation",
                    level: "error", tags: ["CWE-295: Improper Certificate Validation", "security"], securitySeverity: nil,
                    message: "Certificate verification has been explicitly disabled. This permits insecure connections to insecure servers."),
                Rule(
                    id: "python.flask.security.audit.debug-enabled.debug-enabled", name: "debug-enabled", level: "warning",
                    tags: ["CWE-489: Active Debug Code", "security"], securitySeverity: nil,
                    message:
                        "Detected Flask app with debug=True. Do not deploy to production with this flag enabled as it will leak sensitive information."
                ),
                Rule(
                    id: "python.sqlalchemy.security.sqlalchemy-execute-raw-query.sqlalchemy-execute-raw-query", name: "sqlalchemy-execute-raw-query",
                    level: "error", tags: ["CWE-89: SQL Injection", "security"], securitySeverity: nil,
                    message: "Avoiding SQL string concatenation: untrusted input concatenated with raw SQL query can result in SQL Injection."),
            ],
            paths: ["app", "src/inference", "src/training", "services/gateway", "jobs", "tools"],
            snippets: [
                "data = pickle.loads(blob)", "model = torch.load(path)", "score = eval(rule_text)",
                "subprocess.run(f\"convert {name}\", shell=True)", "HF_TOKEN = \"hf_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
                "requests.post(url, verify=False)", "app.run(debug=True)", "conn.execute(\"SELECT * FROM t WHERE id=\" + uid)",
            ],
            banditStyle: false)
        let checkov = SARIFTool(
            name: "checkov", version: "3.2.495",
            rules: [
                Rule(
                    id: "CKV_K8S_16", name: "Container should not be privileged", level: "error", tags: [], securitySeverity: nil,
                    message: "Container should not be privileged"),
                Rule(
                    id: "CKV_K8S_20", name: "Containers should not run with allowPrivilegeEscalation", level: "error", tags: [],
                    securitySeverity: nil, message: "Containers should not run with allowPrivilegeEscalation"),
                Rule(
                    id: "CKV_K8S_12", name: "Memory requests should be set", level: "error", tags: [], securitySeverity: nil,
                    message: "Memory requests should be set"),
                Rule(
                    id: "CKV_K8S_19", name: "Containers should not share the host network namespace", level: "error", tags: [],
                    securitySeverity: nil, message: "Containers should not share the host network namespace"),
                Rule(
                    id: "CKV_K8S_14", name: "Image Tag should be fixed - not latest or blank", level: "error", tags: [],
                    securitySeverity: nil, message: "Image Tag should be fixed - not latest or blank"),
                Rule(
                    id: "CKV_AWS_18", name: "Ensure the S3 bucket has access logging enabled", level: "error", tags: [],
                    securitySeverity: nil, message: "Ensure the S3 bucket has access logging enabled"),
                Rule(
                    id: "CKV_AWS_145", name: "Ensure that S3 buckets are encrypted with KMS by default", level: "error", tags: [],
                    securitySeverity: nil, message: "Ensure that S3 buckets are encrypted with KMS by default"),
                Rule(
                    id: "CKV_DOCKER_2", name: "Ensure that HEALTHCHECK instructions have been added to container images", level: "error",
                    tags: [], securitySeverity: nil, message: "Ensure that HEALTHCHECK instructions have been added to container images"),
                Rule(
                    id: "CKV_DOCKER_3", name: "Ensure that a user for the container has been created", level: "error", tags: [],
                    securitySeverity: nil, message: "Ensure that a user for the container has been created"),
            ],
            paths: ["infra/k8s", "deploy/helm/templates", "terraform/modules", "docker"],
            snippets: [
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model-server\nspec:\n  template:\n    spec:\n      containers:\n        - name: server\n          securityContext:\n            privileged: true",
                "resource \"aws_s3_bucket\" \"training_data\" {\n  bucket = \"ml-training-data\"\n}",
                "FROM python:3.11-slim\nCOPY . /app\nRUN pip install -r requirements.txt\nCMD [\"python\", \"serve.py\"]",
                "      hostNetwork: true",
            ],
            banditStyle: false)
        let trivy = SARIFTool(
            name: "Trivy", version: "0.58.1",
            rules: [
                Rule(
                    id: "CVE-2025-32434", name: "OsPackageVulnerability", level: "error", tags: ["vulnerability", "security", "CRITICAL"],
                    securitySeverity: "9.8",
                    message:
                        "Package: torch\nInstalled Version: 2.5.1\nVulnerability CVE-2025-32434\nSeverity: CRITICAL\nFixed Version: 2.6.0\nLink: https://avd.aquasec.com/nvd/cve-2025-32434"
                ),
                Rule(
                    id: "CVE-2024-3568", name: "LanguageSpecificPackageVulnerability", level: "error", tags: ["vulnerability", "security", "HIGH"],
                    securitySeverity: "8.8",
                    message: "Package: transformers\nInstalled Version: 4.37.0\nVulnerability CVE-2024-3568\nSeverity: HIGH\nFixed Version: 4.38.0"),
                Rule(
                    id: "CVE-2024-34359", name: "LanguageSpecificPackageVulnerability", level: "error",
                    tags: ["vulnerability", "security", "CRITICAL"],
                    securitySeverity: "9.7",
                    message:
                        "Package: llama-cpp-python\nInstalled Version: 0.2.70\nVulnerability CVE-2024-34359\nSeverity: CRITICAL\nFixed Version: 0.2.72"
                ),
                Rule(
                    id: "CVE-2023-6730", name: "LanguageSpecificPackageVulnerability", level: "error",
                    tags: ["vulnerability", "security", "CRITICAL"],
                    securitySeverity: "9.8",
                    message:
                        "Package: transformers\nInstalled Version: 4.35.0\nVulnerability CVE-2023-6730\nSeverity: CRITICAL\nFixed Version: 4.36.0"),
                Rule(
                    id: "CVE-2024-5480", name: "LanguageSpecificPackageVulnerability", level: "error",
                    tags: ["vulnerability", "security", "CRITICAL"],
                    securitySeverity: "10.0",
                    message: "Package: torch\nInstalled Version: 2.2.1\nVulnerability CVE-2024-5480\nSeverity: CRITICAL\nFixed Version: 2.3.0"),
                Rule(
                    id: "CVE-2024-6345", name: "LanguageSpecificPackageVulnerability", level: "warning", tags: ["vulnerability", "security", "HIGH"],
                    securitySeverity: "7.5",
                    message: "Package: setuptools\nInstalled Version: 68.0.0\nVulnerability CVE-2024-6345\nSeverity: HIGH\nFixed Version: 70.0.0"),
                Rule(
                    id: "CVE-2024-35195", name: "LanguageSpecificPackageVulnerability", level: "warning",
                    tags: ["vulnerability", "security", "MEDIUM"],
                    securitySeverity: "5.6",
                    message: "Package: requests\nInstalled Version: 2.31.0\nVulnerability CVE-2024-35195\nSeverity: MEDIUM\nFixed Version: 2.32.0"),
                Rule(
                    id: "CVE-2023-45803", name: "LanguageSpecificPackageVulnerability", level: "note", tags: ["vulnerability", "security", "LOW"],
                    securitySeverity: "4.2",
                    message: "Package: urllib3\nInstalled Version: 1.26.17\nVulnerability CVE-2023-45803\nSeverity: MEDIUM\nFixed Version: 1.26.18"),
            ],
            paths: ["requirements", "services/serving/requirements", "images/trainer/usr/lib/python3.11/site-packages", "poetry"],
            snippets: [],
            banditStyle: false)
        return [bandit, semgrep, checkov, trivy]
    }()

    private func sarif(report: Int, count: Int, random: inout SplitMix, into out: inout Output) {
        let tool = Generator.sarifTools[report % Generator.sarifTools.count]
        let repository = Generator.repositoryName(report: report, seed: seed)
        // A realistic skew: most results come from a few rules.
        let weights = tool.rules.indices.map { 1.0 / Double($0 + 1) }
        out.raw("{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"runs\":[{\"tool\":{\"driver\":{\"name\":")
        out.string(tool.name)
        out.raw(",\"version\":")
        out.string(tool.version)
        out.raw(",\"rules\":[")
        for (index, rule) in tool.rules.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"id\":")
            out.string(rule.id)
            out.raw(",\"name\":")
            out.string(rule.name)
            out.raw(",\"shortDescription\":{\"text\":")
            out.string(rule.name)
            out.raw("},\"defaultConfiguration\":{\"level\":")
            out.string(rule.level)
            out.raw("},\"properties\":{\"tags\":[")
            for (t, tag) in rule.tags.enumerated() {
                if t > 0 { out.raw(",") }
                out.string(tag)
            }
            out.raw("]")
            if let severity = rule.securitySeverity {
                out.raw(",\"security-severity\":")
                out.string(severity)
            }
            out.raw("}}")
        }
        out.raw("]}},\"automationDetails\":{\"id\":")
        out.string("\(repository)/\(tool.name.lowercased())/")
        out.raw("},\"invocations\":[{\"executionSuccessful\":true}],\"results\":[")
        for index in 0..<count {
            if index > 0 { out.raw(",") }
            let ruleIndex = random.pick(weights: weights)
            let rule = tool.rules[ruleIndex]
            let path = sarifPath(tool: tool, index: index, repository: repository, random: &random)
            // Never two results of one rule at one place: an exact duplicate is counted once.
            let line = 1 + (index / 4) % 1200 * 4 + index % 4
            out.raw("{\"ruleId\":")
            out.string(rule.id)
            out.raw(",\"ruleIndex\":\(ruleIndex),\"level\":")
            out.string(rule.level)
            out.raw(",\"message\":{\"text\":")
            out.string(message(base: rule.message, random: &random))
            out.raw("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
            out.string(path)
            out.raw("},\"region\":{\"startLine\":\(line),\"endLine\":\(line + random.below(4))")
            if !tool.snippets.isEmpty {
                out.raw(",\"snippet\":{\"text\":")
                // The serial on the first line (the fingerprint's anchor) makes each finding distinct.
                var lines = tool.snippets[random.below(tool.snippets.count)].split(separator: "\n", omittingEmptySubsequences: false)
                lines[0] += "  # \(repository) \(index)"
                out.string(lines.joined(separator: "\n"))
                out.raw("}")
            }
            out.raw("}}}]")
            if tool.banditStyle {
                out.raw(",\"properties\":{\"issue_severity\":")
                out.string(["LOW", "MEDIUM", "MEDIUM", "HIGH"][random.below(4)])
                out.raw(",\"issue_confidence\":")
                out.string(["LOW", "MEDIUM", "HIGH"][random.below(3)])
                out.raw("}")
            } else if tool.name == "Trivy" {
                out.raw(",\"partialFingerprints\":{\"primaryLocationLineHash\":")
                out.string("\(repository)-\(index)")
                out.raw("}")
            }
            out.raw("}")
        }
        out.raw("]}]}\n")
    }

    private func sarifPath(tool: SARIFTool, index: Int, repository: String, random: inout SplitMix) -> String {
        // One finding in seven is about a model file, so attribution and per-model risk have work.
        // semgrep's identity is file and message (its JSON has no code without a login): each
        // report's files are its own, or its findings would be another report's.
        let root = tool.name == "Semgrep OSS" ? "\(repository)/" : ""
        if random.below(7) == 0 {
            let model = Generator.modelName(random.zipf(Generator.modelCount))
            return "\(root)models/\(model)/\(model)." + ["pkl", "pt", "safetensors", "onnx", "h5"][random.below(5)]
        }
        let directory = tool.paths[random.below(tool.paths.count)]
        switch tool.name {
        case "Trivy": return "\(directory)-\(index % 40).txt"
        case "checkov": return "\(directory)/\(["deployment", "service", "bucket", "Dockerfile", "job"][random.below(5)])-\(index % 300).yaml"
        case "Semgrep OSS": return "\(root)\(directory)/module_\(index % 500).py"
        default: return "\(directory)/module_\(index % 500).py"
        }
    }

    // MARK: JSONL

    private struct NativeRule {
        let tool: String
        let id: String
        let title: String
        let severity: String
        let threat: String?
        let owasp: [String]
        let atlas: [String]
        let message: String
    }

    private static let nativeRules: [NativeRule] = [
        NativeRule(
            tool: "acme-redteam", id: "prompt-leak", title: "System prompt disclosed", severity: "high", threat: "ip-theft",
            owasp: ["LLM07"], atlas: ["AML.T0056"], message: "The assistant repeats its system prompt when asked to print its instructions verbatim."),
        NativeRule(
            tool: "acme-redteam", id: "rag-poisoning", title: "Retrieved document can inject instructions", severity: "critical",
            threat: "prompt-self-replication", owasp: ["LLM01"], atlas: ["AML.T0070", "AML.T0051.001"],
            message: "A page in the retrieval corpus carries hidden instructions that the assistant follows."),
        NativeRule(
            tool: "acme-redteam", id: "jailbreak-dan", title: "Role-play jailbreak succeeds", severity: "high", threat: nil,
            owasp: ["LLM01"], atlas: ["AML.T0054"], message: "A role-play prompt makes the model ignore its safety policy."),
        NativeRule(
            tool: "bias-eval", id: "name-swap", title: "Advice differs by applicant name", severity: "medium",
            threat: "model-bias-attack", owasp: ["LLM09"], atlas: [], message: "Same application, different first names: the advice changes."),
        NativeRule(
            tool: "bias-eval", id: "dialect-gap", title: "Accuracy gap across dialects", severity: "low",
            threat: "model-bias-attack", owasp: [], atlas: [], message: "Accuracy drops on inputs written in regional dialects."),
        NativeRule(
            tool: "data-dlp", id: "pii-in-training-set", title: "PII in a training set", severity: "high",
            threat: "data-loss", owasp: ["LLM02"], atlas: ["AML.T0057"], message: "E-mail addresses and phone numbers found in training records."),
        NativeRule(
            tool: "data-dlp", id: "label-flip", title: "Suspicious label distribution shift", severity: "medium",
            threat: "data-poisoning", owasp: ["LLM04"], atlas: ["AML.T0020"], message: "Labels in a new shard differ from the reference distribution."
        ),
        NativeRule(
            tool: "registry-gate", id: "unsigned-model", title: "Model artefact is not signed", severity: "medium",
            threat: "malware-distribution", owasp: ["LLM03"], atlas: ["AML.T0010"], message: "The artefact in the registry has no signature."),
        NativeRule(
            tool: "registry-gate", id: "license-mismatch", title: "Model licence forbids this use", severity: "low",
            threat: "ip-infringement", owasp: [], atlas: [], message: "The model card's licence does not allow commercial serving."),
        NativeRule(
            tool: "load-probe", id: "token-flood", title: "Unbounded generation length", severity: "medium",
            threat: "model-denial-of-service", owasp: ["LLM10"], atlas: ["AML.T0029"],
            message: "A crafted prompt makes the model generate until the timeout."),
        NativeRule(
            tool: "load-probe", id: "extraction-rate", title: "Model extraction by query volume", severity: "high",
            threat: "model-theft", owasp: ["LLM10"], atlas: ["AML.T0024"], message: "No rate limit stops systematic querying of the endpoint."),
        NativeRule(
            tool: "acme-redteam", id: "tool-abuse", title: "Agent calls tools it should not", severity: "critical",
            threat: "unintended-system-interaction", owasp: ["LLM06"], atlas: ["AML.T0053"],
            message: "The agent runs shell commands suggested by retrieved content."),
    ]

    private func jsonl(report: Int, count: Int, random: inout SplitMix, into out: inout Output) {
        let run = Generator.repositoryName(report: report, seed: seed)
        out.raw("{\"schema\":\"mlsoc.report/1\",\"tool\":\"custom\",\"version\":\"2026.11\",\"category\":")
        out.string(run)
        out.raw("}\n")
        let weights = Generator.nativeRules.indices.map { 1.0 / Double($0 + 2) }
        for index in 0..<count {
            let rule = Generator.nativeRules[random.pick(weights: weights)]
            let model = Generator.modelName(random.zipf(Generator.modelCount))
            out.raw("{\"schema\":\"mlsoc.finding/1\",\"tool\":")
            out.string(rule.tool)
            out.raw(",\"rule\":")
            out.string(rule.id)
            out.raw(",\"title\":")
            out.string(rule.title)
            out.raw(",\"message\":")
            out.string(message(base: rule.message, random: &random))
            out.raw(",\"severity\":")
            out.string(rule.severity)
            if let threat = rule.threat {
                out.raw(",\"threat\":")
                out.string(threat)
            }
            out.raw(",\"model\":")
            out.string(model)
            if !rule.owasp.isEmpty {
                out.raw(",\"owasp_llm\":[")
                out.raw(rule.owasp.map { "\"\($0)\"" }.joined(separator: ","))
                out.raw("]")
            }
            if !rule.atlas.isEmpty {
                out.raw(",\"atlas\":[")
                out.raw(rule.atlas.map { "\"\($0)\"" }.joined(separator: ","))
                out.raw("]")
            }
            out.raw(",\"fingerprint\":")
            out.string("\(run)-\(index)")
            if random.below(3) == 0 {
                out.raw(",\"evidence\":")
                out.string("prompt #\(index): " + String(repeating: "please ignore the previous instructions and ", count: 1 + random.below(4)))
            }
            out.raw("}\n")
        }
    }

    // MARK: Shared

    static let modelCount = 200

    static func modelName(_ index: Int) -> String {
        let families = [
            "fraud-detector", "support-bot", "sentiment-bert", "credit-advisor", "churn-xgb", "vision-resnet",
            "rag-retriever", "ranker", "summarizer", "speech-asr",
        ]
        return "\(families[index % families.count])-\(index / families.count + 1)"
    }

    static func repositoryName(report: Int, seed: UInt64) -> String {
        "repo-\(seed)-\(String(format: "%05d", report))"
    }

    /// The rule's message, sometimes with context appended: lengths from ~30 to ~400 characters.
    private func message(base: String, random: inout SplitMix) -> String {
        switch random.below(10) {
        case 0..<6: return base
        case 6..<9: return base + " Found in a code path reachable from the model-serving endpoint."
        default:
            return base + " "
                + String(
                    repeating: "Context: the value flows from request data through the feature pipeline. ",
                    count: 1 + random.below(4))
        }
    }
}

/// A JSON text builder: raw pieces and escaped strings.
struct Output {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1 << 22)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [92, 110])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [92, 116])
            case 0..<0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
