import DashboardCore
import TerminalUI

/// The repositories of the selected migration, each `locked` or `unlocked`.
enum RepositoriesPane {
    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        let key = state.selectedMigration
        let repos = state.selectedRepositories
        let title = key.map { "Repositories · \($0.id) (\(repos.count))" } ?? "Repositories"
        let inner = canvas.pane(.repositories, in: state, rect: rect, title: title)
        guard let key, inner.height > 0 else { return canvas.emptyMessage("select a migration", in: inner) }
        if repos.isEmpty {
            let excluded = state.migrations[key]?.repositoriesExcluded ?? false
            return canvas.emptyMessage(excluded ? "loading…" : "no repositories", in: inner)
        }
        let cursor = state.cursor(.repositories)
        canvas.position(of: cursor.selected, in: repos.count, visible: inner.height, pane: .repositories, state, rect)
        let end = min(repos.count, cursor.offset + inner.height)
        let lockWidth = 8
        for (line, index) in (cursor.offset..<end).enumerated() {
            let row = RepositoryRow(repos[index], of: key, in: state)
            let y = inner.y + line
            let nameWidth = inner.width - lockWidth - 3
            canvas.text(DisplayWidth.pad(row.name, to: nameWidth), x: inner.x + 2, y: y, width: nameWidth, .normal)
            canvas.text(
                DisplayWidth.pad(row.lock, to: lockWidth, alignRight: true), x: inner.x + inner.width - lockWidth - 1,
                y: y, width: lockWidth, row.lockRole)
            if index == cursor.selected {
                canvas.selectRow(.repositories, in: state, x: inner.x, y: y, width: inner.width)
            }
        }
    }
}
