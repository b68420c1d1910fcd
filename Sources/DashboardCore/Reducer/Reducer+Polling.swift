import Foundation
import GitHubMigrations

extension Reducer {
    /// Time passed: expire the notice, start the downloads and polls that fell due.
    static func reduceTick(_ state: inout DashboardState) -> [Effect] {
        if let notice = state.notice, notice.until <= state.now { state.notice = nil }
        if let pause = state.apiPause, pause.until <= state.now { state.apiPause = nil }
        if let until = state.poll.blockedUntil, until <= state.now { state.poll.blockedUntil = nil }
        let abandoned = abandonLostStarts(&state, at: state.now)
        return abandoned + pumpDownloads(&state) + pumpBatches(&state) + pollEffects(&state)
    }

    /// The polls due now that may go: the longest overdue first, at most `maxPollsInFlight` out at once,
    /// and, except for first readings, only while the budget has room. The rest stay due.
    static func pollEffects(_ state: inout DashboardState) -> [Effect] {
        var slots = DashboardState.maxPollsInFlight - state.poll.inFlight
        var sent: [PollTarget] = []
        for target in state.poll.due(at: state.now) {
            guard target.asksGitHub else {
                sent.append(target)
                continue
            }
            guard slots > 0 else { continue }
            let first = state.isFirstReading(target)
            guard first || state.budget.allows(target.cost, at: state.now) else { continue }
            state.budget.record(target.cost, at: state.now, holds: !first)
            slots -= 1
            sent.append(target)
        }
        state.poll.sent(sent)
        return sent.map(\.effect)
    }

    /// Counts the requests of effects the user asked for (a download, a deletion, a repository list):
    /// never held back, but they leave less room for polls.
    static func countRequests(_ state: inout DashboardState, _ effects: [Effect]) {
        for effect in effects where PollTarget(effect) == nil {
            let cost: Int
            switch effect {
            case .loadRepositories, .loadRepositoryChoices, .loadAuthors, .perform, .download: cost = 1
            case .discoverImports: cost = 2 + state.orgs.count + 30
            default: cost = 0
            }
            state.budget.record(cost, at: state.now, holds: effect != .discoverImports)
        }
    }

    /// A poll answered: the target is current and due again after its planned interval.
    static func pollSucceeded(_ state: inout DashboardState, _ target: PollTarget, at time: Date) {
        noteRecovery(&state, target, at: time)
        state.poll.succeeded(target, at: time)
        updateConnection(&state, at: time)
    }

    /// Asks the planner what to poll and how often, and hands that to the schedule.
    static func replan(_ state: inout DashboardState) {
        guard state.user != nil else { return }
        state.poll.adopt(PollPlanner.plan(state.planInputs))
    }

    /// How often the download folder is looked at for archives saved by something else.
    static let archiveScanInterval: Double = 30

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
            state.changes.append(
                .problem(
                    kind: "secondary-limit", message: "\(pause.reason): every request waits \(wait)", at: state.now))
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
        case .page(.user, 1): "your migrations"
        case .page(.organization(let org), 1): org
        case .page(.user, let page): "your migrations (page \(page))"
        case .page(.organization(let org), let page): "\(org) (page \(page))"
        case .migration(let key): "migration \(key.id) of \(key.scope)"
        case .sourceImport(let repo): repo.description
        case .archives: "the download folder"
        }
    }
}
