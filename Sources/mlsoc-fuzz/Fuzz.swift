import FindingStore
import Findings
import Foundation
import Ingest

/// Fuzz targets. Built with `make fuzz` (`-sanitize=fuzzer,address -DFUZZING`), libFuzzer drives
/// `LLVMFuzzerTestOneInput`; in a normal build this is a replay tool:
/// `mlsoc-fuzz TARGET FILE…` runs each file through the target (a regression check of a corpus).
///
/// Targets, chosen by MLSOC_FUZZ_TARGET (fuzzing) or the first argument (replay):
///   report  – format detection and every parser, on arbitrary bytes
///   filter  – the filter language, and the SQL it compiles to, run against a real store
/// (The console's line editor has a target of its own, `mlsoc-fuzz-prompt`: it needs only the UI
/// and is built with optimisation, for a million inputs in minutes.)
enum FuzzTarget: String, CaseIterable {
    case report
    case filter
}

enum Fuzz {
    static let mapping: MappingRules = {
        do { return try MappingRules.bundled() } catch { fatalError("bundled mapping rules: \(error)") }
    }()

    /// A small real store the filter target queries; its schema must never change.
    static let store: FindingStore = {
        let path = NSTemporaryDirectory() + "mlsoc-fuzz-\(getpid()).db"
        do {
            let store = try FindingStore(path: path)
            var header = ScanHeader(
                format: "fuzz", sourcePath: "fuzz", sha256: Array(repeating: 7, count: 32), ingestedAt: 1_790_000_000,
                actor: "fuzz")
            header.category = "fuzz"
            _ = try store.ingest(header) { sink in
                for index in 0..<20 {
                    var finding = Finding(
                        fingerprint: Fingerprint(bytes: Array(repeating: UInt8(index + 1), count: 16)), tool: "t\(index % 3)",
                        ruleID: "R\(index)", title: "title \(index)", message: "message %_\\ \(index)",
                        severity: Severity(rawValue: index % 5) ?? .low, threat: Threat.matrixOrder[index % 14])
                    finding.model = index % 2 == 0 ? "model-\(index % 4)" : nil
                    try sink.add(finding)
                }
            }
            return store
        } catch {
            fatalError("fuzz store: \(error)")
        }
    }()

    static let schema: String = schemaText()

    static func schemaText() -> String {
        (try? store.schemaSQL()) ?? ""
    }

    static func run(_ target: FuzzTarget, _ bytes: [UInt8]) {
        switch target {
        case .report:
            // Any error is a fine outcome (it quarantines the report); a crash or a hang is not.
            _ = try? ReportIngestor.dryRun(bytes: bytes, mapping: mapping)
        case .filter:
            let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
            guard let filter = try? FindingFilter.parse(text) else { return }
            // The canonical form parses back to the same filter.
            guard (try? FindingFilter.parse(filter.description)) == filter else {
                fatalError("filter round trip differs: \(text.debugDescription) → \(filter.description.debugDescription)")
            }
            do {
                _ = try store.findingsPage(FindingQuery(filter: filter), after: nil, limit: 5, now: 1_790_000_000)
                _ = try store.count(FindingQuery(filter: filter), now: 1_790_000_000)
                _ = try store.auditPage(filter: filter, before: nil, limit: 5, now: 1_790_000_000)
            } catch {
                fatalError("a parsed filter failed in SQL: \(text.debugDescription): \(error)")
            }
            if schemaText() != schema { fatalError("the schema changed after filter \(text.debugDescription)") }
        }
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let target = ProcessInfo.processInfo.environment["MLSOC_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:)) ?? .report
        Fuzz.run(target, data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// libFuzzer's driver, for a program whose `main` is not libFuzzer's (SwiftPM points an executable's
    /// `main` at `<module>_main`).
    @_silgen_name("LLVMFuzzerRunDriver")
    func llvmFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @_cdecl("mlsoc_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return llvmFuzzerRunDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
    }
#else
    @main
    struct Replay {
        static func main() throws {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print("usage: mlsoc-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE…   (make fuzz runs libFuzzer)")
                return
            }
            var count = 0
            for path in arguments.dropFirst() {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: path)).map { $0.map { path + "/" + $0 } } ?? [path]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    Fuzz.run(target, Array(data))
                    count += 1
                }
            }
            print("\(target.rawValue): \(count) inputs replayed, no crash")
        }
    }
#endif
