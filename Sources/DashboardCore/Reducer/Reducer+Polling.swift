import Foundation
import GitHubMigrations

extension Reducer {
    /// Time passed: expire the notice, and start a poll when one is due.
    static func reduceTick(_ state: inout DashboardState) -> [Effect] {
        if let notice = state.notice, notice.until <= state.now { state.notice = nil }
        guard state.poll.isDue(at: state.now) else { return [] }
        guard state.user != nil else {
            state.poll.inFlight = 1
            return [.connect]
        }
        return pollEffects(&state)
    }

    /// The scopes whose migrations are shown: the user's own, then each watched organization.
    static func scopes(_ state: DashboardState) -> [MigrationScope] {
        [.user] + state.orgs.map(MigrationScope.organization)
    }

    /// One round of polling: every scope and every followed import that can still change.
    static func pollEffects(_ state: inout DashboardState) -> [Effect] {
        var effects = scopes(state).map(Effect.loadMigrations)
        if state.importsRetired == nil {
            effects += state.imports.filter { !($0.progress?.status.isComplete ?? false) }
                .map { .loadImport($0.repository) }
        }
        state.poll.inFlight = effects.count
        state.poll.roundFailed = false
        return effects
    }

    /// Counts a poll load as done; when the round is over, schedules the next one.
    static func finishLoad(_ state: inout DashboardState, failed: Bool, at time: Date) {
        state.poll.inFlight = max(0, state.poll.inFlight - 1)
        if failed { state.poll.roundFailed = true }
        guard state.poll.inFlight == 0 else { return }
        if state.poll.roundFailed {
            state.poll.failures += 1
        } else {
            state.poll.failures = 0
            state.connection = .live
            state.lastRefresh = time
        }
        let wait = PollSchedule.interval(active: isAnythingActive(state), failures: state.poll.failures)
        let next = time.addingTimeInterval(wait)
        if case .rateLimited(let until) = state.connection, until > next {
            state.poll.nextAt = until
        } else {
            state.poll.nextAt = next
            if state.poll.roundFailed, case .retrying = state.connection { state.connection = .retrying(at: next) }
        }
    }

    /// True while a migration exports, an import runs, or a download is under way.
    public static func isAnythingActive(_ state: DashboardState) -> Bool {
        state.migrations.values.contains { $0.state.isActive }
            || state.imports.contains { $0.progress.map { $0.status.isActive } ?? true }
            || !state.downloads.isEmpty
    }

    /// Asks for a poll now: `r`, and after every action.
    static func refreshNow(_ state: inout DashboardState) -> [Effect] {
        guard state.poll.inFlight == 0 else { return [] }
        state.poll.nextAt = nil
        return reduceTick(&state)
    }
}
