import DashboardCore
import TerminalUI

/// Followed source imports: two lines each, status and progress bars, then counts and the status text.
enum ImportsPane {
    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        let listed = state.listedImports
        let count =
            listed.count == state.imports.count ? "\(listed.count)" : "\(listed.count) of \(state.imports.count)"
        let title = "Source imports (\(count))" + PaneFrame.listSuffix(.imports, state)
        let inner = canvas.pane(.imports, in: state, rect: rect, title: title)
        guard inner.height > 0 else { return }
        if let retired = state.importsRetired {
            canvas.text(retired, x: inner.x + 2, y: inner.y, width: inner.width - 3, .muted)
            return
        }
        if state.imports.isEmpty {
            let message =
                state.importsDiscovering ? "looking for source imports…" : "no source imports; press i to start one"
            return canvas.emptyMessage(message, in: inner)
        }
        if listed.isEmpty { return canvas.emptyMessage("nothing matches /\(state.filter(of: .imports))", in: inner) }
        let cursor = state.cursor(.imports)
        canvas.position(of: cursor.selected, in: listed.count, visible: inner.height / 2, pane: .imports, state, rect)
        let end = min(listed.count, cursor.offset + max(1, inner.height / 2))
        for (line, index) in (cursor.offset..<end).enumerated() {
            let row = ImportRow(listed[index])
            let y = inner.y + line * 2
            drawRow(row, x: inner.x + 2, y: y, width: inner.width - 3, on: &canvas)
            canvas.markRow(.sourceImport(listed[index].repository), in: state, x: inner.x, y: y)
            if index == cursor.selected { canvas.selectRow(.imports, in: state, x: inner.x, y: y, width: inner.width) }
        }
    }

    /// Line one: repository and status. Line two: the current step's progress bar, commits, large files, status text.
    private static func drawRow(_ row: ImportRow, x: Int, y: Int, width: Int, on canvas: inout Canvas) {
        // GitHub's texts (status, status text, error) are cleaned here, where they meet the screen.
        let status = ScreenText.clean(row.status)
        let statusWidth = min(DisplayWidth.of(status), max(0, width / 2))
        let nameWidth = max(0, width - statusWidth - 1)
        let name = ScreenText.clean(row.repository)
        canvas.text(DisplayWidth.truncate(name, to: nameWidth), x: x, y: y, width: nameWidth, .normal)
        canvas.text(
            DisplayWidth.truncate(status, to: statusWidth), x: x + width - statusWidth, y: y, width: statusWidth,
            row.statusRole)
        let pushing = row.status == "pushing" || row.status == "complete"
        let percent = pushing ? row.pushPercent : row.importPercent
        var detailX = x + 2
        if percent != nil {
            let barWidth = min(16, max(6, (width - 2) / 2))
            canvas.progress(percent, x: detailX, y: y + 1, width: barWidth)
            detailX += barWidth + 1
        }
        let detail = [row.commits, row.largeFiles, row.detail].filter { !$0.isEmpty }.joined(separator: " · ")
        let room = max(0, x + width - detailX)
        canvas.text(
            DisplayWidth.truncate(ScreenText.clean(detail), to: room), x: detailX, y: y + 1, width: room, .muted)
    }
}
