import FindingStore
import Findings
import TestSupport
import Testing

@Suite struct PagingTests {
    @Test("keyset pages walk every finding once, most severe first")
    func pagesCoverAll() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { sink in
            for index in 0..<57 {
                try sink.add(TestStore.finding("k\(index)", severity: Severity(rawValue: index % 5) ?? .info))
            }
        }
        var seen: [FindingRow] = []
        var cursor: PageCursor?
        while true {
            let page = try store.findingsPage(after: cursor, limit: 10)
            guard let last = page.last else { break }
            seen += page
            cursor = PageCursor(severity: last.severity, id: last.id)
        }
        #expect(seen.count == 57)
        #expect(Set(seen.map(\.id)).count == 57)
        let keys = seen.map { ($0.severity.rawValue, $0.id) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test("a page restricted to a cell holds only that cell")
    func cellPage() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { sink in
            try sink.add(TestStore.finding("a", threat: .dataLoss))
            try sink.add(TestStore.finding("b", threat: .modelTheft))
            try sink.add(TestStore.finding("c", threat: .dataLoss))
        }
        let page = try store.findingsPage(after: nil, threat: .dataLoss, limit: 10)
        #expect(page.count == 2)
        #expect(page.allSatisfy { $0.threat == .dataLoss })
        #expect(page.first?.location?.display == "src/c.py:3")
    }

    @Test("backward pages walk from the true last row to the first, in every sort, mirroring the forward walk")
    func backwardPages() throws {
        let store = try TestStore.make()
        _ = try store.ingest(TestStore.header("r")) { sink in
            for index in 0..<57 {
                try sink.add(TestStore.finding("k\(index)", severity: Severity(rawValue: index % 5) ?? .info))
            }
        }
        for sort in FindingSort.allCases {
            let query = FindingQuery(filter: .empty, sort: sort)
            let forward = try store.findingsPage(query, after: nil, limit: 1_000, now: 1_800_000_000).map(\.id)
            var backward: [Int64] = []
            var page = try store.findingsPage(query, after: nil, limit: 10, now: 1_800_000_000, backward: true)
            #expect(page.map(\.id) == Array(forward.suffix(10)), "the last page of \(sort)")
            while let first = page.first {
                backward = page.map(\.id) + backward
                page = try store.findingsPage(query, after: first.cursor(for: sort), limit: 10, now: 1_800_000_000, backward: true)
            }
            #expect(backward == forward, "\(sort)")
        }
    }
}
