import DashboardCore
import TerminalUI

/// The `i` dialog: target repository, VCS URL, VCS and credentials.
enum NewImportDialog {
    static func draw(_ form: NewImportForm, on canvas: inout Canvas) {
        let inner = canvas.dialog(width: 70, height: 12, title: "New source import")
        let x = inner.x + 1
        let width = inner.width - 2
        let fields: [NewImportForm.Field] = [.repository, .url, .vcs, .username, .password]
        for (index, field) in fields.enumerated() {
            let y = inner.y + index
            let focused = form.field == field
            if let text = form.textField(field) {
                canvas.field(field.label, text, x: x, y: y, width: width, labelWidth: 24, focused: focused)
            } else {
                let choice = "◂ \(NewImportForm.vcsChoices[form.vcsIndex]) ▸"
                canvas.field(field.label, choice, x: x, y: y, width: width, labelWidth: 24, focused: focused)
            }
        }
        let values = fields
        let submitFocused = form.field == .submit
        canvas.text(
            submitFocused ? "▶ Start import ◀" : "  Start import  ", x: x, y: inner.y + values.count + 1, width: width,
            submitFocused ? .dialogFieldFocused : .dialogField)
        canvas.dialogFooter("Tab next · ←→ VCS or cursor · Enter start · Esc cancel", problem: form.problem, in: inner)
    }
}
