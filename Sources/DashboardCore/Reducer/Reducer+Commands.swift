import Foundation
import GitHubMigrations

extension Reducer {
    /// Runs a command from the key table. Read-only and confirmation rules live here, with the command.
    static func run(_ state: inout DashboardState, _ command: Command) -> [Effect] {
        // What the last command said does not stay over the next one's outcome (moving keeps it readable).
        if !Self.keepsNotice.contains(command) { state.notice = nil }
        if command.isMutating, state.session.readOnly {
            notify(&state, "read-only: \(command.summary) is disabled")
            return []
        }
        if !state.isAvailable(command) {
            notify(&state, importsRetiredNotice)
            return []
        }
        if let panes = command.panes, !panes.contains(state.focus) {
            notify(&state, "\(command.summary): not available in \(state.focus.title)")
            return []
        }
        switch command {
        case .nextPane: state.focus = state.focus.next
        case .previousPane: state.focus = state.focus.previous
        case .focusMigrations: state.focus = .migrations
        case .focusRepositories: state.focus = .repositories
        case .focusImports: state.focus = .imports
        case .focusActivity: state.focus = .activity
        case .moveDown: return move(&state) { $0.move(by: 1, count: $1) }
        case .moveUp: return move(&state) { $0.move(by: -1, count: $1) }
        case .first: return move(&state) { cursor, _ in cursor.first() }
        case .last: return move(&state) { $0.last(count: $1) }
        case .pageDown: return move(&state) { [page = pageSize(state)] in $0.move(by: page, count: $1) }
        case .pageUp: return move(&state) { [page = pageSize(state)] in $0.move(by: -page, count: $1) }
        case .details: return openDetails(&state)
        case .refresh: return refreshNow(&state)
        case .filter: state.filterEditing = true
        case .cycleSort:
            cycleSort(&state)

        case .suspend: return [.suspend]
        case .help: state.overlay = .help(HelpState())
        case .quit:
            // Leaving now would leave a batch's other changes unsent: `q` says so once, a second `q` leaves
            // (Ctrl-C always leaves at once).
            if let batch = state.runningBatch, (state.quitArmedUntil ?? .distantPast) < state.now {
                let left = batch.waiting.count + (batch.current == nil ? 0 : 1)
                state.quitArmedUntil = state.now.addingTimeInterval(5)
                notify(&state, "\(batch.title) \(batch.progress) under way: q again leaves \(left) unsent")
                return []
            }
            state.quitting = true
            return [.quit]
        case .newMigration, .newImport, .mapAuthors, .lfsPreference:
            return openDialog(&state, command)
        case .unlock, .deleteArchive, .cancelImport, .unlockAll:
            askConfirmation(&state, command)
        case .download:
            if state.markedInFocus > 0 {
                askBatchDownload(&state)
                return []
            }
            return download(&state)
        case .mark: return toggleMark(&state)
        case .markAll: markAll(&state)
        case .clearMarks: clearMarks(&state)
        case .cancelDownload: return cancelDownloads(&state)
        case .lockedRepositories: openLockedList(&state)
        case .copyID: return copyID(&state)
        case .copyLink: return copyLink(&state)
        }
        return []
    }

    /// Commands that leave the status line as it is: moving about, help.
    private static let keepsNotice: Set<Command> = [
        .moveDown, .moveUp, .first, .last, .pageUp, .pageDown, .nextPane, .previousPane, .focusMigrations,
        .focusRepositories, .focusImports, .focusActivity, .help, .suspend,
    ]

    /// `s`: the focused pane's next order, keeping the same row selected where it is a migration.
    private static func cycleSort(_ state: inout DashboardState) {
        let selected = state.selectedItem(of: state.focus)
        defer { state.reselect(selected, in: state.focus) }
        switch state.focus {
        case .migrations:
            state.sort = state.sort.next
            rebuildMigrationOrder(&state, keeping: state.selectedMigration)
        case .repositories:
            state.repositorySort = state.repositorySort.next
        case .imports:
            state.importSort = state.importSort.next
        case .activity:
            return
        }
        notify(&state, "sorted by \(state.sortName(of: state.focus))")
    }

    /// Rows a page key moves: the rows the focused pane shows at once.
    private static func pageSize(_ state: DashboardState) -> Int {
        max(1, Layout(size: state.size).visibleRows(state.focus))
    }

    /// Moves the focused pane's cursor; a new migration selection starts its repositories at the top.
    private static func move(_ state: inout DashboardState, _ change: (inout ListCursor, Int) -> Void) -> [Effect] {
        let pane = state.focus
        var cursor = state.cursor(pane)
        let before = state.selectedMigration
        change(&cursor, state.rowCount(pane))
        state.cursors[pane] = cursor
        if pane == .migrations { state.selectionPinned = true }
        if pane == .migrations, state.selectedMigration != before { state.cursors[.repositories] = ListCursor() }
        return []
    }

    /// The selected migration's repositories, when the list left them out and they were not asked for
    /// yet: whatever selected it (a key, the first load, a filter), the pane then fills.
    static func loadSelectedRepositories(_ state: inout DashboardState) -> [Effect] {
        // Nothing goes to GitHub while it refuses the token or the rate limit is spent.
        guard state.poll.halted == nil, (state.poll.blockedUntil ?? state.now) <= state.now,
            let key = state.selectedMigration, let migration = state.migrations[key],
            migration.repositoriesExcluded || migration.repositories.isEmpty,
            state.repositories[key] == nil, state.repositoryLoads[key] == nil
        else { return [] }
        state.repositoryLoads[key] = .loading
        return [.loadRepositories(key)]
    }

    /// `Enter`: a downloaded archive's contents (read once, by the runtime), else the item's details.
    private static func openDetails(_ state: inout DashboardState) -> [Effect] {
        switch state.focus {
        case .migrations:
            guard let key = state.selectedMigration else { return [] }
            if state.downloaded[key] != nil { return openArchive(&state, key) }
            return openMigrationDetails(&state, key)
        case .repositories:
            if let key = state.selectedMigration, let repository = state.selectedRepository {
                state.overlay = .details(.repository(key, repository.name))
            }
        case .imports:
            if let entry = state.selectedImport { state.overlay = .details(.sourceImport(entry.repository)) }
        case .activity:
            let index = state.cursor(.activity).selected
            if state.activity.indices.contains(index) { state.overlay = .details(.activity(index)) }
        }
        return []
    }
}
