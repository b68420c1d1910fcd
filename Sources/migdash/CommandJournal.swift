import DashboardApp
import Foundation
import GitHubMigrations
import Synchronization

/// The journal of a command without a screen (`start`, `unlock`, `delete-archive`, `backup`): the client
/// reports each mutation to a recorder, which keeps them until the command ends; then, only if there
/// were any, one `GET /user` learns the login (the journal is per host and login) and they are written.
/// A command that changes nothing costs no request and opens no file.
enum CommandJournal {
    private struct Attached {
        var recorder: JournalRecorder
        var settings: ConnectionSettings
    }

    private static let attached = Mutex<Attached?>(nil)

    /// Makes `configuration` report its mutations to this command's journal.
    static func attach(_ configuration: inout ClientConfiguration, _ settings: ConnectionSettings) {
        let recorder = JournalRecorder(settings.journal, host: settings.host)
        configuration.onMutation = { recorder.record($0) }
        attached.withLock { $0 = Attached(recorder: recorder, settings: settings) }
    }

    /// Writes what the command did; a journal that cannot be kept is said in one line, and changes nothing
    /// of the command's outcome.
    static func finish() async {
        guard let attached = attached.withLock({ $0 }), attached.recorder.hasWaiting else { return }
        do {
            let login = try await attached.settings.login()
            if case .failure(let error) = attached.recorder.open(login: login, now: Date()) {
                Console.error("migdash: no journal: \(error)")
            }
            attached.recorder.flush()
        } catch {
            Console.error("migdash: no journal: cannot learn the login: \(CommandFailure.of(error).line)")
        }
    }
}
