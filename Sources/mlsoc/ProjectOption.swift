import ArgumentParser
import FindingStore
import Findings
import Foundation

/// `--project NAME` on the reading commands: everything they show is that project's.
struct ProjectOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this project's findings, models and scans (default: every project).", valueName: "name"))
    var project: String?

    init() {}

    init(project: String?) {
        self.project = project
    }

    /// The project's id (nil for every project); an unknown name is an error that lists the known ones.
    func projectID(in store: FindingStore) throws -> Int64? {
        guard let project else { return nil }
        if let id = try store.projectID(named: project) { return id }
        let known = try store.projectNames()
        throw CLIError(
            "no project '\(TextForTerminal.safe(project))' in \(TextForTerminal.safe(store.path)); projects: "
                + (known.isEmpty ? "none yet" : known.map(TextForTerminal.safe).joined(separator: ", ")))
    }

    /// `filter` restricted to the project, when one is given, with `assignee:me` naming whoever runs it.
    func scoped(_ filter: FindingFilter) -> FindingFilter {
        filter.scoped(toProject: project).resolvingMe(as: AcceptanceProposal.person(Actor.current(environment: ProcessInfo.processInfo.environment)))
    }
}
