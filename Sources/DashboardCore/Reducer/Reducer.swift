import Foundation
import GitHubMigrations
import TerminalUI

/// The dashboard's one decision function: `reduce(&state, event) -> [Effect]`.
///
/// Pure: no I/O, no clock (time arrives in events). Split by event family into
/// `Reducer+*.swift` files so no part grows into a god function.
public enum Reducer {
    /// The effects to run at launch.
    public static func start(_ state: inout DashboardState) -> [Effect] {
        state.poll.add(.account)
        return pollEffects(&state)
    }

    /// Applies one event and returns the work it calls for.
    public static func reduce(_ state: inout DashboardState, _ event: Event) -> [Effect] {
        let writes = state.pendingWrites.count
        let wasStale = state.connection.isStale
        var effects = apply(&state, event)
        // The tick closes each turn of the runtime: what finished in it is one notification.
        if case .tick = event { effects += sendAlerts(&state) }
        if state.connection.isStale != wasStale { noteConnection(&state, wasStale: wasStale) }
        if !state.quitting { effects += loadSelectedRepositories(&state) }
        // What moves may have changed: the planner decides again what to poll, and how often.
        if event.mayChangePlan || state.pendingWrites.count != writes { replan(&state) }
        countRequests(&state, effects)
        scrollSelectionsIntoView(&state)
        if event.mayChangeBatchCounts { state.countBatches() }
        return effects
    }

    /// Keeps every pane's selection on screen for the current layout.
    static func scrollSelectionsIntoView(_ state: inout DashboardState) {
        let layout = Layout(size: state.size)
        for pane in PaneID.allCases {
            var cursor = state.cursor(pane)
            let count = state.rowCount(pane)
            cursor.clamp(count: count)
            cursor.scroll(visible: layout.visibleRows(pane), count: count)
            if pane == .activity {
                // Entries wrap to several lines: start late enough that the selected one is whole.
                cursor.offset = ActivityLines(layout: layout).top(
                    keeping: cursor.selected, from: cursor.offset, in: state.activity)
            }
            if cursor != state.cursor(pane) { state.cursors[pane] = cursor }
        }
    }

    private static func apply(_ state: inout DashboardState, _ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            return reduceKey(&state, key)
        case .tick(let now):
            state.now = now
            return reduceTick(&state)
        case .resized(let size):
            state.size = size
            return []
        case .quitRequested:
            state.quitting = true
            return [.quit]
        case .journalOpened(let snapshot):
            journalOpened(&state, snapshot)
            return []
        case .journalUnavailable(let reason, let at):
            log(&state, .error, "no journal: \(reason); running without one", at: at)
            state.notice = ("no journal: \(reason)", at.addingTimeInterval(30))
            return []
        case .historyLoaded(let key, let load):
            historyLoaded(&state, key, load)
            return []
        case .drawn:
            markOverlaySeen(&state)
            return []
        case .connected(let user, let orgs, let at):
            return connected(&state, user: user, orgs: orgs, at: at)
        case .migrationPageLoaded(let scope, let page, let list, let at):
            return migrationPageLoaded(&state, scope: scope, page: page, list, at: at)
        case .migrationLoaded(let key, let migration, let at):
            return migrationLoaded(&state, key, migration, at: at)
        case .repositoriesLoaded(let key, let repos):
            state.repositories[key] = repos
            state.repositoryLoads[key] = nil
            return []
        case .repositoryChoicesLoaded(let scope, let names):
            return repositoryChoicesLoaded(&state, scope: scope, names: names)
        case .importsDiscovered(let repos):
            return importsDiscovered(&state, repos)
        case .importLoaded(let repo, let progress, let at):
            return importLoaded(&state, repo, progress, at: at)
        case .importGone(let repo, let at):
            return importGone(&state, repo, at: at)
        case .importsRetired(let error, let at):
            return importsRetired(&state, error, at: at)
        case .authorsLoaded(let repo, let authors):
            return authorsLoaded(&state, repo, authors)
        case .requestFailed(let effect, let error, let at):
            return requestFailed(&state, effect, error, at: at)
        case .actionCompleted(let action, let at):
            return actionCompleted(&state, action, at: at)
        case .migrationStarted(let scope, let request, let migration, let at):
            return migrationStarted(&state, scope, request, migration, at: at)
        case .actionFailed(let action, let error, let at):
            return actionFailed(&state, action, error, at: at)
        case .rateLimitUpdated(let limit):
            if let limit { state.rateLimit = limit }
            return []
        case .apiPaused(let pause):
            apiPaused(&state, pause)
            return []
        case .downloadProgress, .downloadVerifying, .downloadFinished, .downloadFailed, .archivesFound,
            .archivesUnchanged:
            return reduceDownload(&state, event)
        case .archiveInspected, .archiveInspectionFailed:
            return reduceInspection(&state, event)
        }
    }

    /// Appends a line to the activity log, newest first, keeping at most 1,000 lines.
    static func log(_ state: inout DashboardState, _ kind: ActivityEntry.Kind, _ text: String, at time: Date) {
        state.activity.insert(ActivityEntry(time: time, kind: kind, text: text), at: 0)
        if state.activity.count > 1000 { state.activity.removeLast(state.activity.count - 1000) }
        if state.focus == .activity, var cursor = state.cursors[.activity], cursor.selected > 0 {
            cursor.move(by: 1, count: state.activity.count)
            state.cursors[.activity] = cursor
        }
    }

    /// Shows a one-line notice in the status bar for a few seconds.
    /// The data went stale or current again: a change worth keeping (the journal's offline periods).
    static func noteConnection(_ state: inout DashboardState, wasStale: Bool) {
        let kind: String
        switch state.connection {
        case .offline: kind = "offline"
        case .retrying: kind = "retrying"
        case .rateLimited: kind = "rate-limit"
        case .unauthorized: kind = "unauthorized"
        case .live, .partial, .connecting: kind = "recovered"
        }
        let message = wasStale ? "the data is current again" : (state.pollProblem ?? kind)
        state.changes.append(.problem(kind: kind, message: message, at: state.now))
    }

    static func notify(_ state: inout DashboardState, _ text: String) {
        state.notice = (text, state.now.addingTimeInterval(5))
    }
}
