/// Statuses from facts: violated before accepted before what the scans say. Pure: the store reads
/// the facts, the clock is a parameter.
public enum ComplianceEvaluator {
    public static func evaluate(_ pack: CompliancePack, facts: ComplianceFacts, now: Int64) -> ComplianceResult {
        let window = Int64(pack.windowDays) * 86_400
        var groupsByModel: [Int64: [ComplianceFacts.FindingGroup]] = [:]
        for group in facts.findings { groupsByModel[group.modelID, default: []].append(group) }
        let scans = facts.scans.sorted { $0.ingestedAt > $1.ingestedAt }
        let modelNames = Set(facts.models.map(\.name))
        let rows = facts.models.map { model in
            let groups = groupsByModel[model.id] ?? []
            let covering = scans.filter { $0.covers(model, modelNames: modelNames) }
            let cells = pack.controls.map { control in
                cell(control, model: model, groups: groups, scans: covering, facts: facts, window: window, windowDays: pack.windowDays, now: now)
            }
            return ComplianceResult.ModelRow(model: model, cells: cells)
        }
        return ComplianceResult(pack: pack, now: now, rows: rows)
    }

    static func cell(
        _ control: ComplianceControl, model: ComplianceFacts.Model, groups: [ComplianceFacts.FindingGroup], scans: [ComplianceFacts.Scan],
        facts: ComplianceFacts, window: Int64, windowDays: Int, now: Int64
    ) -> ComplianceResult.Cell {
        let name = model.version.isEmpty ? model.name : "\(model.name) \(model.version)"
        guard control.applies(kind: model.kind, stage: model.stage) else {
            let stage = model.stage.map { " at stage \($0)" } ?? ""
            return ComplianceResult.Cell(control: control, status: .notApplicable, reason: "\(control.id) does not apply to a \(model.kind)\(stage)")
        }
        // The scans that test it: by a named tool, or for a process control any scan of the model.
        let tests = control.process == nil ? scans.filter { control.testedBy.contains($0.tool) } : scans
        let lastTested = tests.first?.ingestedAt
        let shown = Array(tests.prefix(5))
        func byScans(_ what: String) -> ComplianceResult.Cell {
            guard let lastTested else {
                let tools = control.testedBy.isEmpty ? "any scanner" : control.testedBy.joined(separator: " or ")
                return ComplianceResult.Cell(
                    control: control, status: .noEvidence, reason: "nothing tested \(control.id) on \(name): no \(what) by \(tools) ever ran")
            }
            let age = (now - lastTested) / 86_400
            let tool = tests.first?.tool ?? "?"
            if now - lastTested > window {
                return ComplianceResult.Cell(
                    control: control, status: .stale, scans: shown, lastTested: lastTested,
                    reason: "nothing tested \(control.id) on \(name) in \(windowDays) days: last \(tool) scan \(age) days ago")
            }
            return ComplianceResult.Cell(
                control: control, status: .evidenced, scans: shown, lastTested: lastTested,
                reason: "\(tool) tested \(control.id) on \(name) \(age == 0 ? "today" : "\(age) days ago"), nothing open")
        }
        switch control.process {
        case .rescan?:
            return byScans("scan")
        case .sla?:
            let breaches = facts.slaBreaches[model.id] ?? 0
            if breaches > 0 {
                return ComplianceResult.Cell(
                    control: control, status: .violated, open: breaches, scans: shown, lastTested: lastTested,
                    reason: "\(breaches) open finding\(breaches == 1 ? "" : "s") of \(name) past the SLA due date")
            }
            return byScans("scan")
        case .triage?:
            let trail = facts.triage[model.id] ?? ComplianceFacts.Triage()
            if trail.unapprovedAcceptances > 0 {
                return ComplianceResult.Cell(
                    control: control, status: .violated, open: trail.unapprovedAcceptances, lastTested: trail.lastDecision,
                    reason:
                        "\(trail.unapprovedAcceptances) acceptance\(trail.unapprovedAcceptances == 1 ? "" : "s") on \(name) without an approver or an end date"
                )
            }
            guard let last = trail.lastDecision else {
                return ComplianceResult.Cell(control: control, status: .noEvidence, reason: "no triage decision on \(name) was ever recorded")
            }
            let age = (now - last) / 86_400
            return ComplianceResult.Cell(
                control: control, status: now - last > window ? .stale : .evidenced, lastTested: last,
                reason: "last triage decision on \(name) \(age == 0 ? "today" : "\(age) days ago")")
        case nil:
            break
        }
        let matching = groups.filter { control.matches(threat: $0.threat, ids: $0.ids) }
        let open = matching.reduce(0) { $0 + $1.open }
        let accepted = matching.reduce(0) { $0 + $1.accepted }
        let sample = Array(matching.flatMap(\.sample).sorted().prefix(10))
        if open > 0 {
            return ComplianceResult.Cell(
                control: control, status: .violated, open: open, accepted: accepted, findings: sample, scans: shown, lastTested: lastTested,
                reason: "\(open) open finding\(open == 1 ? "" : "s") of \(name) mapped to \(control.id)")
        }
        if accepted > 0 {
            return ComplianceResult.Cell(
                control: control, status: .accepted, accepted: accepted, findings: sample, scans: shown, lastTested: lastTested,
                reason: "\(accepted) finding\(accepted == 1 ? "" : "s") of \(name) mapped to \(control.id), all under a risk acceptance in force")
        }
        return byScans("scan")
    }
}
