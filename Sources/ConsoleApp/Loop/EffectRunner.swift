import Config
import ConsoleUI
import FindingStore
import Findings
import Foundation
import Ingest

/// What effects need beyond the store: the inboxes the console watches and its worker count.
public struct ConsoleContext: Sendable {
    public var inboxDirectories: [String]
    public var workers: Int
    public var now: @Sendable () -> Int64
    /// Who triage writes are recorded as (the OS account, SUDO_USER, ssh client).
    public var actor: String
    public var rules: TriageRules
    public var weights: RiskWeights
    /// The project the views are scoped to (the state's `project` when the effect was made); nil: all.
    public var project: String?
    /// Where saved views are kept (nil: not kept, as in the dashboard and the tests).
    public var memory: ConsoleMemory?
    /// The store's file, for custom commands (`MLSOC_STORE`).
    public var storePath: String?

    public init(
        inboxDirectories: [String] = [], workers: Int = 0, actor: String = "unknown", rules: TriageRules = .standard,
        weights: RiskWeights = .standard, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    ) {
        self.actor = actor
        self.rules = rules
        self.weights = weights
        self.inboxDirectories = inboxDirectories
        self.workers = workers
        self.now = now
    }
}

/// Runs effects against the store and reports their results as actions. Called off the UI thread
/// by the console, inline by `mlsoc render`.
public enum EffectRunner {
    /// `writer` is nil in the dashboard: triage effects then have nothing to write with.
    public static func run(
        _ effect: Effect, store: FindingStore, writer: (any TriageWriting)? = nil,
        context: ConsoleContext = ConsoleContext()
    ) -> Action? {
        do {
            return try perform(effect, store: store, writer: writer, context: context)
        } catch {
            return .failed("cannot read the store: \(error)")
        }
    }

    /// Undoes the analyst's last change to each finding; one outcome for all of them.
    private static func undo(_ ids: [Int64], writer: (any TriageWriting)?, context: ConsoleContext) throws -> Action {
        guard let writer else { return .failed("read-only: this view cannot change the store") }
        let results = try ids.map { id -> (id: Int64, result: TriageOutcome.Result) in
            let result = try writer.undoLast(id, actor: context.actor, now: context.now(), weights: context.weights)
            if case let .conflict(conflict) = result { return (id, .conflict("cannot undo: last \(conflict.message)")) }
            return (id, outcome(result))
        }
        return .triageDone(TriageOutcome(results: results, isUndo: true))
    }

    /// Runs a custom command; a dangerous one is recorded on every finding it ran for.
    static func runCustom(
        _ command: CustomCommand, _ rows: [FindingRow], writer: (any TriageWriting)?, context: ConsoleContext, capture: Bool
    ) -> Action {
        let outcome = CommandRunner.run(command, rows: rows, context: context, capture: capture)
        let status = outcome.status.map { "exit \($0)" } ?? "stopped after \(command.timeoutSeconds) s"
        if command.dangerous, let writer {
            let reason = "ran \(command.key) \(command.description): \(status)"
            do {
                try writer.recordCommand(ids: rows.map(\.id), actor: context.actor, now: context.now(), reason: reason)
            } catch {
                return .failed("\(command.description) ran (\(status)) but its audit event was not written: \(error)")
            }
        }
        return .customFinished(CommandOutput(title: command.description, status: outcome.status, text: outcome.output))
    }

    private static func perform(_ effect: Effect, store: FindingStore, writer: (any TriageWriting)?, context: ConsoleContext) throws -> Action? {
        // The console's project, and `assignee:me` naming whoever runs the console.
        let me = AcceptanceProposal.person(context.actor)
        let scoped = { (filter: FindingFilter) in filter.scoped(toProject: context.project).resolvingMe(as: me) }
        func scopedQuery(_ query: FindingQuery) -> FindingQuery {
            var query = query
            query.filter = scoped(query.filter)
            return query
        }
        // Only the summary reads need the id; a project not in the store (yet) has nothing: id -1 matches no row.
        var projectID: Int64? {
            get throws { try context.project.map { try store.projectID(named: $0) ?? -1 } }
        }
        switch effect {
        case .loadMatrix:
            let projectID = try projectID
            return .matrixLoaded(
                try store.matrixSummary(projectID: projectID, now: context.now()),
                try store.lifecycleSummary(projectID: projectID, now: context.now()),
                projects: try store.projectSummaries())
        case .loadModels:
            return .modelsLoaded(try store.modelRisks(now: context.now(), projectID: try projectID))
        case let .loadModelDetail(id):
            let breakdown = try store.modelBreakdown(modelID: id, projectID: try projectID, now: context.now())
            var query = FindingQuery(filter: scoped(FindingFilter(clauses: [.init(.states(TriageState.allCases.filter(\.isOpen)))])))
            query.modelID = id
            let top = try store.findingsPage(query, after: nil, limit: 10, now: context.now())
            var late = FindingQuery(filter: scoped(FindingFilter(clauses: [.init(.sla(.overdue))])), sort: .due)
            late.modelID = id
            let overdue = try store.findingsPage(late, after: nil, limit: 10, now: context.now())
            return .modelDetailLoaded(id: id, breakdown, top: top, overdue: overdue)
        case let .loadFindingsBefore(query, before, limit, generation):
            let cursor = before?.cursor(for: query.sort)
            let rows = try store.findingsPage(scopedQuery(query), after: cursor, limit: limit, now: context.now(), backward: true)
            return .findingsBefore(rows, tail: before == nil, generation: generation)
        case let .countFindings(query, generation):
            return .findingsCounted(try store.count(scopedQuery(query), now: context.now()), generation: generation)
        case let .loadGroups(query, grouping, generation):
            return .groupsLoaded(try store.findingGroups(scopedQuery(query), by: grouping, now: context.now()), generation: generation)
        case let .loadGroupTargets(query, command):
            let rows = try store.findingsPage(scopedQuery(query), after: nil, limit: Reducer.groupTargetLimit + 1, now: context.now())
            return .groupTargetsLoaded(rows, command: command)
        case let .markSimilar(query, findingID):
            guard let key = try store.ruleGroup(ofFinding: findingID) else { return .failed("finding #\(findingID) is gone") }
            var similar = scopedQuery(query)
            similar.group = key
            let rows = try store.findingsPage(similar, after: nil, limit: Reducer.groupTargetLimit + 1, now: context.now())
            return .similarLoaded(rows)
        case .loadVocabulary:
            return .vocabularyLoaded(
                FilterVocabulary(
                    tools: try store.toolNames(), models: try store.modelNames(limit: 20_000), rules: try store.ruleIDs(limit: 20_000),
                    accounts: try store.knownAccounts()))
        case let .loadPack(name):
            let packs = (try? CompliancePacks.all(environment: ProcessInfo.processInfo.environment)) ?? []
            guard let pack = packs.first(where: { $0.name == name }) else { return nil }
            return .packLoaded(pack, packs: packs.map(\.name))
        case let .loadCompliance(name):
            // A broken user pack is said in the view, not as a failed read.
            let environment = ProcessInfo.processInfo.environment
            let packs: [CompliancePack]
            do {
                packs = try CompliancePacks.all(environment: environment)
            } catch {
                return .complianceFailed("\(error)")
            }
            guard let pack = packs.first(where: { $0.name == name }) else {
                return .complianceFailed("no pack named '\(name)': one of \(packs.map(\.name).joined(separator: ", "))")
            }
            let now = context.now()
            let facts = try store.complianceFacts(now: now, projectID: try projectID)
            return .complianceLoaded(ComplianceEvaluator.evaluate(pack, facts: facts, now: now), packs: packs.map(\.name))
        case let .loadMetrics(weeks, model):
            let now = context.now()
            let projectID = try projectID
            var modelID: Int64?
            if let model {
                modelID = model == "none" ? 0 : try store.modelRisks(now: now, projectID: projectID).first { $0.id != 0 && $0.name == model }?.id
                guard modelID != nil else { return .failed("no model '\(model)'\(projectID == nil ? "" : " in this project")") }
            }
            return .metricsLoaded(try store.triageMetrics(since: now - Int64(weeks - 1) * 604_800, now: now, projectID: projectID, modelID: modelID))
        case .loadUnmapped:
            return .unmappedLoaded(
                try store.unmappedRules(scoped(FindingFilter()), now: context.now()).map { rule in
                    let suggestion = UnmappedSuggestion(rule)
                    return UnmappedItem(
                        tool: rule.tool, ruleID: rule.ruleID, title: rule.title, findings: rule.findings, open: rule.open,
                        worst: rule.worst, seen: suggestion.seen, suggestion: suggestion.ruleJSON)
                })
        case let .loadFindings(query, after, limit, generation):
            let cursor = after?.cursor(for: query.sort)
            let rows = try store.findingsPage(scopedQuery(query), after: cursor, limit: limit, now: context.now())
            return .findingsLoaded(rows, append: after != nil, generation: generation)
        case let .loadDetail(id):
            return .detailLoaded(try store.findingDetail(id: id, now: context.now()))
        case .loadIngest:
            let projectID = try projectID
            var snapshot = IngestSnapshot(
                scans: try store.recentScans(limit: 200, projectID: projectID),
                warnings: try store.recentWarnings(limit: 50, projectID: projectID).map { ScanWarningLine(scanID: $0.scanID, message: $0.message) },
                inboxes: context.inboxDirectories, workers: context.workers)
            for directory in context.inboxDirectories {
                let listing = Inbox.listing(directory: URL(fileURLWithPath: directory), quarantineLimit: 50)
                snapshot.queued += listing.queued
                snapshot.quarantine += listing.quarantined.map { QuarantinedFile(name: $0.name, reason: $0.reason, modified: $0.modified) }
            }
            return .ingestLoaded(snapshot)
        case let .loadAudit(filter, before, limit, generation):
            let page = try store.auditPage(filter: scoped(filter), before: before, limit: limit, now: context.now())
            return .auditLoaded(page, append: before != nil, generation: generation)
        case let .triage(targets, action):
            guard let writer else { return .failed("read-only: this view cannot change the store") }
            let results = try writer.triage(
                targets.map { (id: $0.id, version: $0.version) }, action: action, actor: context.actor,
                now: context.now(), rules: context.rules, weights: context.weights)
            var done = TriageOutcome(results: zip(targets, results).map { ($0.id, outcome($1)) })
            switch action {
            case .acceptRisk where context.rules.acceptanceApproval: done.step = "acceptance proposed: awaiting another person's approval"
            case .approveAcceptance: done.step = "acceptance approved"
            case .rejectAcceptance: done.step = "proposed acceptance rejected"
            default: break
            }
            return .triageDone(done)
        case let .undo(id):
            return try undo([id], writer: writer, context: context)
        case let .undoGroup(ids):
            return try undo(ids, writer: writer, context: context)
        case let .runCustom(command, rows):
            return runCustom(command, rows, writer: writer, context: context, capture: true)
        case let .saveViews(views):
            context.memory?.rememberViews(views)
            return nil
        case .setTheme, .suspend, .copy:
            return nil
        }
    }

    static func outcome(_ result: TriageResult) -> TriageOutcome.Result {
        switch result {
        case let .applied(_, state): .applied(state)
        case let .conflict(conflict): .conflict(conflict.message)
        case let .refused(why): .refused(why)
        case .missing: .missing
        }
    }
}
