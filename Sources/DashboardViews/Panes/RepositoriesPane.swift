import DashboardCore
import TerminalUI

/// The repositories of the selected migration, each `locked` or `unlocked`.
enum RepositoriesPane {
    /// What the pane says when it lists nothing: loading, why the load failed, or that there are none.
    static func emptyMessage(_ state: DashboardState, _ key: MigrationKey) -> String {
        if state.repositories[key] != nil { return "no repositories" }
        switch state.repositoryLoads[key] {
        case .failed(let reason)?: return "could not load them: \(reason) (r retries)"
        case .loading?: return "loading…"
        case nil: return state.migrations[key]?.repositoriesExcluded == true ? "loading…" : "no repositories"
        }
    }

    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        let key = state.selectedMigration
        let repos = state.listedRepositories
        let total = state.selectedRepositories.count
        let count = repos.count == total ? "\(total)" : "\(repos.count) of \(total)"
        var title = key.map { "Repositories · \($0.id) (\(count))" } ?? "Repositories"
        title += PaneFrame.listSuffix(.repositories, state)
        let inner = canvas.pane(.repositories, in: state, rect: rect, title: title)
        guard let key, inner.height > 0 else { return canvas.emptyMessage("select a migration", in: inner) }
        if repos.isEmpty {
            let filter = state.filter(of: .repositories)
            let message = total > 0 && !filter.isEmpty ? "nothing matches /\(filter)" : emptyMessage(state, key)
            return canvas.emptyMessage(message, in: inner)
        }
        let cursor = state.cursor(.repositories)
        canvas.position(of: cursor.selected, in: repos.count, visible: inner.height, pane: .repositories, state, rect)
        let end = min(repos.count, cursor.offset + inner.height)
        let rows = (cursor.offset..<end).map { RepositoryRow(repos[$0], of: key, in: state) }
        // `unlocked` fits in 8 columns; the column widens only while an `unlocking…` is shown.
        let lockWidth = max(8, rows.map { DisplayWidth.of($0.lock) }.max() ?? 0)
        for (line, index) in (cursor.offset..<end).enumerated() {
            let row = rows[line]
            let y = inner.y + line
            // A column of space between a cut name and the lock state.
            let nameWidth = inner.width - lockWidth - 4
            canvas.text(DisplayWidth.pad(row.name, to: nameWidth), x: inner.x + 2, y: y, width: nameWidth, .normal)
            canvas.text(
                DisplayWidth.pad(row.lock, to: lockWidth, alignRight: true), x: inner.x + inner.width - lockWidth - 1,
                y: y, width: lockWidth, row.lockRole)
            canvas.markRow(.repository(RepositoryMark(key, repos[index].name)), in: state, x: inner.x, y: y)
            if index == cursor.selected {
                canvas.selectRow(.repositories, in: state, x: inner.x, y: y, width: inner.width)
            }
        }
    }
}
