import DashboardCore
import TerminalUI

/// The activity log: state changes, actions and errors, newest first, each wrapped to a few lines.
enum ActivityPane {
    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        let inner = canvas.pane(.activity, in: state, rect: rect, title: "Activity")
        guard inner.height > 0 else { return }
        if state.activity.isEmpty { return canvas.emptyMessage("nothing yet", in: inner) }
        let cursor = state.cursor(.activity)
        let layout = ActivityLines(width: inner.width - ActivityLines.textColumn - 1, rows: inner.height)
        let format = state.session.timeFormat
        var y = inner.y
        var index = cursor.offset
        while index < state.activity.count, y < inner.y + inner.height {
            let entry = state.activity[index]
            let row = ActivityRow(entry, format: format)
            let lines = layout.lines(entry)
            canvas.text(row.time, x: inner.x + 2, y: y, width: 8, .muted)
            for (number, line) in lines.enumerated() where y + number < inner.y + inner.height {
                canvas.text(
                    line, x: inner.x + ActivityLines.textColumn, y: y + number, width: layout.width, row.role)
                if state.focus == .activity, index == cursor.selected {
                    if number == 0 {
                        canvas.selectRow(.activity, in: state, x: inner.x, y: y, width: inner.width)
                    } else {
                        canvas.highlight(x: inner.x, y: y + number, width: inner.width, .selection)
                    }
                }
            }
            y += lines.count
            index += 1
        }
        let shown = y > inner.y + inner.height ? index - 1 - cursor.offset : index - cursor.offset
        canvas.position(
            of: cursor.selected, in: state.activity.count, visible: cursor.offset > 0 ? 0 : shown, pane: .activity,
            state, rect)
    }
}
