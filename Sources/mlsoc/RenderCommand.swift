import ArgumentParser
import ConsoleApp
import ConsoleUI
import Findings

extension Mlsoc {
    /// Prints a view as plain text, without a terminal: for tests, scripts and mail.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a view of the console as plain text."
        )

        @OptionGroup var options: GlobalOptions

        @Option(help: ArgumentHelp("The view: \(ViewID.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
        var view = "matrix"

        @Option(help: ArgumentHelp("Screen size, WIDTHxHEIGHT.", valueName: "WxH"))
        var size = "100x30"

        @Flag(help: "ASCII line drawing instead of Unicode.")
        var ascii = false

        @Option(help: ArgumentHelp("For --view findings: only this matrix cell (e.g. malware-distribution).", valueName: "threat"))
        var threat: String?

        func run() throws {
            guard let viewID = ViewID(rawValue: view) else {
                throw ValidationError("unknown view '\(view)': choose one of \(ViewID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let screenSize = Size(parsing: size) else {
                throw ValidationError("bad --size '\(size)': write it as WIDTHxHEIGHT, e.g. 100x30")
            }
            var cell: Threat?
            if let threat {
                guard let found = Threat(key: threat) else {
                    throw ValidationError("unknown threat '\(threat)': one of \(Threat.allCases.map(\.key).joined(separator: ", "))")
                }
                cell = found
            }
            let store = try options.openStore(mode: .readOnly)
            let buffer = HeadlessRender.render(store: store, view: viewID, size: screenSize,
                                               glyphs: ascii ? .ascii : .unicode, readOnly: false, threat: cell)
            print(buffer.plainText)
        }
    }
}
