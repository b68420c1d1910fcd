import DashboardCore
import TerminalUI

/// The `i` dialog: target repository, VCS URL, VCS and credentials.
enum NewImportDialog {
    static func draw(_ form: NewImportForm, on canvas: inout Canvas) {
        let inner = canvas.dialog(width: 70, height: 12, title: "New source import")
        let x = inner.x + 1
        let width = inner.width - 2
        let values: [(NewImportForm.Field, String)] = [
            (.repository, form.repository.display), (.url, form.url.display),
            (.vcs, "◂ \(NewImportForm.vcsChoices[form.vcsIndex]) ▸"), (.username, form.username.display),
            (.password, form.password.display),
        ]
        for (index, (field, value)) in values.enumerated() {
            canvas.field(
                field.label, value, x: x, y: inner.y + index, width: width, labelWidth: 24, focused: form.field == field
            )
        }
        let submitFocused = form.field == .submit
        canvas.text(
            submitFocused ? "▶ Start import ◀" : "  Start import  ", x: x, y: inner.y + values.count + 1, width: width,
            submitFocused ? .dialogFieldFocused : .dialogField)
        canvas.dialogFooter("Tab next · ←→ VCS · Enter start · Esc cancel", problem: form.problem, in: inner)
    }
}
