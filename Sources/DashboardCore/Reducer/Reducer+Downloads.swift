import Foundation
import GitHubMigrations

extension Reducer {
    /// `d`: download the selected migration's archive, unless it is not ready, gone, running or already saved.
    static func download(_ state: inout DashboardState) -> [Effect] {
        guard let key = state.selectedMigration, let migration = state.migrations[key] else {
            notify(&state, "no migration selected")
            return []
        }
        if let path = state.downloaded[key] {
            notify(&state, "already downloaded: \(path)")
            return []
        }
        guard migration.state == .exported, !state.archivesDeleted.contains(key) else {
            notify(&state, "\(key) has no archive to download (\(migration.state))")
            return []
        }
        guard state.downloads[key] == nil else {
            notify(&state, "\(key) is already downloading")
            return []
        }
        return startDownload(&state, key: key, migration: migration, at: state.now, note: "")
    }

    /// With auto-download on, a migration that reaches `exported` starts its download.
    static func autoDownload(_ state: inout DashboardState, key: MigrationKey, migration: Migration, at time: Date)
        -> [Effect]
    {
        guard state.session.autoDownload, state.downloaded[key] == nil, state.downloads[key] == nil,
            !state.archivesDeleted.contains(key), let expiry = state.archiveExpiry(key), time < expiry
        else { return [] }
        return startDownload(&state, key: key, migration: migration, at: time, note: " (auto)")
    }

    /// Marks a download as started, logs it, and asks the runner for it.
    private static func startDownload(
        _ state: inout DashboardState, key: MigrationKey, migration: Migration, at time: Date, note: String
    ) -> [Effect] {
        state.downloads[key] = DownloadState(started: time)
        log(&state, .action, "downloading the archive of \(key)\(note)", at: time)
        return [.download(key, guid: migration.guid)]
    }

    /// Progress, completion and failure of downloads, and archives found on disk at launch.
    static func reduceDownload(_ state: inout DashboardState, _ event: Event) -> [Effect] {
        switch event {
        case .downloadProgress(let key, let received, let total, let at):
            state.downloads[key]?.record(received: received, total: total, at: at)
        case .downloadVerifying(let key, let checked, let total, let at):
            if state.downloads[key]?.verified == nil {
                state.downloads[key]?.record(received: total, total: total, at: at)
            }
            state.downloads[key]?.verified = checked
        case .downloadFinished(let key, let path, let at):
            state.downloads[key] = nil
            state.downloaded[key] = path
            if state.inspections[key]?.path != path { state.inspections[key] = nil }
            log(&state, .action, "downloaded the archive of \(key) to \(path)", at: at)
            return state.session.bell ? [.bell] : []
        case .downloadFailed(let key, let error, let at):
            state.downloads[key] = nil
            log(&state, .error, "download of \(key) failed: \(error.userMessage)", at: at)
        case .archivesFound(let found):
            state.downloaded.merge(found) { _, new in new }
        default:
            break
        }
        return []
    }
}
