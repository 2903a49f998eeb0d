import Config
import ConsoleUI
import Foundation
import Ingest
import Yams

/// A theme file that cannot be used: which file, which line, which key, and why.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var message: String

    public var description: String { "\(source):\(line): \(message)" }
}

/// The themes mlsoc knows: the files in `themes/` (built into the binary) and the user's own in
/// `$XDG_CONFIG_HOME/mlsoc/themes/NAME.yaml`, which win over a bundled theme of the same name.
/// The format is YAML, read with Yams so that every error carries its line.
public enum ThemeCatalog {
    public static let defaultName = "dark"

    static let bundled: [String: [UInt8]] = [
        "dark": PackageResources.dark_yaml,
        "light": PackageResources.light_yaml,
        "high-contrast": PackageResources.high_contrast_yaml,
        "solarized-dark": PackageResources.solarized_dark_yaml,
        "mono": PackageResources.mono_yaml,
    ]

    public static let bundledNames = ["dark", "light", "high-contrast", "solarized-dark", "mono"]

    /// The user's theme directory.
    public static func userDirectory(environment: [String: String]) -> URL {
        URL(fileURLWithPath: MlsocConfig.directory(environment: environment)).appendingPathComponent("themes", isDirectory: true)
    }

    /// Every theme name on offer: bundled first, then the user's.
    public static func names(environment: [String: String]) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: userDirectory(environment: environment).path)) ?? []
        let user = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        return bundledNames + user.filter { !bundledNames.contains($0) }
    }

    /// The named theme, read and checked. `name` may also be a path to a theme file.
    public static func load(_ name: String, environment: [String: String]) throws(ThemeError) -> Theme {
        let userFile = userDirectory(environment: environment).appendingPathComponent(name + ".yaml")
        let path = name.contains("/") || name.hasSuffix(".yaml") ? URL(fileURLWithPath: name) : userFile
        if FileManager.default.fileExists(atPath: path.path) {
            guard let data = FileManager.default.contents(atPath: path.path), let text = String(data: data, encoding: .utf8) else {
                throw ThemeError(source: path.path, line: 0, message: "cannot read the theme file (not UTF-8 text?)")
            }
            return try parse(text, source: path.path)
        }
        guard let bytes = bundled[name] else {
            throw ThemeError(
                source: name, line: 0,
                message:
                    "no such theme: choose one of \(names(environment: environment).joined(separator: ", ")), or put \(name).yaml in \(userDirectory(environment: environment).path)"
            )
        }
        return try parse(String(decoding: bytes, as: UTF8.self), source: "themes/\(name).yaml")
    }

    /// The named theme, or the default one with the reason it was not used.
    public static func loadOrDefault(_ name: String, environment: [String: String]) -> (theme: Theme, warning: String?) {
        do {
            return (try load(name, environment: environment), nil)
        } catch {
            let fallback = (try? load(defaultName, environment: [:])) ?? Theme.plain
            // The status line has one line: the file's name, not its whole path, so that the line
            // and the key the error names fit beside it (the user named the file).
            var reason = error
            if !reason.source.hasPrefix("themes/") { reason.source = URL(fileURLWithPath: reason.source).lastPathComponent }
            return (fallback, "using the \(fallback.name) theme: \(reason)")
        }
    }

    /// Reads a theme file's text.
    public static func parse(_ text: String, source: String) throws(ThemeError) -> Theme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ThemeError(source: source, line: line(of: error), message: "not valid YAML: \(problem(of: error))")
        } catch {
            throw ThemeError(source: source, line: 0, message: "not valid YAML: \(error)")
        }
        guard let mapping = root?.mapping else {
            throw ThemeError(source: source, line: root?.mark?.line ?? 1, message: "a theme is a mapping with `name` and `roles`")
        }
        var name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        var styles: [StyleRole: Style] = [:]
        for (key, value) in mapping {
            let line = key.mark?.line ?? 0
            switch key.string {
            case "name":
                guard let text = value.string, !text.isEmpty else {
                    throw ThemeError(source: source, line: line, message: "`name` must be text")
                }
                name = text
            case "roles":
                guard let roles = value.mapping else {
                    throw ThemeError(source: source, line: line, message: "`roles` must map role names to styles")
                }
                for (roleKey, styleNode) in roles {
                    let roleLine = roleKey.mark?.line ?? line
                    guard let roleName = roleKey.string, let role = StyleRole(rawValue: roleName) else {
                        throw ThemeError(
                            source: source, line: roleLine,
                            message:
                                "unknown role '\(roleKey.string ?? "?")': roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    styles[role] = try style(styleNode, role: roleName, source: source, line: roleLine)
                }
            default:
                throw ThemeError(source: source, line: line, message: "unknown key '\(key.string ?? "?")': a theme has `name` and `roles`")
            }
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ node: Node, role: String, source: String, line: Int) throws(ThemeError) -> Style {
        guard let mapping = node.mapping else {
            throw ThemeError(source: source, line: line, message: "\(role): a style is a mapping such as { fg: 81, bold: true }")
        }
        var style = Style()
        for (key, value) in mapping {
            let keyLine = key.mark?.line ?? line
            let name = key.string ?? "?"
            switch name {
            case "fg", "bg":
                guard let color = color(value) else {
                    throw ThemeError(
                        source: source, line: keyLine,
                        message: "\(role).\(name): bad colour '\(value.string ?? "?")': use 0-255, a name (red, bright-blue, …) or default")
                }
                if name == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "reverse", "underline", "dim":
                guard let flag = value.bool else {
                    throw ThemeError(source: source, line: keyLine, message: "\(role).\(name): expected true or false")
                }
                switch name {
                case "bold": style.bold = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.dim = flag
                }
            default:
                throw ThemeError(
                    source: source, line: keyLine,
                    message: "\(role): unknown key '\(name)': a style has fg, bg, bold, reverse, underline, dim")
            }
        }
        return style
    }

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func color(_ node: Node) -> Color? {
        if let number = node.int { return (0...255).contains(number) ? (number < 16 ? .ansi(number) : .indexed(number)) : nil }
        guard let text = node.string?.lowercased() else { return nil }
        if text == "default" { return .terminalDefault }
        if let index = ansiNames.firstIndex(of: text) { return .ansi(index) }
        if text.hasPrefix("bright-"), let index = ansiNames.firstIndex(of: String(text.dropFirst(7))) { return .ansi(index + 8) }
        return nil
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): mark.line
        default: 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): problem
        default: "\(error)"
        }
    }
}
