import Foundation
import GitHubMigrations

extension Reducer {
    /// `Space`: marks or unmarks the selected row of the focused pane, then moves down, as mutt and
    /// k9s do, so a run of rows is marked by holding the key.
    static func toggleMark(_ state: inout DashboardState) -> [Effect] {
        let pane = state.focus
        let index = state.cursor(pane).selected
        guard let item = state.markItems(pane, rows: index..<(index + 1)).first else {
            notify(&state, "nothing to mark")
            return []
        }
        if state.marks.contains(item) { state.marks.remove(item) } else { state.marks.insert(item) }
        var cursor = state.cursor(pane)
        cursor.move(by: 1, count: state.rowCount(pane))
        state.cursors[pane] = cursor
        if pane == .migrations { state.selectionPinned = true }
        return []
    }

    /// `*`: marks every row the pane shows through its filter; when all of them are marked already,
    /// unmarks them instead.
    static func markAll(_ state: inout DashboardState) {
        let pane = state.focus
        let items = state.markItems(pane, rows: 0..<state.rowCount(pane))
        guard !items.isEmpty else { return notify(&state, "nothing to mark") }
        // One pass over the items listed once: asking row by row would list the pane again for each.
        if items.allSatisfy(state.marks.contains) {
            items.forEach { state.marks.remove($0) }
            notify(&state, "unmarked \(rows(items.count))")
        } else {
            items.forEach { state.marks.insert($0) }
            notify(&state, "\(state.marks.count(pane)) marked")
        }
    }

    /// `Esc`: forgets every mark, in every pane.
    static func clearMarks(_ state: inout DashboardState) {
        let count = PaneID.allCases.reduce(0) { $0 + state.marks.count($1) }
        guard count > 0 else { return }
        state.marks = Marks()
        notify(&state, "cleared \(count == 1 ? "1 mark" : "\(count) marks")")
    }

    /// `3 rows`, `1 row`.
    static func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }

    /// A batch action was carried out on an item: its mark has served. Marks of items that failed stay,
    /// so the same key tries them again.
    static func unmarkDone(_ state: inout DashboardState, _ action: Action) {
        switch action {
        case .deleteArchive(let key): state.marks.migrations.remove(key)
        case .unlock(let key, let repository):
            state.marks.repositories.remove(RepositoryMark(key, repository))
            // A migration marked for `u` is done once none of its repositories is still locked.
            if !state.lockedRepositories(of: key).isEmpty { break }
            state.marks.migrations.remove(key)
        case .cancelImport(let repo): state.marks.imports.remove(repo)
        default: break
        }
    }
}
