import ArgumentParser
import ConsoleApp
import ConsoleUI
import Findings

extension Mlsoc {
    /// Prints a view as plain text, without a terminal: for tests, scripts and mail.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a view of the console as plain text.",
            discussion: """
                Runs the console's own reducer, store reads and views, read-only, and prints the screen.
                Examples:
                  mlsoc render --view findings --filter 'sev>=high tool:garak' --size 160x48
                  mlsoc render --view findings --filter 'id:42' --detail
                  mlsoc render --view models --detail      # the top model's detail
                  mlsoc render --view matrix --pivot       # targets × lifecycle stage
                """
        )

        @OptionGroup var options: GlobalOptions

        @Option(help: ArgumentHelp("The view: \(ViewID.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
        var view = "matrix"

        @Option(help: ArgumentHelp("Screen size, WIDTHxHEIGHT.", valueName: "WxH"))
        var size = "100x30"

        @Flag(help: "ASCII line drawing instead of Unicode.")
        var ascii = false

        @Option(help: ArgumentHelp("For findings and audit: a filter, e.g. 'sev>=high state:open model:fraud*'.", valueName: "filter"))
        var filter: String?

        @Option(help: ArgumentHelp("Scope every view to this project (as `:project NAME` in the console).", valueName: "name"))
        var project: String?

        @Option(help: ArgumentHelp("For findings: only this matrix cell (same as --filter threat:KEY).", valueName: "threat"))
        var threat: String?

        @Option(help: ArgumentHelp("For findings: \(FindingSort.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "order"))
        var sort = "severity"

        @Flag(help: "Open the detail: of the first finding (findings), or of the riskiest model (models).")
        var detail = false

        @Flag(help: "For matrix: targets × lifecycle stage instead of targets × threats.")
        var pivot = false

        func run() throws {
            guard let viewID = ViewID(rawValue: view) else {
                throw ValidationError("unknown view '\(view)': choose one of \(ViewID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let screenSize = Size(parsing: size) else {
                throw ValidationError("bad --size '\(size)': write it as WIDTHxHEIGHT, e.g. 100x30")
            }
            guard let order = FindingSort(rawValue: sort) else {
                throw ValidationError("unknown --sort '\(sort)': choose one of \(FindingSort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var text = filter ?? ""
            if let threat {
                guard Threat(key: threat) != nil else {
                    throw ValidationError("unknown threat '\(threat)': one of \(Threat.allCases.map(\.key).joined(separator: ", "))")
                }
                text = "threat:\(threat) " + text
            }
            let parsed: FindingFilter?
            do {
                parsed = text.isEmpty ? nil : try FindingFilter.parse(text)
            } catch {
                throw ValidationError("bad --filter: \(TextForTerminal.safe(error.message)) at column \(error.column)\n" + error.pointing(at: text))
            }
            let store = try options.openStore(mode: .readOnly)
            if let project { _ = try ProjectOption(project: project).projectID(in: store) }
            var renderOptions = HeadlessRender.Options(
                filter: parsed, detail: detail, pivot: pivot, sort: order,
                weights: try options.config().weights)
            renderOptions.project = project
            let buffer = HeadlessRender.render(
                store: store, view: viewID, size: screenSize, glyphs: ascii ? .ascii : .unicode,
                readOnly: false, options: renderOptions)
            print(buffer.plainText)
        }
    }
}
