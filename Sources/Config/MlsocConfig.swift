import Findings
import Foundation
import JSONStream
import Yams

/// The user's configuration, `$XDG_CONFIG_HOME/mlsoc/config.yaml` (or `~/.config/mlsoc/config.yaml`):
/// today the model registry and its attribution rules.
///
/// ```yaml
/// theme: solarized-dark       # console colours; --theme and MLSOC_THEME win
/// clipboard: false            # `y` copies findings with OSC 52 unless this is false
/// risk:
///   weights: { critical: 10, high: 5, medium: 3, low: 1, info: 0 }   # per open finding
/// sla:
///   days: { critical: 7, high: 30, medium: 90, low: 120 }            # due = first seen + days
/// store:
///   mode: "0640"                # new store files: owner-only (0600) unless a group must read
///   location: postgres://mlsoc@db.example/mlsoc?sslmode=verify-full   # or a file; --db and MLSOC_DB win
/// triage:
///   max_acceptance_days: 90     # the longest a risk may be accepted for
///   expiry_warning_days: 7      # warn this long before an acceptance lapses
///   acceptance_approval: none   # `required`: four-eyes, another person approves each acceptance
/// views:                        # named Findings views: tabs 7–9 and `:view NAME` in the console
///   - name: crit-open
///     filter: "sev>=high state:open"
///     sort: due                   # severity, newest, oldest, due
///     group: rule                 # none, rule, artifact, model
///     columns: [id, sev, state, due, age, project, model, title]
/// models:
///   - name: fraud-detector
///     version: "2.3.0"        # optional
///     owner: risk-ml
///     criticality: 2          # risk multiplier, default 1
///     stage: deploy           # design | develop | deploy | monitor
///     paths: ["models/fraud-*", "*/fraud-detector/*"]   # artefact path globs → this model
///     aliases: [fraud-detector-v2]   # other names of the same model (file names, HF repo ids)
/// data_stores:                # what IaC findings are about (issue 17): a store's misconfiguration
///   - name: training-data     #   moves to the Data row (write → data poisoning; read, encryption,
///     data: training          #   logging → data loss), or to model theft for `data: weights`
///     resources: ["*training*"]   # globs on resource names (aws_s3_bucket.training_data)
///     paths: ["infra/data/*"]     # globs on the finding's file
/// projects:
///   - name: fraud-detection
///     owner: risk-ml
///     criticality: 2
///     repository: https://git.example/risk/fraud-detection
///     paths: ["*/fraud-detector/*", "/ci/reports/fraud/*"]   # report path globs → this project
/// ```
///
/// `MLSOC_CONFIG` names another file.
public struct MlsocConfig: Sendable, Equatable {
    /// One configured model.
    public struct Model: Sendable, Equatable, Codable {
        public var name: String
        public var version: String?
        public var owner: String?
        public var criticality: Double?
        public var stage: String?
        public var paths: [String]?
        public var aliases: [String]?
    }

    /// One configured project: its facts, and globs over report paths that put a scan in it when
    /// neither `--project`, the inbox folder nor the report itself names one.
    public struct Project: Sendable, Equatable, Codable {
        public var name: String
        public var owner: String?
        public var criticality: Double?
        public var repository: String?
        public var paths: [String]?

        public init(name: String, owner: String? = nil, criticality: Double? = nil, repository: String? = nil, paths: [String]? = nil) {
            self.name = name
            self.owner = owner
            self.criticality = criticality
            self.repository = repository
            self.paths = paths
        }
    }

    package struct Risk: Codable {
        var weights: [String: Double]?
    }

    package struct SLA: Codable {
        var days: [String: Int]?
    }

    package struct TriageSection: Codable {
        var maxAcceptanceDays: Int?
        var expiryWarningDays: Int?
        var acceptanceApproval: String?

        enum CodingKeys: String, CodingKey {
            case maxAcceptanceDays = "max_acceptance_days"
            case expiryWarningDays = "expiry_warning_days"
            case acceptanceApproval = "acceptance_approval"
        }
    }

    package struct StoreSection: Codable {
        /// Octal permission bits for a new store file, e.g. "0640" to let a group read it.
        var mode: String?
        /// The store: a SQLite file or a postgres:// URL (its password from PGPASSWORD, not here).
        var location: String?
    }

    /// The small sections, decoded by `YAMLDecoder`; `models:` and `projects:` are read from the
    /// YAML tree directly (MlsocConfig+Registry.swift).
    package struct File: Codable {
        var theme: String?
        var clipboard: Bool?
        var store: StoreSection?
        var risk: Risk?
        var sla: SLA?
        var triage: TriageSection?
        var dataStores: [DataStore]?
        var views: [View]?
        var commands: [Command]?
        var hooks: [Hook]?

        enum CodingKeys: String, CodingKey {
            case theme, clipboard, store, risk, sla, triage, views, commands, hooks
            case dataStores = "data_stores"
        }
    }

    /// A custom command (`commands:`), as k9s plugins and lazygit custom commands: a key in the
    /// Findings list or detail runs `command` with `/bin/sh -c`, the marked findings (or the one
    /// under the cursor) as JSON on stdin and in `MLSOC_*` variables.
    public struct Command: Codable, Sendable, Equatable {
        public var key: String
        public var description: String
        /// `findings` (the list) and/or `detail`; default both.
        public var views: [String]?
        public var command: String
        /// Ask first: `true`, or the question to ask.
        public var confirm: Confirm?
        /// Changes something outside: absent from the read-only dashboard, and audited when run.
        public var dangerous: Bool?
        /// Run without leaving the console, its output in a pane (default: in the terminal, the
        /// console suspended until it ends).
        public var background: Bool?
        /// Seconds before the command is stopped (default 60).
        public var timeout: Int?

        public enum Confirm: Codable, Sendable, Equatable {
            case yes(Bool)
            case prompt(String)

            public init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let flag = try? container.decode(Bool.self) {
                    self = .yes(flag)
                } else {
                    self = .prompt(try container.decode(String.self))
                }
            }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case let .yes(flag): try container.encode(flag)
                case let .prompt(text): try container.encode(text)
                }
            }
        }

        public init(
            key: String, description: String, views: [String]? = nil, command: String, confirm: Confirm? = nil, dangerous: Bool? = nil,
            background: Bool? = nil, timeout: Int? = nil
        ) {
            self.key = key
            self.description = description
            self.views = views
            self.command = command
            self.confirm = confirm
            self.dangerous = dangerous
            self.background = background
            self.timeout = timeout
        }
    }

    /// A hook (`hooks:`): a command run with events as a JSON array on stdin, delivered at least
    /// once from the store's outbox.
    public struct Hook: Codable, Sendable, Equatable {
        public var name: String
        /// The events it is run on (`HookEvent` names).
        public var on: [String]
        public var command: String
        /// Seconds before the command is stopped (default 30).
        public var timeout: Int?
        /// Events per run (default 100).
        public var batch: Int?

        public init(name: String, on: [String], command: String, timeout: Int? = nil, batch: Int? = nil) {
            self.name = name
            self.on = on
            self.command = command
            self.timeout = timeout
            self.batch = batch
        }

        public var events: Set<HookEvent> { Set(on.compactMap(HookEvent.init(rawValue:))) }
    }

    /// A named Findings view (`views:`): the console's tabs 7–9 and `:view NAME`.
    public struct View: Codable, Sendable, Equatable {
        public var name: String
        public var filter: String?
        public var sort: String?
        public var group: String?
        public var columns: [String]?

        public init(name: String, filter: String? = nil, sort: String? = nil, group: String? = nil, columns: [String]? = nil) {
            self.name = name
            self.filter = filter
            self.sort = sort
            self.group = group
            self.columns = columns
        }
    }

    public var models: [Model]
    public var projects: [Project] = []
    /// The console theme's name.
    public var theme: String?
    /// `y` in the console copies with OSC 52; `clipboard: false` turns it off.
    public var clipboard = true
    /// Weight of one open finding per severity in a model's score.
    public var weights: RiskWeights
    public var sla: SLAPolicy
    public var triage: TriageRules
    /// Permission bits of a new store file (and so of its -wal and -shm): owner-only by default.
    public var storeFileMode: UInt16 = 0o600
    /// The store when neither --db nor MLSOC_DB names one (`store: location:`).
    public var storeLocation: String?
    /// Where training data, features and model weights are kept (`data_stores:`): the mapping's
    /// resource context.
    public var dataStores: [DataStore] = []
    /// Named Findings views for the console (`views:`), checked: sort, group and filter parse.
    public var views: [View] = []
    /// Custom commands for the console (`commands:`), checked: one key, known views, a timeout in range.
    public var commands: [Command] = []
    /// Hooks (`hooks:`), checked: a unique name, known events, a timeout and batch in range.
    public var hooks: [Hook] = []
    /// Every event some hook wants: what the store writes to its outbox.
    public var hookEvents: Set<HookEvent> { hooks.reduce(into: []) { $0.formUnion($1.events) } }

    public init(
        models: [Model] = [], theme: String? = nil, weights: RiskWeights = .standard, sla: SLAPolicy = .standard,
        triage: TriageRules = .standard
    ) {
        self.triage = triage
        self.models = models
        self.theme = theme
        self.weights = weights
        self.sla = sla
    }

    public static func path(environment: [String: String]) -> String {
        environment["MLSOC_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? directory(environment: environment) + "/config.yaml"
    }

    /// mlsoc's config directory: `$XDG_CONFIG_HOME/mlsoc`, else `~/.config/mlsoc`.
    public static func directory(environment: [String: String]) -> String {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? ".") + "/.config"
        return base + "/mlsoc"
    }

    /// Reads the config; the default file missing is an empty config. A file that was asked for
    /// (`MLSOC_CONFIG`) and cannot be read, one that is not a regular file (a directory, a FIFO,
    /// /dev/zero) and a broken one are errors naming the file, the place and the key: never a
    /// silent fall back to default weights.
    public static func load(environment: [String: String]) throws -> MlsocConfig {
        let path = path(environment: environment)
        let asked = environment["MLSOC_CONFIG"].map { !$0.isEmpty } ?? false
        let bytes: [UInt8]?
        do {
            bytes = try ByteStream.readSmallFile(path, limit: 64 << 20, optional: !asked)
        } catch var error as IngestError {
            if asked { error.message = "MLSOC_CONFIG names a config that cannot be read: " + error.message }
            throw error
        }
        guard let bytes else { return MlsocConfig() }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw IngestError(.malformed, file: path, "not UTF-8 text")
        }
        // A large config (a registry of many models) is read from its parsed copy while the file
        // is unchanged (MlsocConfig+Cache.swift).
        let cache = ParsedConfigCache(configPath: path, size: bytes.count, environment: environment)
        if let cached = cache?.load() {
            return try assemble(cached.file, models: cached.models, projects: cached.projects, source: path)
        }
        let parts = try parts(yaml: text, source: path)
        cache?.store(parts)
        return try assemble(parts.file, models: parts.models, projects: parts.projects, source: path)
    }

    public static func parse(yaml text: String, source: String) throws -> MlsocConfig {
        let parts = try parts(yaml: text, source: source)
        return try assemble(parts.file, models: parts.models, projects: parts.projects, source: source)
    }

    /// The decoded sections, before their values are checked.
    package struct Parts: Codable {
        var file: File
        var models: [Model]
        var projects: [Project]
    }

    package static func parts(yaml text: String, source: String) throws -> Parts {
        let file: File
        let models: [Model]
        let projects: [Project]
        do {
            let node = try Yams.compose(yaml: text, .basic) ?? Node("")
            let (rest, modelsNode, projectsNode) = splitRegistry(node)
            file = rest.mapping == nil && rest.scalar?.string == "" ? File() : try YAMLDecoder().decode(File.self, from: markingMergeKeys(rest))
            models = try Self.models(modelsNode, source: source)
            projects = try Self.projects(projectsNode, source: source)
        } catch let error as IngestError {
            throw error
        } catch let error as YamlError {
            throw IngestError(.malformed, file: source, "not valid YAML: \(error)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.keyNotFound(_, context),
            let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context)
        {
            let key = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            throw IngestError(.malformed, file: source, "at \(key.isEmpty ? "the top" : key): \(context.debugDescription)")
        } catch {
            throw IngestError(.malformed, file: source, "\(error)")
        }
        return Parts(file: file, models: models, projects: projects)
    }

    /// The config from its decoded parts, checked: every value's range and name.
    package static func assemble(_ file: File, models: [Model], projects: [Project], source: String) throws -> MlsocConfig {
        var weights = RiskWeights.standard
        for (key, value) in file.risk?.weights ?? [:] {
            guard let severity = Severity.allCases.first(where: { $0.name == key }) else {
                throw IngestError(.malformed, file: source, "at risk.weights.\(key): not a severity (critical, high, medium, low, info)")
            }
            guard value >= 0, value <= 1000 else {
                throw IngestError(.malformed, file: source, "at risk.weights.\(key): must be between 0 and 1000")
            }
            weights.set(severity, value)
        }
        var sla = SLAPolicy.standard
        for (key, value) in file.sla?.days ?? [:] {
            guard let severity = Severity.allCases.first(where: { $0.name == key }) else {
                throw IngestError(.malformed, file: source, "at sla.days.\(key): not a severity (critical, high, medium, low, info)")
            }
            guard value > 0, value <= 3650 else {
                throw IngestError(.malformed, file: source, "at sla.days.\(key): must be between 1 and 3650 days")
            }
            sla.days[severity] = value
        }
        var triage = TriageRules.standard
        if let days = file.triage?.maxAcceptanceDays {
            guard (1...3650).contains(days) else {
                throw IngestError(.malformed, file: source, "at triage.max_acceptance_days: must be between 1 and 3650")
            }
            triage.maxAcceptanceDays = days
        }
        if let days = file.triage?.expiryWarningDays {
            guard (0...365).contains(days) else {
                throw IngestError(.malformed, file: source, "at triage.expiry_warning_days: must be between 0 and 365")
            }
            triage.expiryWarningDays = days
        }
        switch file.triage?.acceptanceApproval?.lowercased() {
        case nil, "none", "off": triage.acceptanceApproval = false
        case "required": triage.acceptanceApproval = true
        case let other?:
            throw IngestError(.malformed, file: source, "at triage.acceptance_approval: '\(other)' is not known: required or none")
        }
        for (index, view) in (file.views ?? []).enumerated() {
            let at = "at views[\(index)] (\(view.name))"
            if let sort = view.sort, FindingSort(rawValue: sort) == nil {
                throw IngestError(
                    .malformed, file: source, "\(at).sort: '\(sort)': one of \(FindingSort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let group = view.group, FindingGrouping(rawValue: group) == nil {
                throw IngestError(
                    .malformed, file: source, "\(at).group: '\(group)': one of \(FindingGrouping.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            do {
                _ = try FindingFilter.parse(view.filter ?? "")
            } catch {
                throw IngestError(.malformed, file: source, "\(at).filter: \(error.description)")
            }
        }
        for (index, command) in (file.commands ?? []).enumerated() {
            let at = "at commands[\(index)] (\(command.key))"
            guard command.key.count == 1, let scalar = command.key.unicodeScalars.first, scalar.value > 0x20, scalar.value < 0x7F else {
                throw IngestError(.malformed, file: source, "\(at).key: one printable ASCII character")
            }
            if let views = command.views, let unknown = views.first(where: { !["findings", "detail"].contains($0) }) {
                throw IngestError(.malformed, file: source, "\(at).views: '\(unknown)': findings or detail")
            }
            if let timeout = command.timeout, !(1...3600).contains(timeout) {
                throw IngestError(.malformed, file: source, "\(at).timeout: between 1 and 3600 seconds")
            }
            if command.command.trimmingCharacters(in: .whitespaces).isEmpty {
                throw IngestError(.malformed, file: source, "\(at).command: empty")
            }
        }
        var hookNames = Set<String>()
        for (index, hook) in (file.hooks ?? []).enumerated() {
            let at = "at hooks[\(index)] (\(hook.name))"
            guard !hook.name.isEmpty, hook.name.count <= 64, hookNames.insert(hook.name).inserted else {
                throw IngestError(.malformed, file: source, "\(at).name: a unique name of at most 64 characters")
            }
            guard !hook.on.isEmpty else { throw IngestError(.malformed, file: source, "\(at).on: at least one event") }
            if let unknown = hook.on.first(where: { HookEvent(rawValue: $0) == nil }) {
                throw IngestError(
                    .malformed, file: source, "\(at).on: '\(unknown)': one of \(HookEvent.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let timeout = hook.timeout, !(1...600).contains(timeout) {
                throw IngestError(.malformed, file: source, "\(at).timeout: between 1 and 600 seconds")
            }
            if let batch = hook.batch, !(1...10_000).contains(batch) {
                throw IngestError(.malformed, file: source, "\(at).batch: between 1 and 10000 events")
            }
        }
        var config = MlsocConfig(models: models, theme: file.theme, weights: weights, sla: sla, triage: triage)
        config.views = file.views ?? []
        config.commands = file.commands ?? []
        config.hooks = file.hooks ?? []
        config.triage.hookEvents = config.hookEvents
        config.clipboard = file.clipboard ?? true
        config.projects = projects
        for (index, project) in config.projects.enumerated() {
            if let problem = MlsocConfig.projectNameProblem(project.name) {
                throw IngestError(.malformed, file: source, "at projects.\(index).name: \(problem)")
            }
            if let criticality = project.criticality, !(criticality > 0 && criticality <= 100) {
                throw IngestError(.malformed, file: source, "at projects.\(index).criticality: must be a number above 0 (default 1)")
            }
        }
        if let text = file.store?.mode {
            // Owner read-write always; group read (and write) allowed; nothing for others.
            guard let bits = UInt16(text, radix: 8), bits & 0o600 == 0o600, bits & 0o7007 == 0, text.count <= 4 else {
                throw IngestError(
                    .malformed, file: source,
                    "at store.mode: '\(text)' must be octal like 0600 or 0640 (owner read-write; group at most read-write; nothing for others)")
            }
            config.storeFileMode = bits
        }
        if let location = file.store?.location {
            if location.isEmpty { throw IngestError(.malformed, file: source, "at store.location: empty (a file path or a postgres:// URL)") }
            if location.lowercased().hasPrefix("postgres"), URLComponents(string: location)?.password != nil {
                throw IngestError(
                    .malformed, file: source, "at store.location: a password in the config file; give it in PGPASSWORD instead")
            }
            config.storeLocation = location
        }
        for (index, store) in (file.dataStores ?? []).enumerated() {
            if store.name.isEmpty {
                throw IngestError(.malformed, file: source, "at data_stores.\(index).name: a data store needs a name")
            }
            if !DataStore.kinds.contains(store.data) {
                throw IngestError(
                    .malformed, file: source,
                    "at data_stores.\(index).data: '\(store.data)' is not one of \(DataStore.kinds.joined(separator: ", "))")
            }
            if (store.resources ?? []).isEmpty, (store.paths ?? []).isEmpty {
                throw IngestError(.malformed, file: source, "at data_stores.\(index): give resources or paths (globs) to recognise the store")
            }
        }
        config.dataStores = file.dataStores ?? []
        for (index, model) in config.models.enumerated() {
            if let stage = model.stage, !["design", "develop", "deploy", "monitor"].contains(stage) {
                throw IngestError(.malformed, file: source, "at models.\(index).stage: '\(stage)' is not one of design, develop, deploy, monitor")
            }
            if let criticality = model.criticality, !(criticality > 0 && criticality <= 100) {
                throw IngestError(.malformed, file: source, "at models.\(index).criticality: must be a number above 0 (default 1)")
            }
        }
        return config
    }

    /// The configured project whose path globs match a report's path, first in file order.
    public func project(forReport path: String) -> Project? {
        projects.first { project in (project.paths ?? []).contains { fnmatch($0, path, 0) == 0 } }
    }

    /// Why a project name cannot be used, or nil: names are what `--project`, `INBOX/<project>/` and
    /// the `project:` filter use, so they are one path component of printable characters.
    public static func projectNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "a project needs a name" }
        if name.count > 128 { return "a project name is at most 128 characters" }
        if name == "all" { return "'all' is reserved (it means every project in the console)" }
        if name.hasPrefix(".") || name.contains("/") { return "'\(name)' may not start with '.' or contain '/'" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || " *?,\"'\\".unicodeScalars.contains($0) }) {
            return "a project name has no spaces, control characters, quotes or any of * ? , \\"
        }
        return nil
    }

    /// The configured model whose path globs match the artefact, first in file order.
    public func model(forArtifact artifact: String) -> Model? {
        models.first { model in (model.paths ?? []).contains { fnmatch($0, artifact, 0) == 0 } }
    }
}
