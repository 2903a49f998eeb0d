import Foundation
import TestSupport
import Testing

/// The hostile corpus (Tests/ReliabilityTests/Hostile, made by scripts/make-hostile-corpus.py)
/// through a real inbox: every n_ file is quarantined with a readable reason, every r_ file lands,
/// nothing crashes, memory stays under 256 MB. RELIABILITY_LONG=1 adds a 1 GB file.
@Suite(.serialized) struct HostileInputTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")

    @Test("the hostile corpus: quarantined with reasons, recoverable ones ingested, no crash, RSS ≤ 256 MB")
    func corpusThroughInbox() throws {
        let binary = try #require(Shell.mlsocBinary, "build first: swift build (make test does)")
        let base = try TestPaths.temporaryDirectory("mlsoc-hostile")
        let inbox = base.appendingPathComponent("inbox").path
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        #expect(names.count >= 20)
        for name in names { try FileManager.default.copyItem(atPath: Self.corpus.path + "/" + name, toPath: inbox + "/" + name) }
        if CrashTests.long {
            // A 1 GB report: one string of a gigabyte inside a SARIF result.
            let path = inbox + "/n_one_gigabyte.sarif"
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(
                contentsOf: Data(
                    #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "big"}}, "results": [{"ruleId": "B", "message": {"text": ""#.utf8))
            let chunk = Data(repeating: UInt8(ascii: "A"), count: 1 << 24)
            for _ in 0..<64 { try handle.write(contentsOf: chunk) }
            try handle.write(contentsOf: Data(#""}}]}]}"#.utf8))
            try handle.close()
        }
        let db = try TestStore.location("mlsoc-hostile")
        let result = try Shell.run([binary, "watch", "--db", db, "--once", inbox])
        #expect(result.status == 1, "failures are reported with exit status 1, not a crash: \(result.status)")
        #expect(result.peakKiB < 256 * 1024, "peak RSS \(result.peakKiB / 1024) MiB")
        let quarantined = Set(try FileManager.default.contentsOfDirectory(atPath: inbox + "/quarantine"))
        let done = Set(try FileManager.default.contentsOfDirectory(atPath: inbox + "/done"))
        for name in names + (CrashTests.long ? ["n_one_gigabyte.sarif"] : []) {
            if name.hasPrefix("n_") {
                #expect(quarantined.contains(name), "\(name) was not quarantined")
                let reason = (try? String(contentsOfFile: inbox + "/quarantine/" + name + ".error", encoding: .utf8)) ?? ""
                #expect(reason.contains(name) && reason.count > name.count + 10, "\(name): reason '\(reason)'")
                #expect(!reason.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name): the reason holds raw control bytes")
            } else {
                #expect(done.contains(name), "\(name) was not ingested")
            }
        }
        print(
            "hostile: \(names.count + (CrashTests.long ? 1 : 0)) inputs, \(quarantined.count / 2) quarantined, \(done.count) ingested, peak RSS \(result.peakKiB / 1024) MiB"
        )
        let queue = try FindingsCount(db)
        #expect(queue.quickCheck.hasPrefix("ok"))
    }
}

/// quick_check of a SQLite store, through the CLI-independent GRDB (a server store: its counts read).
struct FindingsCount {
    let quickCheck: String

    init(_ path: String) throws {
        quickCheck = try CrashTests.check(path).quickCheck
    }
}
