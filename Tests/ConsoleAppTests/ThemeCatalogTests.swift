import ConsoleApp
import ConsoleUI
import Foundation
import TestSupport
import Testing

@Suite struct ThemeCatalogTests {
    @Test("every bundled theme parses and styles every role it names", arguments: ThemeCatalog.bundledNames)
    func bundled(name: String) throws {
        let theme = try ThemeCatalog.load(name, environment: [:])
        #expect(theme.name == name)
        #expect(!theme.styles.isEmpty)
        if name != "mono" {
            // Colour themes style the roles views rely on to be readable.
            for role: StyleRole in [.header, .footer, .selection, .severityCritical, .heat4, .error, .tabActive] {
                #expect(theme.styles[role] != nil, "\(name) lacks \(role)")
            }
        } else {
            #expect(theme.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        }
    }

    @Test("the files under themes/ are the ones built in")
    func filesAreBundled() throws {
        let directory = TestPaths.packageRoot.appendingPathComponent("themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(ThemeCatalog.bundledNames))
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let parsed = try ThemeCatalog.parse(text, source: file)
            #expect(parsed == (try ThemeCatalog.load(String(file.dropLast(5)), environment: [:])))
        }
    }

    @Test(
        "errors name the file, the line and the key",
        arguments: [
            ("name: x\nroles:\n  header: { fg: 255 }\n  heder: { fg: 1 }\n", 4, "unknown role 'heder'"),
            ("name: x\nroles:\n  header:\n    fg: purpel\n", 4, "header.fg: bad colour 'purpel'"),
            ("name: x\nroles:\n  title: { fg: 300 }\n", 3, "title.fg: bad colour '300'"),
            ("name: x\nroles:\n  title: { bold: maybe }\n", 3, "title.bold: expected true or false"),
            ("name: x\nroles:\n  title: { blink: true }\n", 3, "unknown key 'blink'"),
            ("name: x\ncolours: {}\n", 2, "unknown key 'colours'"),
            ("name: x\nroles: [1, 2]\n", 2, "`roles` must map"),
            ("name: x\nroles:\n  title: { fg: 1\n", 4, "not valid YAML"),
        ])
    func errors(text: String, line: Int, message: String) {
        do {
            _ = try ThemeCatalog.parse(text, source: "t.yaml")
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.source == "t.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test("colour names, bright names, numbers and default")
    func colours() throws {
        let theme = try ThemeCatalog.parse(
            "roles:\n  title: { fg: bright-blue, bg: 17 }\n  muted: { fg: red, bg: default }\n  border: { fg: 7 }\n",
            source: "c.yaml")
        #expect(theme.name == "c")
        #expect(theme.style(.title) == Style(.ansi(12), .indexed(17)))
        #expect(theme.style(.muted) == Style(.ansi(1), .terminalDefault))
        #expect(theme.style(.border) == Style(.ansi(7)))
    }

    @Test("a user theme in the config directory is found, listed, and wins over a bundled one")
    func userThemes() throws {
        let home = try TestPaths.temporaryDirectory("mlsoc-themes")
        let directory = home.appendingPathComponent("mlsoc/themes")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "name: night\nroles:\n  title: { fg: 1 }\n".write(to: directory.appendingPathComponent("night.yaml"), atomically: true, encoding: .utf8)
        try "name: dark\nroles:\n  title: { fg: 2 }\n".write(to: directory.appendingPathComponent("dark.yaml"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": home.path]
        #expect(ThemeCatalog.names(environment: environment) == ThemeCatalog.bundledNames + ["night"])
        #expect(try ThemeCatalog.load("night", environment: environment).style(.title) == Style(.ansi(1)))
        #expect(try ThemeCatalog.load("dark", environment: environment).style(.title) == Style(.ansi(2)))
    }

    @Test("an unknown or broken theme falls back to dark and says why")
    func fallback() {
        let (theme, warning) = ThemeCatalog.loadOrDefault("nope", environment: [:])
        #expect(theme.name == "dark")
        #expect(warning?.contains("no such theme") == true)
        #expect(ThemeCatalog.loadOrDefault("light", environment: [:]).warning == nil)
    }

    @Test("the colour ladder: 256 → 16 → 8")
    func ladder() {
        #expect(Color.indexed(196).fitted(to: 256) == .indexed(196))
        #expect(Color.indexed(196).fitted(to: 16) == .ansi(9))
        #expect(Color.indexed(196).fitted(to: 8) == .ansi(1))
        #expect(Color.ansi(12).fitted(to: 8) == .ansi(4))
        #expect(Color.terminalDefault.fitted(to: 8) == .terminalDefault)
    }
}
