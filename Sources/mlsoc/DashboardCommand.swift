import ArgumentParser
import ConsoleApp
import ConsoleUI
import CursesTerminal
import FindingStore
import Foundation

extension Mlsoc {
    /// The read-only console for wall screens and restricted accounts.
    struct Dashboard: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A read-only console: for wall screens (--kiosk) and accounts that must not change anything.",
            discussion: """
                The store is opened with SQLITE_OPEN_READONLY and PRAGMA query_only, and the dashboard is given
                no writer at all: no key and no code path in it can change the store. Keys that would (triage)
                are not bound; the header shows RO. New commits show within a second; a store file replaced by
                a restore is reopened.
                An account that may read but not write the store needs read access to the file and to its -wal
                and -shm files, which must exist (they do while a writer such as `mlsoc watch` has it open).
                --kiosk: no cursor, no menus, large totals, a clock, and the views in turn.
                """
        )

        @OptionGroup var options: GlobalOptions

        @Flag(help: "Kiosk mode for wall screens.")
        var kiosk = false

        @Option(help: ArgumentHelp("Kiosk: how long each view shows, e.g. 20s or 1m.", valueName: "duration"))
        var rotate = "20s"

        @Option(help: ArgumentHelp("Kiosk: the views in turn, from \(ViewID.tabs.map(\.rawValue).joined(separator: ",")).", valueName: "list"))
        var views = "matrix,models,ingest"

        func parsedViews() throws -> [ViewID] {
            try views.split(separator: ",").map { name in
                guard let view = ViewID(rawValue: name.trimmingCharacters(in: .whitespaces)), ViewID.tabs.contains(view) else {
                    throw ValidationError("unknown view '\(name)' in --views: use \(ViewID.tabs.map(\.rawValue).joined(separator: ","))")
                }
                return view
            }
        }

        @OptionGroup var scope: ProjectOption

        func rotation() throws -> Duration {
            let text = rotate.lowercased()
            let unit: Int64 = text.hasSuffix("m") ? 60 : 1
            guard let value = Int64(text.trimmingCharacters(in: CharacterSet(charactersIn: "sm"))), value > 0, value * unit <= 3600 else {
                throw ValidationError("bad --rotate '\(rotate)': e.g. 20s or 2m (at most 60m)")
            }
            return .seconds(value * unit)
        }

        func validate() throws {
            _ = try parsedViews()
            _ = try rotation()
        }

        func run() throws {
            let store = try options.openStore(mode: .readOnly)
            // A wall screen per team: --project scopes it (read-only: nothing is remembered).
            _ = try scope.projectID(in: store)
            let exit = try ConsoleLaunch.dashboard(
                try options.launchSetup(store: store), project: scope.project,
                kiosk: kiosk ? KioskOptions(views: try parsedViews(), rotate: try rotation()) : nil)
            if case let .signal(number) = exit { throw ExitCode(128 + number) }
        }
    }
}
