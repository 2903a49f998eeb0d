import Findings
import Testing

@Suite struct FindingFilterTests {
    @Test("the example from the design parses into one clause per term")
    func designExample() throws {
        let filter = try FindingFilter.parse(#"sev>=high state:open model:fraud* target:data tool:garak cwe:502 "free text""#)
        #expect(
            filter.clauses.map(\.term) == [
                .severity(.atLeast, .high),
                .states([.new, .inTriage, .exploitable]),
                .models(["fraud*"]),
                .targets([.data]),
                .tools(["garak"]),
                .cwes([502]),
                .text("free text"),
            ])
    }

    @Test("comma lists, negation, CWE- prefix, model:none and bare words")
    func variants() throws {
        let filter = try FindingFilter.parse("tool:garak,promptfoo -state:closed cwe:CWE-79 model:none pickle sev:crit,high")
        #expect(
            filter.clauses == [
                .init(.tools(["garak", "promptfoo"])),
                .init(.states([.falsePositive, .notAffected, .resolved, .accepted]), negated: true),
                .init(.cwes([79])),
                .init(.models([nil])),
                .init(.text("pickle")),
                .init(.severities([.critical, .high])),
            ])
    }

    @Test("`not TERM` negates like `-TERM`; a quoted \"not\" and a trailing not are text")
    func notKeyword() throws {
        #expect(try FindingFilter.parse("not sev:high tool:x") == FindingFilter.parse("-sev:high tool:x"))
        #expect(try FindingFilter.parse("NOT  \"pickle load\"") == FindingFilter.parse("-\"pickle load\""))
        #expect(try FindingFilter.parse("\"not\" sev:high").clauses.first == .init(.text("not")))
        #expect(try FindingFilter.parse("sev:high not").clauses.last == .init(.text("not")))
        #expect(try FindingFilter.parse("notable").clauses == [.init(.text("notable"))])
    }

    @Test("the canonical form parses back to the same filter")
    func roundTrip() throws {
        let text = #"sev<medium -tool:bandit "a \"quoted\" phrase" stage:deploy sla:overdue id:4,5 actor:alice event:reopened"#
        let filter = try FindingFilter.parse(text)
        #expect(try FindingFilter.parse(filter.description) == filter)
    }

    @Test(
        "text the parser would read differently is quoted in the canonical form (found by fuzzing)",
        arguments: [
            "\"a\tb\"", "\"-x\"", "\"a>b\"", "\"k=v\"", "\"back\\\\slash\"", "tool:\"a b\",\"c:d\"",
        ])
    func canonicalQuoting(text: String) throws {
        let filter = try FindingFilter.parse(text)
        #expect(try FindingFilter.parse(filter.description) == filter, "\(text) → \(filter.description)")
    }

    @Test(
        "errors name the column of the bad term",
        arguments: [
            ("sev>=hgih", 6, "unknown sev 'hgih'"),
            ("state:open colour:red", 12, "unknown key 'colour'"),
            ("tool>=garak", 1, "only sev compares"),
            (#"model:x "unterminated"#, 9, "unterminated quote"),
            ("target:", 8, "target needs a value"),
            ("cwe:abc", 5, "unknown cwe 'abc'"),
            ("sla:late", 5, "unknown sla 'late'"),
        ])
    func errors(input: String, column: Int, message: String) {
        do {
            _ = try FindingFilter.parse(input)
            Issue.record("\(input) parsed")
        } catch {
            #expect(error.column == column, "\(input): \(error)")
            #expect(error.message.contains(message), "\(input): \(error)")
        }
    }

    @Test("an empty or blank filter is empty")
    func empty() throws {
        #expect(try FindingFilter.parse("").isEmpty)
        #expect(try FindingFilter.parse("   ").isEmpty)
    }

    @Test("acceptance, ticket and assignee terms parse, print back the same, and `me` resolves to a person")
    func teamTerms() throws {
        let filter = try FindingFilter.parse("acceptance:proposed,rejected -ticket:none ticket:JIRA-* assignee:me,none")
        #expect(
            filter.clauses == [
                .init(.acceptances([.proposed, .rejected])), .init(.tickets([nil]), negated: true), .init(.tickets(["JIRA-*"])),
                .init(.assignees(["me", nil])),
            ])
        #expect(try FindingFilter.parse(filter.description) == filter)
        #expect(filter.resolvingMe(as: "alice").clauses.last == .init(.assignees(["alice", nil])))
        #expect(throws: FilterError.self) { try FindingFilter.parse("acceptance:maybe") }
        #expect(AcceptanceProposal.person("root (sudo by alice) via ssh 10.0.0.1") == "alice")
        #expect(AcceptanceProposal.person("bob via ssh 10.0.0.7") == "bob" && AcceptanceProposal.person("carol") == "carol")
    }
}
