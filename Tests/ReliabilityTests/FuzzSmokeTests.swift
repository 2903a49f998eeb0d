import Foundation
import TestSupport
import Testing

/// The fuzz targets' replay mode on the committed corpora and on generated inputs: a smoke run that
/// fits in CI (`make fuzz` runs libFuzzer with the sanitizers).
@Suite(.serialized) struct FuzzSmokeTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static var fuzzBinary: String? {
        let path = TestPaths.packageRoot.appendingPathComponent(".build/debug/mlsoc-fuzz").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    @Test("the report target on the hostile corpus, the sample reports, and mutations of them")
    func reports() throws {
        let fuzz = try #require(Self.fuzzBinary, "build first: swift build (make test does)")
        let directory = try TestPaths.temporaryDirectory("mlsoc-fuzz-report")
        var generator = SystemRandomNumberGenerator()
        let seeds = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.sample("reports"))
            .map { TestPaths.sample("reports/" + $0) }.filter {
                (try? FileManager.default.attributesOfItem(atPath: $0)[.type] as? FileAttributeType) == .typeRegular
            }
        var count = 0
        for seed in seeds {
            guard let data = FileManager.default.contents(atPath: seed), data.count < 200_000 else { continue }
            for mutation in 0..<20 {
                var bytes = Array(data)
                for _ in 0..<(1 + mutation % 8) {
                    guard !bytes.isEmpty else { break }
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    switch mutation % 4 {
                    case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                    case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &generator)))
                    case 2: bytes.insert(contentsOf: Array("{[\"\\u0000\u{1B}]".utf8), at: at)
                    default: bytes = Array(bytes.prefix(at))
                    }
                }
                try Data(bytes).write(to: directory.appendingPathComponent("m\(count)"))
                count += 1
            }
        }
        let result = try Shell.run([fuzz, "report", Self.here.appendingPathComponent("Hostile").path, directory.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr.suffix(2000))")
        print(
            "fuzz smoke: report target, \(count) mutated reports + the hostile corpus: \(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))"
        )
    }

    @Test("the filter target: seeds and random strings parse or fail cleanly, and never change or break the SQL")
    func filters() throws {
        let fuzz = try #require(Self.fuzzBinary)
        let directory = try TestPaths.temporaryDirectory("mlsoc-fuzz-filter")
        let alphabet = Array("sevtaoplmdrgikcwu:=<>!-,\"\\'%_*?;() \tfxbnyz0123456789ÿ\u{1B}")
        var generator = SystemRandomNumberGenerator()
        for index in 0..<1_500 {
            let length = Int.random(in: 0...60, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            try text.write(to: directory.appendingPathComponent("r\(index)"), atomically: false, encoding: .utf8)
        }
        let result = try Shell.run([fuzz, "filter", Self.here.appendingPathComponent("FilterSeeds").path, directory.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr.suffix(2000))")
        print("fuzz smoke: filter target: \(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
}
