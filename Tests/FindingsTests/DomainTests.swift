import Findings
import Testing

@Suite struct DomainTests {
    @Test("thirteen threats in four targets, plus unclassified")
    func matrixShape() {
        #expect(Threat.allCases.filter { $0 != .unclassified }.count == 13)
        #expect(Target.application.threats.count == 3)
        #expect(Target.model.threats.count == 4)
        #expect(Target.infrastructure.threats.count == 3)
        #expect(Target.data.threats.count == 3)
        #expect(Threat.matrixOrder.last == .unclassified)
        for threat in Threat.allCases { #expect(Threat(key: threat.key) == threat) }
    }

    @Test("display width per character")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("模型") == 4)
        #expect(DisplayWidth.of(Character("🔥")) == 2)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("\u{301}") == 0)
    }

    @Test("fingerprint hex round trip")
    func fingerprintHex() throws {
        let fingerprint = Fingerprint(bytes: [0x00, 0x0F, 0xA5, 0xFF])
        #expect(fingerprint.hex == "000fa5ff")
        #expect(try #require(Fingerprint(hex: "000FA5FF")) == fingerprint)
        #expect(Fingerprint(hex: "abc") == nil)
        #expect(Fingerprint(hex: "zz") == nil)
    }

    @Test("fingerprint keys are unambiguous")
    func fingerprintKeys() {
        #expect(FingerprintKey(["ab", "c"]).canonical != FingerprintKey(["a", "bc"]).canonical)
        #expect(FingerprintKey(["a", ""]).canonical != FingerprintKey(["a"]).canonical)
    }

    @Test("matrix summary counts open and closed, and weighs risk")
    func matrixSummary() {
        var summary = MatrixSummary()
        summary.add(threat: .dataLoss, severity: .critical, state: .new, count: 2)
        summary.add(threat: .dataLoss, severity: .low, state: .inTriage, count: 3)
        summary.add(threat: .dataLoss, severity: .high, state: .falsePositive, count: 5)
        summary.add(threat: .misconfiguration, severity: .medium, state: .exploitable, count: 1)
        #expect(summary.openCount(.dataLoss) == 5)
        #expect(summary.closedCount(.dataLoss) == 5)
        #expect(summary.risk(.dataLoss) == 2 * 10 + 3 * 1)
        #expect(summary.maxRisk() == 23)
        #expect(summary.totalOpen == 6)
        #expect(summary.openCount(severity: .critical) == 2)
    }

    @Test("SLA due dates by severity")
    func sla() {
        #expect(SLAPolicy.standard.due(severity: .critical, firstSeen: 0) == Int64(7 * 86_400))
        #expect(SLAPolicy.standard.due(severity: .low, firstSeen: 100) == Int64(100 + 120 * 86_400))
        #expect(SLAPolicy.standard.due(severity: .info, firstSeen: 0) == nil)
    }

    @Test("taxonomy ids pack and unpack by prefix")
    func taxonomyPacking() {
        let ids = TaxonomyIDs(atlas: ["AML.T0011.000"], owaspLLM: ["LLM03"], owaspML: ["ML06"], cwe: ["CWE-502"], cve: ["CVE-2025-1"])
        #expect(TaxonomyIDs(packed: ids.packed) == ids)
    }
}
