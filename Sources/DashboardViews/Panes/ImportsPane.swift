import DashboardCore
import TerminalUI

/// Followed source imports: two lines each, status and progress bars, then counts and the status text.
enum ImportsPane {
    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        let inner = canvas.pane(.imports, in: state, rect: rect, title: "Source imports (\(state.imports.count))")
        guard inner.height > 0 else { return }
        if let retired = state.importsRetired {
            canvas.text(retired, x: inner.x + 2, y: inner.y, width: inner.width - 3, .muted)
            return
        }
        if state.imports.isEmpty { return canvas.emptyMessage("no source imports; press i to start one", in: inner) }
        let cursor = state.cursor(.imports)
        let end = min(state.imports.count, cursor.offset + max(1, inner.height / 2))
        for (line, index) in (cursor.offset..<end).enumerated() {
            let row = ImportRow(state.imports[index])
            let y = inner.y + line * 2
            drawRow(row, x: inner.x + 2, y: y, width: inner.width - 3, on: &canvas)
            if index == cursor.selected { canvas.selectRow(.imports, in: state, x: inner.x, y: y, width: inner.width) }
        }
    }

    private static func drawRow(_ row: ImportRow, x: Int, y: Int, width: Int, on canvas: inout Canvas) {
        let nameWidth = max(8, width / 3)
        canvas.text(DisplayWidth.pad(row.repository, to: nameWidth), x: x, y: y, width: nameWidth, .normal)
        let statusWidth = 12
        canvas.text(DisplayWidth.pad(row.status, to: statusWidth), x: x + nameWidth + 1, y: y, width: statusWidth, row.statusRole)
        let barX = x + nameWidth + statusWidth + 2
        let barWidth = width - (barX - x)
        let percent = row.pushPercent.map { $0 > 0 || row.status == "pushing" } == true ? row.pushPercent : row.importPercent
        canvas.progress(percent, x: barX, y: y, width: barWidth)
        let detail = [row.commits, row.largeFiles, row.detail].filter { !$0.isEmpty }.joined(separator: " · ")
        canvas.text(detail, x: x + 2, y: y + 1, width: width - 2, .muted)
    }
}
