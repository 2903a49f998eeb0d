/// The binding table of one screen (a view, or a view's detail).
public struct Keymap: Sendable, Equatable {
    public let name: String
    public let bindings: [Binding]

    public init(name: String, bindings: [Binding]) {
        self.name = name
        self.bindings = bindings
    }

    /// The command a key runs; nil for a key not bound here or bound but disabled.
    public func command(for key: Key) -> Command? {
        binding(for: key).flatMap { $0.disabledReason == nil ? $0.command : nil }
    }

    /// The binding of a key, enabled or not.
    public func binding(for key: Key) -> Binding? {
        bindings.first { $0.keys.contains(key) }
    }

    /// The same table with everything that writes, and the marks that only serve triage, disabled
    /// with the reason: the read-only dashboard has no writer, so none of them could run anyway.
    public var readOnly: Keymap {
        Keymap(
            name: name,
            bindings: bindings.map { binding in
                guard binding.destructive || Keymap.marking.contains(binding.command) else { return binding }
                var disabled = binding
                disabled.disabledReason = Keymap.readOnlyReason
                return disabled
            })
    }

    public static let readOnlyReason = "read-only dashboard"

    static let marking: Set<Command> = [.mark, .markRange, .markSimilar]

    static let movement: [Binding] = [
        Binding([.character("j"), .down], .moveDown, "down", inFooter: false),
        Binding([.character("k"), .up], .moveUp, "up", inFooter: false),
        Binding([.character("g"), .home], .moveTop, "top", inFooter: false),
        Binding([.character("G"), .end], .moveBottom, "bottom", inFooter: false),
        Binding([.pageDown, .control("f"), .control("d")], .pageDown, "page down", inFooter: false),
        Binding([.pageUp, .control("b"), .control("u")], .pageUp, "page up", inFooter: false),
    ]

    /// Switching views, help, the palette, refresh and quit: every screen has them.
    static let global: [Binding] = [
        Binding([.character("?")], .help, "help"),
        Binding([.character(":")], .palette, "command"),
        Binding([.tab], .nextView, "next view", inFooter: false),
        Binding([.backTab], .previousView, "previous view", inFooter: false),
        Binding([.character("1")], .showMatrix, "matrix", inFooter: false),
        Binding([.character("2")], .showModels, "models", inFooter: false),
        Binding([.character("3")], .showFindings, "findings", inFooter: false),
        Binding([.character("4")], .showIngest, "ingest", inFooter: false),
        Binding([.character("5")], .showAudit, "audit", inFooter: false),
        Binding([.character("6")], .showCompliance, "compliance", inFooter: false),
        Binding([.character("7")], .showSavedView1, "the first saved view (:view save NAME)", inFooter: false),
        Binding([.character("8")], .showSavedView2, "the second saved view", inFooter: false),
        Binding([.character("9")], .showSavedView3, "the third saved view", inFooter: false),
        Binding([.character("r"), .control("l")], .refresh, "refresh", inFooter: false),
        Binding([.control("z")], .suspend, "suspend to the shell (fg returns)", inFooter: false),
        Binding([.character("q"), .control("c")], .quit, "quit"),
    ]

    public static let matrix = Keymap(
        name: "Matrix",
        bindings: [
            Binding([.enter, .character("l"), .right], .open, "findings of the cell"),
            Binding([.character("p")], .pivot, "pivot by stage"),
            Binding([.character("/")], .filter, "filter findings"),
        ] + movement + global)

    public static let matrixPivot = Keymap(
        name: "Matrix by lifecycle stage",
        bindings: [
            Binding([.enter], .open, "findings of the cell"),
            Binding([.character("h"), .left], .moveLeft, "left", inFooter: false),
            Binding([.character("l"), .right], .moveRight, "right", inFooter: false),
            Binding([.character("p")], .pivot, "pivot by threat"),
            Binding([.character("/")], .filter, "filter findings"),
        ] + movement + global)

    public static let models = Keymap(
        name: "Models",
        bindings: [
            Binding([.enter, .character("l"), .right], .open, "model detail"),
            Binding([.character("/")], .filter, "filter by name"),
        ] + movement + global)

    public static let modelDetail = Keymap(
        name: "Model detail",
        bindings: [
            Binding([.escape, .character("h"), .left, .backspace], .back, "back"),
            Binding([.enter, .character("f")], .openFindings, "its open findings"),
        ] + movement + global)

    /// Triage: every binding here writes to the store, so read-only mode drops them all.
    static let triage: [Binding] = [
        Binding([.character("t")], .setInTriage, "in triage", destructive: true, inFooter: false),
        Binding([.character("e")], .setExploitable, "exploitable", destructive: true, inFooter: false),
        Binding([.character("f")], .setFalsePositive, "false positive", destructive: true),
        Binding([.character("v")], .setNotAffected, "not affected (VEX)", destructive: true, inFooter: false),
        Binding([.character("A")], .acceptRisk, "accept risk", destructive: true),
        Binding([.character("d")], .resolve, "resolved", destructive: true, inFooter: false),
        Binding([.character("o")], .reopen, "reopen", destructive: true, inFooter: false),
        Binding([.character("a")], .approveAcceptance, "approve the proposed acceptance (four-eyes)", destructive: true, inFooter: false),
        Binding([.character("R")], .rejectAcceptance, "reject the proposed acceptance", destructive: true, inFooter: false),
        Binding([.character("@")], .assign, "assign", destructive: true, inFooter: false),
        Binding([.character("T")], .linkTicket, "link a ticket (key or URL)", destructive: true, inFooter: false),
        Binding([.character("c")], .addNote, "note", destructive: true, inFooter: false),
        Binding([.character("u")], .undo, "undo my last change", destructive: true, inFooter: false),
    ]

    public static let findings = Keymap(
        name: "Findings",
        bindings: [
            Binding([.enter, .character("l"), .right], .open, "detail"),
            Binding([.escape, .character("h"), .left, .backspace], .back, "back (first clears the marks)", inFooter: false),
            Binding([.character(" ")], .mark, "mark"),
            Binding([.character("M")], .markRange, "mark from the last mark to here", inFooter: false),
            Binding([.character("/")], .filter, "filter"),
            Binding([.character("s")], .sort, "sort"),
            Binding([.character("y")], .copy, "copy the finding, or the marked ones as TSV, to your clipboard (OSC 52)", inFooter: false),
            Binding([.character("S")], .markSimilar, "mark every finding of the filter with this tool, rule and message", inFooter: false),
            Binding([.character("=")], .group, "group by rule, artifact, model, or not (in turn)", inFooter: false),
        ] + triage + movement + global)

    /// The grouped Findings view: a triage key applies to every open finding of the group under
    /// the cursor (`o`: its closed ones).
    public static let findingGroups = Keymap(
        name: "Findings by group",
        bindings: [
            Binding([.enter, .character("l"), .right], .open, "the group's findings"),
            Binding([.escape, .character("h"), .left, .backspace], .back, "back", inFooter: false),
            Binding([.character("/")], .filter, "filter"),
            Binding([.character("=")], .group, "group by rule, artifact, model, or not (in turn)"),
            Binding([.character("s")], .sort, "sort the findings in a group", inFooter: false),
        ]
            + triage.map { binding in
                var group = binding
                if binding.command != .undo { group.help += ": the whole group" }
                return group
            } + movement + global)

    public static let findingDetail = Keymap(
        name: "Finding detail",
        bindings: [
            Binding([.escape, .character("h"), .left, .backspace], .back, "close detail"),
            Binding([.character("n")], .nextItem, "next finding"),
            Binding([.character("N")], .previousItem, "previous finding"),
            Binding([.character("y")], .copy, "copy the finding to your clipboard (OSC 52)", inFooter: false),
        ] + triage + movement + global)

    public static let ingest = Keymap(name: "Ingest", bindings: movement + global)

    public static let audit = Keymap(
        name: "Audit",
        bindings: [
            Binding([.enter, .character("l"), .right], .open, "the finding"),
            Binding([.character("/")], .filter, "filter"),
        ] + movement + global)

    public static let projects = Keymap(
        name: "Projects",
        bindings: [
            Binding([.enter, .character("l"), .right], .open, "scope the console to the project"),
            Binding([.escape, .character("h"), .left, .backspace], .back, "back"),
        ] + movement + global)

    public static let unmapped = Keymap(
        name: "Unmapped",
        bindings: [
            Binding([.enter, .character("l"), .right], .open, "the rule's findings"),
            Binding([.escape, .character("h"), .left, .backspace], .back, "back"),
        ] + movement + global)

    public static let compliance = Keymap(
        name: "Compliance",
        bindings: [
            Binding([.enter], .open, "the cell's open findings"),
            Binding([.character("h"), .left], .moveLeft, "previous control", inFooter: false),
            Binding([.character("l"), .right], .moveRight, "next control", inFooter: false),
            Binding([.escape, .backspace], .back, "back"),
        ] + movement + global)

    public static let metrics = Keymap(
        name: "Metrics",
        bindings: [
            Binding([.escape, .character("h"), .left, .backspace], .back, "back")
        ] + movement + global)

    public static let help = Keymap(
        name: "Help",
        bindings: [
            Binding([.escape, .character("h"), .left, .backspace], .back, "back")
        ] + movement + global.filter { $0.command != .help })

    /// Every table, for the help screen and for tests that walk all bindings.
    public static let all: [Keymap] = [
        .matrix, .matrixPivot, .models, .modelDetail, .findings, .findingGroups, .findingDetail, .ingest, .audit,
        .projects, .unmapped, .compliance, .metrics, .help,
    ]
}
