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

    /// This test process's own directory under the system temporary directory. Every test's files
    /// go in it, and it is removed when the process exits: a run of the suite left a thousand
    /// directories behind. MLSOC_KEEP_TEST_FILES=1 keeps it (its path is printed).
    public static let runDirectory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mlsoc-tests-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["MLSOC_KEEP_TEST_FILES"] == "1" {
            print("mlsoc tests: files kept in \(url.path)")
        } else {
            atexit { try? FileManager.default.removeItem(at: TestPaths.runDirectory) }
        }
        return url
    }()

    /// A new empty directory in this run's directory.
    public static func temporaryDirectory(_ label: String = "mlsoc-test") throws -> URL {
        let url = runDirectory.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
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
