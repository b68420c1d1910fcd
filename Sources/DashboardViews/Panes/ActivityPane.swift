import DashboardCore
import TerminalUI

/// The activity log: state changes, actions and errors, newest first.
enum ActivityPane {
    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        let inner = canvas.pane(.activity, in: state, rect: rect, title: "Activity")
        guard inner.height > 0 else { return }
        if state.activity.isEmpty { return canvas.emptyMessage("nothing yet", in: inner) }
        let cursor = state.cursor(.activity)
        canvas.position(
            of: cursor.selected, in: state.activity.count, visible: inner.height, pane: .activity, state, rect)
        let end = min(state.activity.count, cursor.offset + inner.height)
        for (line, index) in (cursor.offset..<end).enumerated() {
            let row = ActivityRow(state.activity[index], format: state.session.timeFormat)
            let y = inner.y + line
            canvas.text(row.time, x: inner.x + 2, y: y, width: 8, .muted)
            canvas.text(row.text, x: inner.x + 12, y: y, width: inner.width - 13, row.role)
            if state.focus == .activity, index == cursor.selected {
                canvas.selectRow(.activity, in: state, x: inner.x, y: y, width: inner.width)
            }
        }
    }
}
