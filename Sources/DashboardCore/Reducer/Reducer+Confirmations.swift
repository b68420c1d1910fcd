import Foundation
import GitHubMigrations

extension Reducer {
    /// Destructive commands open a question; the action runs only on `y`.
    static func askConfirmation(_ state: inout DashboardState, _ command: Command) {
        if state.markedInFocus > 0 {
            switch command {
            case .unlock: return askBatchUnlock(&state)
            case .deleteArchive: return askBatchDelete(&state)
            case .cancelImport: return askBatchCancel(&state)
            default: break
            }
        }
        switch command {
        case .unlockAll: askUnlockAll(&state)
        case .unlock: askUnlock(&state)
        case .deleteArchive: askDelete(&state)
        case .cancelImport: askCancel(&state)
        default: break
        }
    }

    /// A frame reached the terminal: an open question in it has now been seen, unless the terminal was
    /// too small to show it.
    static func markOverlaySeen(_ state: inout DashboardState) {
        guard case .confirm(var confirmation) = state.overlay, !confirmation.seen,
            !Layout(size: state.size).isTooSmall
        else { return }
        confirmation.seen = true
        state.overlay = .confirm(confirmation)
    }

    /// The work a seen question was answered `y` to.
    static func confirmed(_ state: inout DashboardState, _ work: Confirmation.Work) -> [Effect] {
        switch work {
        case .github(let action): return submit(&state, action)
        case .downloads(let keys):
            // Each keeps its mark until its archive is on disk, so `D` can still cancel the marked ones.
            return enqueueDownloads(&state, keys, note: "")
        case .batch(let batch): return enqueueBatch(&state, batch)
        }
    }

    private static func askUnlock(_ state: inout DashboardState) {
        guard let key = state.selectedMigration else { return notify(&state, "no migration selected") }
        let target =
            state.focus == .repositories
            ? state.selectedRepository?.name
            : state.selectedRepositories.map(\.name).first { state.isLocked(key, repository: $0) }
        guard let repository = target else { return notify(&state, "no locked repository to unlock") }
        guard state.isLocked(key, repository: repository) else {
            return notify(&state, "\(repository) is not locked by \(key)")
        }
        state.overlay = .confirm(
            Confirmation(
                action: .unlock(key, repository: repository), question: "Unlock \(repository) (\(key))?",
                consequence: "The repository becomes writable again; do this once the migration is done."))
    }

    private static func askDelete(_ state: inout DashboardState) {
        guard let key = state.selectedMigration, state.migrations[key] != nil else {
            return notify(&state, "no migration selected")
        }
        guard state.deleteSkip(key) == nil else {
            return notify(&state, "\(key) has no archive to delete")
        }
        var saved = state.downloaded[key] == nil ? " It has not been downloaded." : ""
        if let download = state.downloads[key] {
            let share = download.total.map { " (\(Int(Double(download.received) * 100 / Double(max($0, 1))))%)" } ?? ""
            saved += " It is downloading\(share); that download will then fail."
        } else if state.downloadQueue.contains(key) {
            saved += " It is queued for download, which is then dropped."
        }
        state.overlay = .confirm(
            Confirmation(
                action: .deleteArchive(key), question: "Delete the archive of \(key)?",
                consequence: "GitHub deletes it for good; the migration record stays.\(saved)"))
    }

    private static func askCancel(_ state: inout DashboardState) {
        guard let entry = state.selectedImport else { return notify(&state, "no import selected") }
        state.overlay = .confirm(
            Confirmation(
                action: .cancelImport(entry.repository), question: "Cancel the import into \(entry.repository)?",
                consequence: "GitHub stops the import and forgets its progress and author mappings."))
    }
}
