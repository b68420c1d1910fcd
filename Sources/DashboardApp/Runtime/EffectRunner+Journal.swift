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
                let snapshot = JournalSnapshot(
                    path: journal.url.path, activity: activity, firstExported: try journal.firstSeenExported(),
                    movedAside: journal.movedAside?.path)
                return [.journalOpened(snapshot)]
            } catch {
                return [.journalUnavailable(error.description, at: Date())]
            }
        case .failure(let error):
            return [.journalUnavailable(error.description, at: Date())]
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
