import Foundation
import GitHubMigrations

extension Reducer {
    /// `Enter` on a migration: its details, and its history asked of the journal (shown once read).
    static func openMigrationDetails(_ state: inout DashboardState, _ key: MigrationKey) -> [Effect] {
        state.overlay = .details(.migration(key))
        // Only the open details' history is kept, read afresh each time they open.
        state.exports.history = [key: .loading]
        return [.loadHistory(key)]
    }

    /// The journal answered: kept while those details are still the ones asked for.
    static func historyLoaded(_ state: inout DashboardState, _ key: MigrationKey, _ load: HistoryLoad) {
        guard state.exports.history[key] != nil else { return }
        state.exports.history[key] = load
    }

    /// What earlier runs measured: their timings complete this run's, their exact exports join the samples.
    static func journalExports(_ state: inout DashboardState, _ snapshot: JournalSnapshot) {
        state.exports.journal = snapshot.exportTimings
        // This run's samples are the newest; the journal's follow.
        let samples = state.exports.samples + snapshot.exportSamples
        state.exports.samples = Array(samples.prefix(ExportBook.sampleLimit))
    }

    /// Notes when a migration's export started and ended, as the journal does: a migration first seen
    /// while watched starts then; one already there when its page was first read started at GitHub's
    /// `created_at`; the end is the first time it is seen exported, approximate when that is on a first
    /// reading. An export watched from start to end becomes a sample for estimates.
    static func noteExport(
        _ state: inout DashboardState, _ key: MigrationKey, _ previous: Migration?, _ migration: Migration,
        quiet: Bool, at time: Date
    ) {
        guard var timing = state.exports.observed[key] else {
            var timing = ExportTiming(start: quiet ? migration.createdAt : time, startApproximate: false)
            if migration.state == .exported {
                timing.end = time
                timing.endApproximate = quiet
            }
            state.exports.observed[key] = timing
            return
        }
        guard migration.state == .exported, previous?.state != .exported, timing.end == nil else { return }
        timing.end = time
        timing.endApproximate = false
        state.exports.observed[key] = timing
        // Earlier runs' end, when they saw one, is already among the journal's samples.
        guard state.exports.journal[key]?.end == nil, let whole = state.exports.timing(key),
            let span = whole.span(now: time, active: false), !span.approximate,
            let repositories = state.repositoryCount(key)
        else { return }
        state.exports.add(ExportSample(repositories: repositories, seconds: span.seconds))
    }
}
