import DashboardCore
import TerminalUI

/// The migrations pane: org and user migrations, newest first, one row each. Only visible rows are built.
enum MigrationsPane {
    /// The columns, most needed first in `priority`: the archive's time left and download progress
    /// outlast the scope, which narrows (`octo-org` still fits) before anything is dropped. Dates are
    /// wide enough for `2015-07-14`. The export's duration goes first when space is short.
    static let columns = [
        Column(header: "ID", width: 7, alignRight: true),
        Column(header: "SCOPE", width: 10, priority: 2, minimumWidth: 8),
        Column(header: "STATE", width: 9),
        Column(header: "REPOS", width: 5, alignRight: true, priority: 3),
        Column(header: "CREATED", width: 10, priority: 4),
        Column(header: "UPDATED", width: 10, priority: 5),
        Column(header: "EXPORT", width: 16, priority: 6, minimumWidth: 7),
        Column(header: "ARCHIVE", width: 15, priority: 1, minimumWidth: 13),
    ]

    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        let shown = state.migrationOrder.count
        let total = state.migrations.count
        var title = "Migrations (\(shown == total ? "\(total)" : "\(shown) of \(total)"))"
        title += PaneFrame.listSuffix(.migrations, state)
        let inner = canvas.pane(.migrations, in: state, rect: rect, title: title)
        guard inner.height > 0, inner.width > 4 else { return }
        let fitted = Column.fit(columns, into: inner.width - 2)
        var x = inner.x + 2
        for column in fitted {
            canvas.text(
                DisplayWidth.pad(column.header, to: column.width, alignRight: column.alignRight), x: x, y: inner.y,
                width: column.width, .columnHeader)
            x += column.width + 1
        }
        if state.migrationOrder.isEmpty {
            let message = emptyMessage(state)
            canvas.emptyMessage(
                message, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1))
            return
        }
        let cursor = state.cursor(.migrations)
        let visible = max(0, inner.height - 1)
        canvas.position(
            of: cursor.selected, in: state.migrationOrder.count, visible: visible, pane: .migrations, state, rect)
        let end = min(state.migrationOrder.count, cursor.offset + visible)
        for (line, index) in (cursor.offset..<end).enumerated() {
            let key = state.migrationOrder[index]
            guard let migration = state.migrations[key] else { continue }
            let row = MigrationRow(key, migration, in: state)
            let y = inner.y + 1 + line
            drawRow(row, fitted, stale: state.isFailing(key.scope), x: inner.x + 2, y: y, on: &canvas)
            canvas.markRow(.migration(key), in: state, x: inner.x, y: y)
            if index == cursor.selected {
                canvas.selectRow(.migrations, in: state, x: inner.x, y: y, width: inner.width)
            }
        }
    }

    /// What an empty list says: why nothing is there yet, when that is known.
    private static func emptyMessage(_ state: DashboardState) -> String {
        if !state.filter.isEmpty { return "nothing matches /\(state.filter)" }
        switch state.connection {
        case .connecting: return "loading…"
        case .unauthorized: return "GitHub refused the token; press r to try again"
        case .rateLimited: return "the rate limit is spent; the list loads when it resets"
        case .offline, .retrying: return state.pollProblem ?? "cannot reach the API"
        case .live, .partial: return "no migrations yet; press n to start one"
        }
    }

    /// One row; a row of a scope whose latest poll failed is drawn muted, its data possibly out of date
    /// (the title names the scope).
    private static func drawRow(
        _ row: MigrationRow, _ columns: [Column], stale: Bool, x start: Int, y: Int, on canvas: inout Canvas
    ) {
        var x = start
        for column in columns {
            let (value, role): (String, ThemeRole) =
                switch column.header {
                case "ID": (row.id, .emphasis)
                case "SCOPE": (row.scope, .normal)
                case "STATE": (row.state, row.stateRole)
                case "REPOS": (row.repositories, .normal)
                case "CREATED": (row.created, .muted)
                case "UPDATED": (row.updated, .muted)
                case "EXPORT":
                    (
                        DisplayWidth.of(row.export) > column.width
                            ? DisplayWidth.truncate(row.exportCompact ?? row.export, to: column.width) : row.export,
                        .normal
                    )
                default:
                    (
                        DisplayWidth.of(row.archive) > column.width
                            ? fitWords(row.archiveCompact ?? row.archive, to: column.width) : row.archive,
                        row.archiveRole
                    )
                }
            canvas.text(
                DisplayWidth.pad(value, to: column.width, alignRight: column.alignRight), x: x, y: y,
                width: column.width, stale ? .muted : role)
            x += column.width + 1
        }
    }

    /// The text with whole words dropped from its end until it fits (the compact progress puts its least
    /// useful part last), or cut with `…` when even the first word does not.
    static func fitWords(_ text: String, to width: Int) -> String {
        var words = text.split(separator: " ")
        while words.count > 1, DisplayWidth.of(words.joined(separator: " ")) > width { words.removeLast() }
        return DisplayWidth.truncate(words.joined(separator: " "), to: width)
    }
}
