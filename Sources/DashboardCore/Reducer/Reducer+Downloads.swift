import Foundation
import GitHubMigrations

extension Reducer {
    /// `d`: queue the selected migration's archive, unless it is not ready, gone, queued, running or saved.
    static func download(_ state: inout DashboardState) -> [Effect] {
        guard let key = state.selectedMigration, let migration = state.migrations[key] else {
            notify(&state, "no migration selected")
            return []
        }
        if let path = state.downloaded[key] {
            notify(&state, "already downloaded: \(path)")
            return []
        }
        guard !state.archivesDeleted.contains(key) else {
            notify(&state, "the archive of \(key) was deleted")
            return []
        }
        guard migration.state == .exported else {
            notify(&state, "\(key) has no archive to download (\(migration.state))")
            return []
        }
        guard state.downloads[key] == nil, !state.downloadQueue.contains(key) else {
            notify(&state, "\(key) is already \(state.downloads[key] == nil ? "queued" : "downloading")")
            return []
        }
        // The seven days are estimated (GitHub reports no export time), so `d` tries whatever the
        // estimate says; GitHub's answer decides.
        let effects = enqueueDownloads(&state, [key], note: "", trustExpiry: false)
        if state.downloads[key] == nil, state.downloadQueue.contains(key) { notify(&state, queuedNotice(state, key)) }
        return effects
    }

    /// Why a queued download has not started, for the status bar.
    private static func queuedNotice(_ state: DashboardState, _ key: MigrationKey) -> String {
        if let until = state.poll.blockedUntil, until > state.now {
            return
                "queued: starts when the rate limit resets, in \(TimeFormat.duration(until.timeIntervalSince(state.now)))"
        }
        let ahead = state.downloadQueue.firstIndex(of: key) ?? 0
        return "queued: \(state.downloads.count) running, \(ahead) ahead of it"
    }

    /// With auto-download on, a migration that reaches `exported` while migdash watches is queued.
    static func autoDownload(_ state: inout DashboardState, key: MigrationKey, migration: Migration, at time: Date)
        -> [Effect]
    {
        guard state.session.autoDownload, isDownloadable(state, key, at: time) else { return [] }
        return enqueueDownloads(&state, [key], note: " (auto)")
    }

    /// True when an archive exists on GitHub (and, trusting the estimate, has not expired) and is
    /// neither saved, queued nor running.
    private static func isDownloadable(
        _ state: DashboardState, _ key: MigrationKey, at time: Date, trustExpiry: Bool = true
    ) -> Bool {
        guard state.downloadSkip(key) == nil, let expiry = state.archiveExpiry(key) else { return false }
        return !trustExpiry || time < expiry
    }

    /// Once every scope has answered, auto-download asks once about archives exported before this run,
    /// rather than starting them all at once: with 300 old migrations that would be 300 downloads.
    static func askAboutBacklog(_ state: inout DashboardState) -> [Effect] {
        guard state.session.autoDownload, !state.backlogAsked, state.overlay == nil, !state.filterEditing,
            everyScopeAnswered(state)
        else { return [] }
        state.backlogAsked = true
        // Every migration, not the filtered rows; the ones that expire first go first.
        let backlog = state.migrations.keys.filter { isDownloadable(state, $0, at: state.now) }
            .sorted { (state.archiveExpiry($0) ?? .distantFuture) < (state.archiveExpiry($1) ?? .distantFuture) }
        guard !backlog.isEmpty else { return [] }
        let soonest = backlog.compactMap { state.archiveExpiry($0) }.min()
        let expiry = soonest.map { "; the first expires in \(TimeFormat.duration($0.timeIntervalSince(state.now)))" }
        let count = backlog.count == 1 ? "1 archive" : "\(backlog.count) archives"
        state.overlay = .confirm(
            Confirmation(
                work: .downloads(backlog), question: "Download \(count) exported before migdash started?",
                consequence: "Auto-download fetches archives of migrations that finish from now on\(expiry ?? ""). "
                    + "y queues these too, \(state.session.downloadConcurrency) at a time; n leaves them."))
        return []
    }

    /// Puts archives in the download queue and starts as many as the concurrency limit allows.
    static func enqueueDownloads(
        _ state: inout DashboardState, _ keys: [MigrationKey], note: String, trustExpiry: Bool = true
    ) -> [Effect] {
        var queued = 0
        for key in keys where isDownloadable(state, key, at: state.now, trustExpiry: trustExpiry) {
            state.downloadQueue.append(key)
            queued += 1
            if keys.count == 1 {
                log(&state, .action, "queued the archive of \(key) for download\(note)", at: state.now)
            }
        }
        if keys.count > 1 { log(&state, .action, "queued \(queued) archives for download\(note)", at: state.now) }
        return pumpDownloads(&state)
    }

    /// Starts queued downloads while fewer than the limit run, unless the rate limit is spent (each
    /// download asks the API for its archive's address first).
    static func pumpDownloads(_ state: inout DashboardState) -> [Effect] {
        if let until = state.poll.blockedUntil, until > state.now { return [] }
        guard state.poll.halted == nil else { return [] }
        var effects: [Effect] = []
        while state.downloads.count < max(1, state.session.downloadConcurrency), !state.downloadQueue.isEmpty {
            let key = state.downloadQueue.removeFirst()
            guard let migration = state.migrations[key], migration.state == .exported,
                !state.archivesDeleted.contains(key)
            else { continue }
            state.downloads[key] = DownloadState(started: state.now)
            log(&state, .action, "downloading the archive of \(key)", at: state.now)
            effects.append(.download(key, guid: migration.guid))
        }
        return effects
    }

    /// Progress, completion and failure of downloads, and archives found on disk.
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
            state.marks.migrations.remove(key)
            if state.inspections[key]?.path != path { state.inspections[key] = nil }
            log(&state, .action, "downloaded the archive of \(key) to \(path)", at: at)
            state.changes.append(.downloadFinished(key, path: path, at: at))
            return alert(&state, .downloadFinished, "archive of \(key) downloaded") + pumpDownloads(&state)
        case .downloadFailed(let key, let error, let at):
            return downloadFailed(&state, key, error, at: at)
        case .archivesFound(let found):
            // The whole folder: an archive deleted or moved away loses its ✓ (and `d` works again).
            state.downloaded = found
            state.downloadQueue.removeAll { found[$0] != nil }
            state.poll.succeeded(.archives, at: state.now, interval: archiveScanInterval)
        case .archivesUnchanged:
            state.poll.succeeded(.archives, at: state.now, interval: archiveScanInterval)
        default:
            break
        }
        return []
    }

    /// A download failed. Stopped by the spent rate limit, it goes back to the front of the queue and
    /// starts when the limit resets; otherwise it is logged and the next one starts.
    private static func downloadFailed(
        _ state: inout DashboardState, _ key: MigrationKey, _ error: ArchiveDownloadError, at time: Date
    ) -> [Effect] {
        // A download cancelled with `D` has already left; how its task ended says nothing more.
        guard state.downloads[key] != nil else { return [] }
        state.downloads[key] = nil
        if let apiError = error.apiError, apiError.kind == .rateLimited {
            holdForRateLimit(&state, apiError, at: time)
            state.downloadQueue.insert(key, at: 0)
            logOnce(&state, "download of \(key) waits for the rate limit to reset", at: time)
            updateConnection(&state, at: time)
            return []
        }
        if let apiError = error.apiError, apiError.kind == .unauthorized { _ = halt(&state, apiError, at: time) }
        log(&state, .error, "download of \(key) failed: \(error.userMessage)", at: time)
        state.changes.append(.downloadFailed(key, reason: error.userMessage, at: time))
        // An archive left unfetched expires in days: as worth a look as a failed export.
        return alert(&state, .downloadFailed, "download of \(key) failed") + pumpDownloads(&state)
    }
}

extension Reducer {
    /// `D`: cancels the downloads of the marked migrations, or of the selected one: a queued one leaves
    /// the queue, a running one stops. The part on disk stays, so `d` later resumes where it stopped.
    static func cancelDownloads(_ state: inout DashboardState) -> [Effect] {
        let keys = state.marks.migrations.isEmpty ? [state.selectedMigration].compactMap { $0 } : state.markedMigrations
        var effects: [Effect] = []
        var cancelled: [MigrationKey] = []
        for key in keys {
            if let place = state.downloadQueue.firstIndex(of: key) {
                state.downloadQueue.remove(at: place)
                cancelled.append(key)
            } else if state.downloads[key] != nil {
                state.downloads[key] = nil
                effects.append(.cancelDownload(key))
                cancelled.append(key)
            }
        }
        guard !cancelled.isEmpty else {
            notify(&state, keys.count > 1 ? "no marked archive is downloading or queued" : "no download to cancel")
            return []
        }
        let names = listed(cancelled.map { String($0.id) })
        log(
            &state, .action, "cancelled the download of \(names); what is on disk is kept for d to resume",
            at: state.now)
        notify(&state, "cancelled \(counted(cancelled.count, "download"))")
        return effects + pumpDownloads(&state)
    }
}
