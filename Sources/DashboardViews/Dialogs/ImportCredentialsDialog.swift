import DashboardCore
import TerminalUI

/// The `i` dialog on an import that asks for credentials: username and password, sent by PATCH.
enum ImportCredentialsDialog {
    static func draw(_ form: ImportCredentialsForm, on canvas: inout Canvas) {
        let title = "Credentials for " + ScreenText.clean(form.repository.description)
        let inner = canvas.dialog(width: 70, height: 11, title: title)
        let x = inner.x + 1
        let width = inner.width - 2
        let source = DisplayWidth.truncate("GitHub needs them to read " + ScreenText.clean(form.vcsURL), to: width)
        canvas.text(source, x: x, y: inner.y, width: width, .dialog)
        canvas.text("status: " + form.status, x: x, y: inner.y + 1, width: width, .muted)
        let fields: [(ImportCredentialsForm.Field, TextField)] = [
            (.username, form.username), (.password, form.password),
        ]
        for (index, (field, value)) in fields.enumerated() {
            canvas.field(
                field.label, value, x: x, y: inner.y + 3 + index, width: width, labelWidth: 10,
                focused: form.field == field)
        }
        let submitFocused = form.field == .submit
        let label = ImportCredentialsForm.Field.submit.label
        canvas.text(
            submitFocused ? "▶ \(label) ◀" : "  \(label)  ", x: x, y: inner.y + 6, width: width,
            submitFocused ? .dialogFieldFocused : .dialogField)
        canvas.dialogFooter("Tab next · Enter retry with these · Esc cancel", problem: form.problem, in: inner)
    }
}
