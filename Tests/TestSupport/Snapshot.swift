import ConsoleUI
import Foundation
import Testing

/// Golden screens: compares a buffer's snapshot with `Snapshots/NAME.txt` beside the test file.
/// With RECORD_SNAPSHOTS=1 the file is rewritten and the test fails once, saying so.
public enum Snapshot {
    public static func check(
        _ buffer: ScreenBuffer, named name: String, roles: Set<StyleRole>,
        testFile: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let file = directory.appendingPathComponent("\(name).txt")
        let actual = buffer.snapshot(roles: roles)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); rerun without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(file.path): run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let diff = zip(
                expected.split(separator: "\n", omittingEmptySubsequences: false),
                actual.split(separator: "\n", omittingEmptySubsequences: false)
            )
            .enumerated().first { $0.element.0 != $0.element.1 }
            let detail =
                diff.map { "first difference at line \($0.offset + 1):\n  expected \($0.element.0)\n  actual   \($0.element.1)" } ?? "lengths differ"
            Issue.record("snapshot \(name) differs; \(detail)", sourceLocation: sourceLocation)
        }
    }
}
