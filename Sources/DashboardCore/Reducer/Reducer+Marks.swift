import Foundation
import GitHubMigrations

extension Reducer {
    /// `Space`: marks or unmarks the selected row of the focused pane, then moves down, as mutt and
    /// k9s do, so a run of rows is marked by holding the key.
    static func toggleMark(_ state: inout DashboardState) -> [Effect] {
        let pane = state.focus
        let index = state.cursor(pane).selected
        guard let item = markItems(state, pane, rows: index..<(index + 1)).first else {
            notify(&state, "nothing to mark")
            return []
        }
        if state.isMarked(pane, row: index) { unmark(&state, [item]) } else { mark(&state, [item]) }
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
        let count = state.rowCount(pane)
        let items = markItems(state, pane, rows: 0..<count)
        guard !items.isEmpty else { return notify(&state, "nothing to mark") }
        let allMarked = (0..<count).allSatisfy { state.isMarked(pane, row: $0) }
        if allMarked {
            unmark(&state, items)
            notify(&state, "unmarked \(rows(items.count))")
        } else {
            mark(&state, items)
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

    /// An item a mark can belong to.
    enum MarkItem {
        case migration(MigrationKey)
        case repository(RepositoryMark)
        case sourceImport(RepositoryName)
    }

    /// The items shown in rows `range` of a pane.
    private static func markItems(_ state: DashboardState, _ pane: PaneID, rows range: Range<Int>) -> [MarkItem] {
        switch pane {
        case .migrations:
            let order = state.migrationOrder
            return range.clamped(to: order.indices).map { .migration(order[$0]) }
        case .repositories:
            guard let key = state.selectedMigration else { return [] }
            let repos = state.listedRepositories
            return range.clamped(to: repos.indices).map { .repository(RepositoryMark(key, repos[$0].name)) }
        case .imports:
            let listed = state.listedImports
            return range.clamped(to: listed.indices).map { .sourceImport(listed[$0].repository) }
        case .activity:
            return []
        }
    }

    private static func mark(_ state: inout DashboardState, _ items: [MarkItem]) {
        for item in items {
            switch item {
            case .migration(let key): state.marks.migrations.insert(key)
            case .repository(let mark): state.marks.repositories.insert(mark)
            case .sourceImport(let repo): state.marks.imports.insert(repo)
            }
        }
    }

    private static func unmark(_ state: inout DashboardState, _ items: [MarkItem]) {
        for item in items {
            switch item {
            case .migration(let key): state.marks.migrations.remove(key)
            case .repository(let mark): state.marks.repositories.remove(mark)
            case .sourceImport(let repo): state.marks.imports.remove(repo)
            }
        }
    }

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
