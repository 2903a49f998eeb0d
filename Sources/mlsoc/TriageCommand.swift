import ArgumentParser
import FindingStore
import Findings
import Foundation

extension Mlsoc {
    /// Triage from the command line: the same rules, locking and audit trail as the console.
    struct Triage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the triage state, assignee or notes of findings.",
            discussion: """
                States: in_triage, exploitable, false_positive (--reason), not_affected (--justification, one of
                \(TriageRules.vexJustifications.joined(separator: ", "))), accepted (--reason and --accept-until,
                at most \(TriageRules.standard.maxAcceptanceDays) days; you are recorded as the approver), resolved (--note),
                new (reopen a closed finding, --reason).
                Each change is checked against the finding as it is when written, and recorded in its history
                with your account (from getuid, plus SUDO_USER and the ssh client when present).
                With four-eyes acceptance (config.yaml triage: acceptance_approval: required), --state accepted
                proposes the acceptance; another person approves it (--approve) or rejects it (--reject --reason);
                the store refuses an approval by the person who proposed it. `mlsoc findings acceptance:proposed`
                lists the queue.
                Examples:
                  mlsoc triage 42 43 --state false_positive --reason "test fixture, never deployed"
                  mlsoc triage 17 --state accepted --reason "vendor fix due in Q1" --accept-until +60d
                  mlsoc triage 17 --approve --note "checked with the vendor"
                  mlsoc triage 17 --ticket JIRA-4711
                  mlsoc triage 17 --assign alice --note "looking at the pickle opcodes"
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("Finding ids (as `mlsoc findings` prints them).", valueName: "id"))
        var ids: [Int64]

        @Option(help: ArgumentHelp("New state.", valueName: "state"))
        var state: String?

        @Option(help: ArgumentHelp("Why (required for false_positive, accepted and reopening).", valueName: "text"))
        var reason: String?

        @Option(help: ArgumentHelp("VEX justification (required for not_affected).", valueName: "justification"))
        var justification: String?

        @Option(help: ArgumentHelp("When an acceptance ends: YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or +Nd.", valueName: "date"))
        var acceptUntil: String?

        @Option(help: ArgumentHelp("Assign to this account (`none` to unassign).", valueName: "account"))
        var assign: String?

        @Option(help: ArgumentHelp("A note for the history (also the note of in_triage, exploitable and resolved).", valueName: "text"))
        var note: String?

        @Flag(help: "Approve the finding's proposed risk acceptance (four-eyes: not your own proposal).")
        var approve = false

        @Flag(help: "Reject the finding's proposed risk acceptance (--reason); on your own proposal, withdraw it.")
        var reject = false

        @Option(help: ArgumentHelp("Link the finding to a ticket: a key (JIRA-123) or a URL; `none` removes the link.", valueName: "key|url"))
        var ticket: String?

        @Option(help: ArgumentHelp("Only if the finding is still at this version (what you saw); otherwise nothing changes.", valueName: "n"))
        var ifVersion: Int?

        func validate() throws {
            if state == nil, assign == nil, note == nil, !approve, !reject, ticket == nil {
                throw ValidationError("nothing to do: give --state, --approve, --reject, --ticket, --assign or --note")
            }
            if [state != nil, approve, reject].filter({ $0 }).count > 1 {
                throw ValidationError("give one of --state, --approve and --reject")
            }
            if reject, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--reject needs --reason: why the acceptance is not right")
            }
            if let ticket, ticket != "none" {
                do {
                    try TriageRules.checkTicket(ticket)
                } catch {
                    throw ValidationError("bad --ticket: \(error.message)")
                }
            }
            if let state, TriageState(key: state) == nil {
                throw ValidationError("unknown state '\(state)': one of \(TriageState.allCases.map(\.key).joined(separator: ", "))")
            }
        }

        func actions(now: Int64) throws -> [TriageAction] {
            var actions: [TriageAction] = []
            if let state, let target = TriageState(key: state) {
                switch target {
                case .new: actions.append(.reopen(reason: reason ?? ""))
                case .inTriage: actions.append(.inTriage(note: note))
                case .exploitable: actions.append(.exploitable(note: note))
                case .falsePositive: actions.append(.falsePositive(reason: reason ?? ""))
                case .notAffected: actions.append(.notAffected(justification: justification ?? "", detail: reason))
                case .resolved: actions.append(.resolve(note: note ?? reason))
                case .accepted:
                    guard let text = acceptUntil else { throw ValidationError("accepted needs --accept-until DATE") }
                    guard let until = TriageDate.parse(text, now: now) else {
                        throw ValidationError("bad --accept-until '\(text)': write YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or +Nd")
                    }
                    actions.append(.acceptRisk(reason: reason ?? "", until: until))
                }
            }
            if approve { actions.append(.approveAcceptance(note: note)) }
            if reject { actions.append(.rejectAcceptance(reason: reason ?? "")) }
            if let ticket { actions.append(.ticket(ticket == "none" ? nil : ticket)) }
            if let assign { actions.append(.assign(assign == "none" ? nil : assign)) }
            let stateTakesNote =
                approve || [TriageState.inTriage, .exploitable, .resolved].contains(state.flatMap(TriageState.init(key:)))
            if let note, !stateTakesNote { actions.append(.note(note)) }
            return actions
        }

        func run() throws {
            let now = Int64(Date().timeIntervalSince1970)
            let actions = try actions(now: now)
            let store = try options.openStore(mode: .readWrite)
            let config = try options.config()
            let actor = Actor.current(environment: options.environment, store: store)
            try options.registerHooks(store)
            try store.lapseAcceptances(now: now, weights: config.weights, hookEvents: config.hookEvents)
            defer { options.deliverHooks(store) }
            var failed = 0
            for id in ids {
                var expected = ifVersion
                for action in actions {
                    let result = try store.triage(
                        id, expectedVersion: expected ?? store.version(of: id), action: action, actor: actor,
                        now: now, rules: config.triage, weights: config.weights)
                    switch result {
                    case let .applied(version, state):
                        expected = version
                        print(TextSanitizer.sanitize("#\(id): \(describe(action, rules: config.triage)) -> \(state.key) (version \(version))"))
                    case let .conflict(conflict):
                        failed += 1
                        print("#\(id): not changed: \(TextSanitizer.sanitize(conflict.message))")
                    case let .refused(why):
                        failed += 1
                        print("#\(id): refused: \(TextSanitizer.sanitize(why))")
                    case .missing:
                        failed += 1
                        print("#\(id): no such finding")
                    }
                    if case .applied = result {} else { break }
                }
            }
            if failed > 0 { throw ExitCode(1) }
        }

        func describe(_ action: TriageAction, rules: TriageRules) -> String {
            switch action {
            case let .assign(account): "assigned to \(account ?? "nobody")"
            case let .ticket(link): link.map { "linked to \($0)" } ?? "ticket link removed"
            case .acceptRisk where rules.acceptanceApproval: "acceptance proposed (awaiting another person's approval)"
            case .approveAcceptance: "acceptance approved"
            case .rejectAcceptance: "acceptance rejected"
            case .note: "note added"
            default: action.eventKind
            }
        }
    }

    /// One finding's audit trail.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the history of a finding: every event, oldest first.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("The finding id.", valueName: "id"))
        var id: Int64

        @Flag(help: "JSON lines instead of a table.")
        var json = false

        func run() throws {
            let store = try options.openStore(mode: .readOnly)
            guard let detail = try store.findingDetail(id: id) else { throw CLIError("no finding #\(id)") }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for event in detail.events {
                    let line = EventJSON(
                        id: event.id, finding: event.findingID, at: event.at, actor: event.actor, kind: event.kind,
                        from: event.from, to: event.to, reason: event.reason)
                    print(TextSanitizer.escapingUnsafeForJSON(String(decoding: try encoder.encode(line), as: UTF8.self)))
                }
                return
            }
            print(
                TextSanitizer.sanitize(
                    "#\(detail.id) \(detail.title) [\(detail.tool) \(detail.ruleID)] \(detail.state.key), version \(detail.version)"))
            var rows = [["WHEN (UTC)", "ACTOR", "EVENT", "CHANGE", "REASON"]]
            for event in detail.events {
                rows.append([
                    CivilDate.format(event.at), event.actor, event.kind,
                    [event.from, event.to].compactMap { $0 }.joined(separator: " -> "), event.reason ?? "",
                ])
            }
            print(TextTable.render(rows))
        }
    }
}

struct EventJSON: Encodable {
    var id: Int64
    var finding: Int64
    var at: Int64
    var actor: String
    var kind: String
    var from: String?
    var to: String?
    var reason: String?
}
