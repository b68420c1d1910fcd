import DashboardCore
import Foundation
import Journal

extension EffectRunner {
    /// Earlier entries shown in the Activity pane after a restart.
    static let journalHistory = 200

    /// Opens the journal of `login` (once: a reconnection finds it open) and reads what the dashboard
    /// shows of it, or says why there is none.
    func openJournal(login: String) -> [Event] {
        guard let recorder, !recorder.isOff, !recorder.isOpen else { return [] }
        switch recorder.open(login: login, now: Date()) {
        case .success(nil):
            return []
        case .success(let journal?):
            do {
                let entries = try journal.recentEntries(limit: Self.journalHistory)
                let activity = entries.map { entry in
                    ActivityEntry(time: entry.at, kind: Self.kind(of: entry), text: entry.text)
                }
                // Only exports watched from start to end: an upper bound would skew every estimate.
                let samples = try journal.exportDurations(limit: ExportBook.sampleLimit)
                    .filter { $0.finished && !$0.approximate }
                    .map { ExportSample(repositories: $0.repositories, seconds: $0.seconds) }
                var snapshot = JournalSnapshot(
                    path: journal.url.path, activity: activity, firstExported: try journal.firstSeenExported(),
                    exportTimings: try journal.exportTimings(), exportSamples: samples,
                    movedAside: journal.movedAside?.path)
                let settled = try journal.settledMutations()
                snapshot.unlocked = settled.unlocked
                snapshot.archivesDeleted = settled.archivesDeleted
                return [.journalOpened(snapshot)]
            } catch {
                return [.journalUnavailable(error.description, at: Date())]
            }
        case .failure(let error):
            return [.journalUnavailable(error.description, at: Date())]
        }
    }

    /// One migration's history for its details, or why there is none.
    func loadHistory(_ key: MigrationKey) -> Event {
        guard let recorder, !recorder.isOff else { return .historyLoaded(key, .unavailable("no journal is kept")) }
        guard let journal = recorder.journal else {
            return .historyLoaded(key, .unavailable("the journal is not open"))
        }
        do {
            return .historyLoaded(key, try journal.history(of: key).load)
        } catch {
            return .historyLoaded(key, .unavailable(error.description))
        }
    }

    /// The Activity pane's colour for a journal entry.
    private static func kind(of entry: JournalEntry) -> ActivityEntry.Kind {
        switch entry.kind {
        case .observation, .importStatus: .change
        case .mutation: entry.mutation?.failure == nil ? .action : .error
        case .download: .action
        case .problem: .error
        }
    }
}
