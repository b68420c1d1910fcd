import DashboardCore
import TerminalUI

/// The `a` dialog: the import's commit authors, and the name and email to map the selected one to.
enum AuthorsDialog {
    static func draw(_ form: AuthorsForm, on canvas: inout Canvas) {
        let inner = canvas.dialog(
            width: 78, height: 18, title: ScreenText.clean("Commit authors of \(form.repository)"))
        let x = inner.x + 1
        let width = inner.width - 2
        guard let authors = form.authors else {
            canvas.text("loading authors…", x: x, y: inner.y, width: width, .muted)
            return canvas.dialogFooter("Esc close", problem: nil, in: inner)
        }
        let listHeight = max(1, inner.height - 6)
        var cursor = form.cursor
        cursor.scroll(visible: listHeight, count: authors.count)
        let end = min(authors.count, cursor.offset + listHeight)
        for (line, index) in (cursor.offset..<end).enumerated() {
            let author = authors[index]
            let text = ScreenText.clean("\(author.remoteName ?? "?")  →  \(author.name ?? "") <\(author.email ?? "")>")
            let focused = index == cursor.selected
            let role: ThemeRole = focused ? (form.field == .list ? .dialogFieldFocused : .selectionUnfocused) : .dialog
            canvas.text(DisplayWidth.pad(text, to: width), x: x, y: inner.y + line, width: width, role)
        }
        if authors.isEmpty { canvas.text("no authors yet", x: x, y: inner.y, width: width, .muted) }
        let fieldsY = inner.y + listHeight
        canvas.field(
            "Name", form.name, x: x, y: fieldsY, width: width, labelWidth: 8, focused: form.field == .name)
        canvas.field(
            "Email", form.email, x: x, y: fieldsY + 1, width: width, labelWidth: 8,
            focused: form.field == .email)
        canvas.dialogFooter("↑↓ author · Tab name/email · Enter map · Esc close", problem: nil, in: inner)
    }
}
