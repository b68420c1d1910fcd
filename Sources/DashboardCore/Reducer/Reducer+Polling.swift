import Foundation
import GitHubMigrations

extension Reducer {
    /// Time passed: expire the notice, start the downloads and polls that fell due.
    static func reduceTick(_ state: inout DashboardState) -> [Effect] {
        if let notice = state.notice, notice.until <= state.now { state.notice = nil }
        if let pause = state.apiPause, pause.until <= state.now { state.apiPause = nil }
        if let until = state.poll.blockedUntil, until <= state.now { state.poll.blockedUntil = nil }
        abandonLostStarts(&state, at: state.now)
        return pumpDownloads(&state) + pollEffects(&state)
    }

    /// The polls due now, marked as sent.
    static func pollEffects(_ state: inout DashboardState) -> [Effect] {
        let due = state.poll.due(at: state.now)
        state.poll.sent(due)
        return due.map(\.effect)
    }

    /// A poll answered: the target is current and due again at the cadence of what is moving.
    static func pollSucceeded(_ state: inout DashboardState, _ target: PollTarget, at time: Date) {
        noteRecovery(&state, target, at: time)
        let active = isAnythingActive(state)
        let interval = active ? PollSchedule.activeInterval : PollSchedule.idleInterval
        state.poll.succeeded(target, at: time, interval: interval)
        // Something moves: every healthy target keeps the quick cadence, not just the one that answered.
        if active { state.poll.hasten(until: time.addingTimeInterval(interval)) }
        updateConnection(&state, at: time)
    }

    /// How often the download folder is looked at for archives saved by something else.
    static let archiveScanInterval: Double = 30

    /// True while a migration exports, an import runs, or a download is under way.
    public static func isAnythingActive(_ state: DashboardState) -> Bool {
        state.migrations.values.contains { $0.state.isActive }
            || state.imports.contains { entry in
                // One not loaded yet counts as moving, until its load fails.
                entry.progress.map { $0.status.isActive }
                    ?? !(state.poll.entry(.sourceImport(entry.repository))?.isFailing ?? true)
            }
            || !state.downloads.isEmpty || !state.pendingWrites.isEmpty
    }

    /// `r`: ask about everything now, and say what happens when nothing can be asked yet.
    static func refreshNow(_ state: inout DashboardState) -> [Effect] {
        if state.poll.halted != nil {
            log(&state, .info, "trying the token again", at: state.now)
            state.connection = state.user == nil ? .connecting : .retrying(at: state.now)
        }
        // The polls held in the client's pause are still out: the client must end the wait, or `r` would
        // find nothing due and change nothing until the pause (up to 15 minutes) is over.
        let resume: [Effect] = state.apiPause == nil ? [] : [.resumeRequests]
        state.apiPause = nil
        state.repositoryLoads = state.repositoryLoads.filter { $0.value == .loading }
        state.poll.makeAllDue()
        if let until = state.poll.blockedUntil, until > state.now {
            let wait = TimeFormat.duration(until.timeIntervalSince(state.now))
            notify(&state, "rate limit spent: refreshing when it resets, in \(wait)")
            return resume
        }
        let effects = pollEffects(&state)
        notify(&state, effects.isEmpty && resume.isEmpty ? "already refreshing…" : "refreshing…")
        return resume + effects
    }

    /// The client holds every request back: say what for and until when, once per pause.
    static func apiPaused(_ state: inout DashboardState, _ pause: APIPause) {
        guard pause.until > state.now else { return }
        if state.apiPause?.until != pause.until {
            let wait = TimeFormat.duration(pause.until.timeIntervalSince(state.now))
            log(&state, .info, "\(pause.reason): every request waits \(wait)", at: state.now)
        }
        state.apiPause = pause
    }

    /// Derives the status bar's account of the data from the schedule.
    static func updateConnection(_ state: inout DashboardState, at time: Date) {
        if let reason = state.poll.halted {
            state.connection = .unauthorized(reason)
            return
        }
        if let until = state.poll.blockedUntil, until > time {
            state.connection = .rateLimited(until: until)
            return
        }
        let watched = state.watchedTargets
        let entries = watched.compactMap { state.poll.entry($0) }
        let failing = zip(watched, entries).filter { $0.1.isFailing }
        if failing.isEmpty {
            state.connection = entries.allSatisfy { $0.lastSuccess != nil } && state.user != nil ? .live : .connecting
        } else if failing.count < entries.count {
            state.connection = .partial(failing: failing.map { $0.0.label })
        } else if failing.allSatisfy({ $0.1.isUnreachable }) {
            let since = failing.compactMap(\.1.failingSince).min() ?? time
            state.connection = .offline(since: since)
        } else {
            state.connection = .retrying(at: failing.compactMap(\.1.dueAt).min() ?? time)
        }
    }
}

extension PollTarget {
    /// How the target is named in the status bar and the log: `octo-org`, `the account`, `owner/repo`.
    var label: String {
        switch self {
        case .account: "the account"
        case .scope(.user): "your migrations"
        case .scope(.organization(let org)): org
        case .sourceImport(let repo): repo.description
        case .archives: "the download folder"
        }
    }
}
