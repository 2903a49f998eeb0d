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
        func when(_ at: Int64) -> String {
            let age = (now - at) / 86_400
            return age == 0 ? "today" : age == 1 ? "yesterday" : "\(age) days ago"
        }
        // What the scans say: for a control tested by named tools, whether one of them ran; for a
        // process control, whether the model was scanned at all.
        func byScans(evidenced: (_ tool: String, _ when: String) -> String) -> ComplianceResult.Cell {
            let process = control.process != nil
            guard let lastTested, let tool = tests.first?.tool else {
                let tools = control.testedBy.joined(separator: " or ")
                return ComplianceResult.Cell(
                    control: control, status: .noEvidence,
                    reason: process ? "no scan of \(name) was ever ingested" : "nothing tested \(control.id) on \(name): no scan by \(tools) ever ran"
                )
            }
            if now - lastTested > window {
                return ComplianceResult.Cell(
                    control: control, status: .stale, scans: shown, lastTested: lastTested,
                    reason: (process ? "no scan of \(name) in \(windowDays) days" : "nothing tested \(control.id) on \(name) in \(windowDays) days")
                        + ": the last, by \(tool), \(when(lastTested))")
            }
            return ComplianceResult.Cell(
                control: control, status: .evidenced, scans: shown, lastTested: lastTested,
                reason: evidenced(tool, when(lastTested)))
        }
        switch control.process {
        case .rescan?:
            return byScans { tool, when in "\(name) was scanned \(when) (last by \(tool))" }
        case .sla?:
            let breaches = facts.slaBreaches[model.id] ?? 0
            if breaches > 0 {
                return ComplianceResult.Cell(
                    control: control, status: .violated, open: breaches, scans: shown, lastTested: lastTested,
                    reason: "\(breaches) open finding\(breaches == 1 ? "" : "s") of \(name) past the SLA due date")
            }
            return byScans { tool, when in "nothing of \(name) is past its SLA; scanned \(when) (last by \(tool))" }
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
        return byScans { tool, when in "\(tool) tested \(control.id) on \(name) \(when), nothing open" }
    }
}
