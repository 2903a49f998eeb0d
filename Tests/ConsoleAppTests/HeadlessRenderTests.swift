import ConsoleApp
import ConsoleUI
import FindingStore
import Findings
import Foundation
import TestSupport
import Testing

/// The console's reads, reducer and views on a real store (the sample reports, ingested by the
/// real binary), without a terminal.
@Suite(.serialized) struct HeadlessRenderTests {
    static let store: FindingStore? = {
        guard let binary = Shell.mlsocBinary, let db = try? TestStore.location("mlsoc-headless") else { return nil }
        guard (try? Shell.run([binary, "ingest", "--db", db, TestPaths.sample("reports")]).status) == 0 else { return nil }
        return try? TestStore.open(db, mode: .readOnly)
    }()

    func render(_ view: ViewID, _ options: HeadlessRender.Options = .init(), width: Int = 160, height: Int = 48) throws -> String {
        let store = try #require(Self.store, "build first: swift build (make test does)")
        return HeadlessRender.render(
            store: store, view: view, size: Size(width: width, height: height), glyphs: .unicode,
            readOnly: true, options: options
        ).plainText
    }

    @Test("every view renders from the store", arguments: ViewID.allCases)
    func views(view: ViewID) throws {
        let text = try render(view)
        let expected: [ViewID: String] = [
            .matrix: "Malware distribution", .models: "sentiment-bert", .findings: "picklescan",
            .ingest: "Recent scans", .audit: "not_affected", .help: "Everywhere",
        ]
        #expect(text.contains(expected[view] ?? "?"), "\(view)")
        #expect(text.contains("RO"), "read-only shows the lock")
    }

    @Test("a headless console takes keys: 450 × ↓ scrolls past the first keyset page to the 451st finding")
    func scrollByKeys() throws {
        let location = try TestStore.location("mlsoc-scroll")
        // Severity 4 - i % 5 for id i + 1: by severity, then newest first, row 451 (index 450) is the
        // 51st of the medium ones (ids 998, 993, …): id 748.
        try TestStore.synthetic(location, findings: 1_000)
        let store = try TestStore.open(location, mode: .readOnly)
        var console = HeadlessConsole(store: store, view: .findings, size: Size(width: 160, height: 48), glyphs: .unicode, readOnly: true)
        func shows(_ id: Int, _ screen: String) -> Bool {
            screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(id) med ") }
        }
        #expect(!shows(748, console.screen().plainText))
        var screen = ""
        for _ in 0..<450 { screen = console.press(.down).plainText }
        #expect(shows(748, screen), "\(screen)")
    }

    @Test("the findings filter runs in the store; the detail shows the mapping and history")
    func filterAndDetail() throws {
        let text = try render(.findings, .init(filter: try FindingFilter.parse("tool:picklescan"), detail: true))
        // The list is left of the split; the detail on the right.
        let list = text.split(separator: "\n").map { String($0.split(separator: "│").first ?? "") }
        let rows = list.filter { $0.range(of: #"^ *[0-9]+ (crit|high|med|low|info) "#, options: .regularExpression) != nil }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("picklescan") })
        #expect(text.contains("why here") && text.contains("History") && text.contains("created"))
    }

    @Test("the model detail explains the score; its numbers add up")
    func modelDetail() throws {
        let store = try #require(Self.store)
        let top = try #require(try store.modelRisks().filter { $0.id != 0 }.max { $0.score() < $1.score() })
        let text = try render(.models, .init(detail: true))
        #expect(text.contains(top.name))
        #expect(text.contains("= \(ModelRisk.number(top.score()))"))
        #expect(text.contains("By tool"))
    }

    @Test("the pivoted matrix counts the same open findings as the matrix")
    func pivot() throws {
        let store = try #require(Self.store)
        let lifecycle = try store.lifecycleSummary()
        let total = Target.allCases.reduce(0) { sum, target in
            sum + LifecycleSummary.stages.reduce(0) { $0 + lifecycle.openCount(target, stage: $1) }
        }
        #expect(total == (try store.matrixSummary().totalOpen))
        #expect(try render(.matrix, .init(pivot: true)).contains("NO STAGE"))
    }
}
