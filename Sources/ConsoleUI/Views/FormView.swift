import Findings

/// The triage form, boxed over the middle of the screen.
public enum FormView {
    public static func render(_ form: TriageForm, state: AppState, into buffer: inout ScreenBuffer) {
        let width = min(buffer.width - 4, 76)
        let height = 4 + form.fields.count * 2 + 2
        let x = (buffer.width - width) / 2
        let y = max(FrameView.contentTop, (buffer.height - height) / 2)
        for row in 0..<height {
            buffer.fill(x: 0, y: y + row, width: buffer.width, role: .normal)
            buffer.fill(x: x, y: y + row, width: width, role: .form)
        }
        let count = form.targets.count == 1 ? "#\(form.targets[0].id)" : "\(form.targets.count) findings"
        buffer.put(" \(form.title): \(count) ", x: x + 1, y: y, role: .title, maxWidth: width - 2)
        var line = y + 2
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.focus
            let label = ModelsView.pad(field.label + (field.required ? "" : " (optional)"), 22)
            buffer.put(label, x: x + 2, y: line, role: focused ? .title : .form)
            let boxX = x + 24
            let boxWidth = width - 26
            buffer.fill(x: boxX, y: line, width: boxWidth, role: .prompt)
            let text = field.editor.text
            let visible = Array(TextSanitizer.sanitize(text)).suffix(max(1, boxWidth - 1))
            buffer.put(String(visible), x: boxX, y: line, role: .prompt, maxWidth: boxWidth)
            if focused {
                let caret = boxX + min(boxWidth - 1, DisplayWidth.of(String(visible.prefix(field.editor.cursor))))
                buffer.put(" ", x: caret, y: line, role: .promptCursor)
            }
            buffer.put(field.hint, x: boxX, y: line + 1, role: .muted, maxWidth: boxWidth)
            line += 2
        }
        if let error = form.error {
            buffer.put(" " + error + " ", x: x + 2, y: y + height - 2, role: .error, maxWidth: width - 4)
        }
        buffer.put("Enter apply  Tab next field  Esc cancel", x: x + 2, y: y + height - 1, role: .muted, maxWidth: width - 4)
    }
}
