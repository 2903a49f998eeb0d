import Findings
import Testing

@Suite struct FindingGroupTests {
    static func group(_ label: String, _ worst: Severity, _ states: [TriageState: Int]) -> FindingGroup {
        FindingGroup(key: .artifact(label), label: label, states: states, worst: worst)
    }

    @Test("groups with open findings first, then the worst, the most open, the most findings, the label")
    func order() {
        let groups = [
            Self.group("closed-critical", .critical, [.notAffected: 5]),
            Self.group("b-high", .high, [.new: 1]),
            Self.group("Use of", .critical, [.new: 2]),
            Self.group("`from", .critical, [.new: 2]),
            Self.group("Found", .critical, [.new: 2]),
            Self.group("a-high-more", .high, [.new: 3, .falsePositive: 1]),
            Self.group("critical-one", .critical, [.new: 1, .resolved: 9]),
        ]
        #expect(
            FindingGroups.ordered(groups).map(\.label) == [
                "Found", "Use of", "`from", "critical-one", "a-high-more", "b-high", "closed-critical",
            ])
    }

    @Test("the state summary lists open states first, each with its count")
    func stateSummary() {
        let group = Self.group("x", .low, [.resolved: 2, .new: 3, .exploitable: 1, .accepted: 0])
        #expect(group.stateSummary == "3 new · 1 exploitable · 2 resolved")
        #expect(group.count == 6 && group.openCount == 4)
    }

    @Test("= steps through the groupings and back to none")
    func next() {
        #expect([FindingGrouping.none, .rule, .artifact, .model].map(\.next) == [.rule, .artifact, .model, .none])
    }
}
