import Foundation

/// Paths tests need: the package root, sample data, and fresh temporary directories.
public enum TestPaths {
    /// The package root, found from this file's location.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static func sample(_ relative: String) -> String {
        packageRoot.appendingPathComponent("sample-data").appendingPathComponent(relative).path
    }

    /// A new empty directory under the system temporary directory.
    public static func temporaryDirectory(_ label: String = "mlsoc-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a new file in a fresh temporary directory and returns its path.
    public static func write(_ text: String, name: String = "report.json") throws -> String {
        try write(Data(text.utf8), name: name)
    }

    public static func write(_ data: Data, name: String) throws -> String {
        let path = try temporaryDirectory().appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
