import ArgumentParser
import ConsoleUI
import FindingStore
import Foundation
import Ingest

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The findings store file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Colour theme: \(Theme.builtIn.map(\.name).joined(separator: ", ")).", valueName: "name"))
    var theme: String?

    @Flag(name: .long, help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var storePath: String { StorePath.resolve(explicit: db, environment: environment) }

    var colorEnabled: Bool {
        !noColor && (environment["NO_COLOR"].map(\.isEmpty) ?? true)
    }

    func resolvedTheme() throws -> Theme {
        let name = theme ?? environment["MLSOC_THEME"] ?? "dark"
        guard let found = Theme.named(name) else {
            throw ValidationError("unknown theme '\(name)': choose one of \(Theme.builtIn.map(\.name).joined(separator: ", "))")
        }
        return found
    }

    /// The bundled mapping rules with the user's file in front.
    func mappingRules() throws -> MappingRules {
        do {
            return try MappingRules.load(environment: environment)
        } catch let error as IngestError {
            throw CLIError(error.description)
        }
    }

    /// The user's config file (models and their path rules); none is an empty config.
    func config() throws -> MlsocConfig {
        do {
            return try MlsocConfig.load(environment: environment)
        } catch let error as IngestError {
            throw CLIError(error.description)
        }
    }

    /// The ingestor every ingesting command uses: mapping rules, config and the acting account.
    func ingestor(store: FindingStore) throws -> ReportIngestor {
        ReportIngestor(store: store, mapping: try mappingRules(), actor: Actor.current(environment: environment), config: try config())
    }

    func openStore(mode: FindingStore.Mode) throws -> FindingStore {
        do {
            return try FindingStore(path: storePath, mode: mode)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }
}

/// An error the CLI prints as one line and exits non-zero on.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
