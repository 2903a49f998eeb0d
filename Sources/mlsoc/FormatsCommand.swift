import ArgumentParser
import Ingest

extension Mlsoc {
    /// `mlsoc formats`: every report format mlsoc reads, how it is recognised, the versions it
    /// reads and an example file. Generated from the sniffer's rules and the parser table.
    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the report formats mlsoc reads: how each is recognised, versions, what becomes a finding.",
            discussion: "Reports are recognised by their structure, never by their file name (README, Formats)."
        )

        @Flag(name: .long, help: "One block per format, with every recognition rule and what becomes a finding.")
        var long = false

        func run() throws {
            let formats = FormatSniffer.Format.allCases.map(\.catalog)
            if long {
                for item in formats {
                    print("\(item.format.rawValue)")
                    print("  written by:    \(item.writtenBy)")
                    print("  versions:      \(item.versions)")
                    for (index, rule) in item.recognisedBy.enumerated() {
                        print(index == 0 ? "  recognised by: \(rule)" : "             or: \(rule)")
                    }
                    print("  findings:      \(item.findings)")
                    print("  example:       \(item.example)")
                    print("")
                }
                return
            }
            var rows = [["FORMAT", "VERSIONS", "RECOGNISED BY", "EXAMPLE"]]
            for item in formats {
                rows.append([item.format.rawValue, item.versions, item.recognisedBy.first ?? "", item.example])
            }
            print(TextTable.render(rows))
            print("mlsoc formats --long: every rule, the tools that write each format and what becomes a finding")
        }
    }
}
