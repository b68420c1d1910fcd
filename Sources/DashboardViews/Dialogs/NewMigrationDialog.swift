import DashboardCore
import TerminalUI

/// The `n` dialog: scope, repositories picked from a filterable list, flags, and the request it will send.
enum NewMigrationDialog {
    static func draw(_ form: NewMigrationForm, on canvas: inout Canvas) {
        // As tall as the screen allows (up to 30 rows): the repository list takes what the rest leaves.
        let inner = canvas.dialog(width: 76, height: min(30, canvas.grid.height - 2), title: "New migration")
        var y = inner.y
        let x = inner.x + 1
        let width = inner.width - 2
        canvas.field(
            "Scope", "◂ \(form.scope) ▸", x: x, y: y, width: width, labelWidth: 14, focused: form.field == .scope)
        y += 1
        let listFocused = form.field == .repositories
        canvas.field(
            "Repositories", "filter: \(form.filter)", x: x, y: y, width: width, labelWidth: 14, focused: listFocused)
        y += 1
        // Fixed rows: scope, filter, "picked", three of flags, submit, problem and footer.
        let available = inner.height - 9
        let previewRows = available >= 11 ? 3 : 0
        let listHeight = max(1, available - previewRows)
        drawChoices(form, x: x + 2, y: y, width: width - 2, height: listHeight, on: &canvas)
        y += listHeight
        canvas.text("\(form.picked.count) picked", x: x + 2, y: y, width: width, .muted)
        y += 1
        let flags = NewMigrationForm.Field.allCases.filter { $0 != .scope && $0 != .repositories && $0 != .submit }
        for (index, flag) in flags.enumerated() {
            let column = index % 2
            let fx = x + column * (width / 2)
            let mark = form.flags.contains(flag) ? "[x] " : "[ ] "
            canvas.text(
                mark + flag.label, x: fx, y: y + index / 2, width: width / 2 - 1,
                form.field == flag ? .dialogFieldFocused : .dialog)
        }
        y += (flags.count + 1) / 2
        let submit = form.startsOnePerRepository ? "Start \(form.picked.count) migrations" : "Start migration"
        canvas.text(
            form.field == .submit ? "▶ \(submit) ◀" : "  \(submit)  ", x: x, y: y, width: width,
            form.field == .submit ? .dialogFieldFocused : .dialogField)
        y += 1
        for line in form.preview.prefix(previewRows) where y < inner.y + inner.height - 2 {
            canvas.text(line, x: x, y: y, width: width, .muted)
            y += 1
        }
        canvas.dialogFooter(
            "Tab next · Space pick/toggle · type to filter · Enter start · Esc cancel", problem: form.problem, in: inner
        )
    }

    private static func drawChoices(
        _ form: NewMigrationForm, x: Int, y: Int, width: Int, height: Int, on canvas: inout Canvas
    ) {
        guard let _ = form.choices else {
            canvas.text("loading repositories…", x: x, y: y, width: width, .muted)
            return
        }
        let visible = form.visibleChoices
        var cursor = form.cursor
        cursor.scroll(visible: height, count: visible.count)
        let end = min(visible.count, cursor.offset + height)
        for (line, index) in (cursor.offset..<end).enumerated() {
            let name = visible[index]
            let mark = form.picked.contains(name) ? "[x] " : "[ ] "
            let focused = index == cursor.selected && form.field == .repositories
            canvas.text(
                DisplayWidth.pad(mark + name, to: width), x: x, y: y + line, width: width,
                focused ? .dialogFieldFocused : .dialog)
        }
        if visible.isEmpty { canvas.text("nothing matches", x: x, y: y, width: width, .muted) }
    }
}
