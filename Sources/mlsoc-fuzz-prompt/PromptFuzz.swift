import ConsoleUI
import Findings

/// The `prompt` target: bytes become keys. A byte below 0x20 picks an editing key (arrows, Home,
/// End, Backspace, Delete, ^U ^K ^W, Tab, ↑/↓ history, Enter, Esc); anything else starts a UTF-8
/// sequence whose scalar is typed as one key, as the terminal decoder delivers combining marks,
/// skin tones, regional indicators and ZWJ parts. Each key goes through the real reducer, in the
/// `/` filter, the `:` palette and the risk-acceptance form, and the prompt line and form are drawn.
enum PromptFuzz {
    static let editing: [Key] = [
        .left, .right, .home, .end, .backspace, .delete, .control("u"), .control("k"), .control("w"),
        .tab, .up, .down, .control("a"), .control("e"), .control("b"), .control("f"),
    ]

    static func keys(_ bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        let text = String(decoding: bytes.prefix(512), as: UTF8.self)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 {
                keys.append(editing[Int(scalar.value) % editing.count])
            } else {
                keys.append(.character(Character(scalar)))
            }
        }
        return keys
    }

    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        // The first byte picks the editor: the `/` filter, the `:` palette or the acceptance form.
        let opener: Character = ["/", ":", "A"][Int(first) % 3]
        let keys = keys(Array(bytes.dropFirst()))
        var state = AppState(size: Size(width: 80, height: 24), storePath: "fuzz.db")
        state.view = .findings
        state.findings.items = [
            FindingRow(
                id: 1, fingerprint: Fingerprint(bytes: [1]), tool: "t", ruleID: "r", title: "t",
                severity: .high, threat: .modelTheft, state: .new)
        ]
        _ = Reducer.reduce(&state, .key(.character(opener)))
        for (index, key) in keys.enumerated() {
            _ = Reducer.reduce(&state, .key(key))
            check(state)
            // What draws the edited text (the prompt line, the form), now and then and last. Not the
            // whole screen: that is 10× the cost, and a million inputs need thousands a second (the
            // views have golden and scenario tests).
            if index % 16 == 15 || index == keys.count - 1 { draw(state) }
        }
    }

    static func draw(_ state: AppState) {
        var buffer = ScreenBuffer(size: state.size)
        FrameView.renderFooter(state, into: &buffer)
        if let form = state.form { FormView.render(form, state: state, into: &buffer) }
    }

    /// The editor's cursor always lies within its text.
    static func check(_ state: AppState) {
        if let prompt = state.prompt, !(0...prompt.text.count).contains(prompt.cursor) {
            fatalError("prompt cursor \(prompt.cursor) outside \(prompt.text.count) characters")
        }
        for field in state.form?.fields ?? [] where !(0...field.editor.text.count).contains(field.editor.cursor) {
            fatalError("form cursor \(field.editor.cursor) outside \(field.editor.text.count) characters")
        }
    }
}

#if FUZZING
    import Foundation

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        PromptFuzz.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func llvmFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// libFuzzer's driver, for a program whose `main` is not libFuzzer's.
    @_cdecl("mlsoc_fuzz_prompt_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return llvmFuzzerRunDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
    }
#else
    import Foundation

    /// Without libFuzzer: `mlsoc-fuzz-prompt FILE|DIR…` replays inputs (a corpus regression check).
    @main
    struct Replay {
        static func main() {
            var count = 0
            for path in CommandLine.arguments.dropFirst() {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: path)).map { $0.map { path + "/" + $0 } } ?? [path]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    PromptFuzz.run(Array(data))
                    count += 1
                }
            }
            print("prompt: \(count) inputs replayed, no crash")
        }
    }
#endif
