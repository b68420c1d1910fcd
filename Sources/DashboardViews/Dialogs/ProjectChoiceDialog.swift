import DashboardCore
import TerminalUI

/// The `i` dialog on an import in `detection_found_multiple`: the projects GitHub found, one to pick.
enum ProjectChoiceDialog {
    static func draw(_ form: ProjectChoiceForm, on canvas: inout Canvas) {
        let title = "Choose the project to import into " + ScreenText.clean(form.repository.description)
        let visible = min(max(form.choices.count, 1), 10)
        let inner = canvas.dialog(width: 70, height: visible + 7, title: title)
        let x = inner.x + 1
        let width = inner.width - 2
        canvas.text("GitHub found more than one project at the URL:", x: x, y: inner.y, width: width, .dialog)
        let listHeight = max(1, inner.height - 4)
        guard !form.choices.isEmpty else {
            canvas.text("GitHub listed no projects to choose from", x: x, y: inner.y + 2, width: width, .muted)
            return canvas.dialogFooter("Esc close", problem: nil, in: inner)
        }
        var cursor = form.cursor
        cursor.scroll(visible: listHeight, count: form.choices.count)
        let end = min(form.choices.count, cursor.offset + listHeight)
        for (line, index) in (cursor.offset..<end).enumerated() {
            let focused = index == cursor.selected
            let text = (focused ? "▸ " : "  ") + ProjectChoiceForm.label(form.choices[index])
            canvas.text(
                DisplayWidth.pad(text, to: width), x: x, y: inner.y + 2 + line, width: width,
                focused ? .dialogFieldFocused : .dialog)
        }
        let problem = form.request == nil ? "GitHub named no VCS for this choice" : nil
        canvas.dialogFooter("↑↓ choose · Enter import this one · Esc cancel", problem: problem, in: inner)
    }
}
