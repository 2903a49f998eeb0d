import ConsoleUI
import Findings

/// The `prompt` target: bytes become keys. A byte below 0x20 picks an editing key (arrows, Home,
/// End, Backspace, Delete, ^U ^K ^W, Tab, ↑/↓ history, Enter, Esc); anything else starts a UTF-8
/// sequence whose scalar is typed as one key, as the terminal decoder delivers combining marks,
/// skin tones, regional indicators and ZWJ parts. Each key goes through the real reducer, in the
/// `/` filter, the `:` palette and the risk-acceptance form, and the screen is rendered after it.
enum PromptFuzz {
    static let editing: [Key] = [.left, .right, .home, .end, .backspace, .delete, .control("u"), .control("k"), .control("w"),
                                 .tab, .up, .down, .control("a"), .control("e"), .control("b"), .control("f")]

    static func keys(_ bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        let text = String(decoding: bytes.prefix(2048), as: UTF8.self)
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
        let keys = keys(bytes)
        for opener in ["/", ":", "A"] as [Character] {
            var state = AppState(size: Size(width: 80, height: 24), storePath: "fuzz.db")
            state.view = .findings
            state.findings.items = [FindingListItem(id: 1, severity: .high, state: .new, threat: .modelTheft, tool: "t", ruleID: "r",
                                                    title: "t", model: nil, location: nil, slaDue: nil, version: 1, assignee: nil)]
            _ = Reducer.reduce(&state, .key(.character(opener)))
            for key in keys {
                _ = Reducer.reduce(&state, .key(key))
                check(state)
                _ = Renderer.render(state)
            }
        }
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
