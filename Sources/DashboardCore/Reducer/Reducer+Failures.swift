import Foundation
import GitHubMigrations

extension Reducer {
    /// A load failed: keep the data on screen, mark what is stale, say so once, and back off that
    /// target alone, so one failing organization never holds up the others.
    static func requestFailed(_ state: inout DashboardState, _ effect: Effect, _ error: GitHubError, at time: Date)
        -> [Effect]
    {
        if error.kind == .unauthorized {
            // Whatever was waiting for this answer stops waiting, then everything halts.
            switch effect {
            case .loadRepositories(let key): state.repositoryLoads[key] = .failed(error.userMessage)
            case .discoverImports: state.importsDiscovering = false
            default: PollTarget(effect).map { state.poll.returned($0, dueAt: nil) }
            }
            return halt(&state, error, at: time)
        }
        switch effect {
        case .loadImport(let repo):
            if error.kind == .retiredAPI { return importsRetired(&state, error, at: time) }
            if error.kind == .notFound { return importGone(&state, repo, at: time) }
        case .discoverImports:
            if error.kind == .retiredAPI { return importsRetired(&state, error, at: time) }
            state.importsDiscovering = false
            logOnce(&state, "source imports: \(error.userMessage)", at: time)
            return []
        case .loadRepositories(let key):
            state.repositoryLoads[key] = .failed(error.userMessage)
            logOnce(&state, error.userMessage, at: time)
            return []
        case .loadAuthors, .loadRepositoryChoices:
            logOnce(&state, error.userMessage, at: time)
            return []
        default:
            break
        }
        guard let target = PollTarget(effect) else {
            logOnce(&state, error.userMessage, at: time)
            return []
        }
        return pollFailed(&state, target, error, at: time)
    }

    /// A rate limit answered: every request waits until it resets (GitHub's time, else a minute from
    /// now), and no earlier hold is shortened. Returns when the hold ends.
    @discardableResult
    static func holdForRateLimit(_ state: inout DashboardState, _ error: GitHubError, at time: Date) -> Date {
        let until = error.retryAt ?? time.addingTimeInterval(60)
        state.poll.blockedUntil = max(state.poll.blockedUntil ?? until, until)
        return until
    }

    /// A poll failed: a spent primary limit stops everything until the reset; an organization that never
    /// answered and was not named with `--org` is dropped with one line; anything else backs off alone.
    private static func pollFailed(
        _ state: inout DashboardState, _ target: PollTarget, _ error: GitHubError, at time: Date
    )
        -> [Effect]
    {
        if error.kind == .rateLimited {
            state.poll.returned(target, dueAt: holdForRateLimit(&state, error, at: time))
            logOnce(&state, error.userMessage, at: time)
            updateConnection(&state, at: time)
            return []
        }
        if case .page(.organization(let org), 1) = target, [.notFound, .forbidden].contains(error.kind),
            state.poll.entry(target)?.lastSuccess == nil, !state.session.configuredOrgs.contains(org)
        {
            // Only owners see an organization's migrations: stop watching one the user does not own.
            state.orgs.removeAll { $0 == org }
            state.poll.removeAll(of: .organization(org))
            state.listings[.organization(org)] = nil
            abandonLostStarts(&state, in: .organization(org), at: time)
            log(&state, .info, "\(org): not an owner, so its migrations are not shown", at: time)
            updateConnection(&state, at: time)
            // It may have been the last scope awaited: the backlog question must not wait for the next poll.
            return askAboutBacklog(&state)
        }
        let wasFailing = state.poll.entry(target)?.isFailing ?? false
        let retryAt = error.kind == .secondaryRateLimited ? error.retryAt : nil
        state.poll.failed(target, error, problem: error.userMessage, at: time, retryAt: retryAt)
        if error.kind == .offline || error.kind == .timeout {
            // The network is down for every target at once: one line, not one per organization.
            logOnce(&state, error.userMessage, at: time)
        } else if !wasFailing {
            let retry = state.poll.entry(target)?.dueAt.map { TimeFormat.duration($0.timeIntervalSince(time)) }
            log(&state, .error, "\(target.label): \(error.userMessage) Retrying in \(retry ?? "a while").", at: time)
        }
        updateConnection(&state, at: time)
        return []
    }

    /// GitHub refused the token: stop every poll and say so once. Repeating a bad token can lock the
    /// account out, so nothing is sent again until the user presses `r`.
    static func halt(_ state: inout DashboardState, _ error: GitHubError, at time: Date) -> [Effect] {
        if state.poll.halted == nil {
            log(
                &state, .error,
                "\(error.userMessage) Polling stopped, so a bad token is not sent again and again; press r to retry.",
                at: time)
        }
        state.poll.halted = "GitHub refused the token"
        state.poll.haltMessage = error.userMessage
        updateConnection(&state, at: time)
        return []
    }

    /// A poll answered after failing: say the target is back, once.
    static func noteRecovery(_ state: inout DashboardState, _ target: PollTarget, at time: Date) {
        guard let entry = state.poll.entry(target), entry.isFailing else { return }
        if entry.isUnreachable {
            if state.connection.isStale { log(&state, .info, "reached GitHub again", at: time) }
        } else {
            log(&state, .info, "\(target.label): answering again", at: time)
        }
    }

    /// Logs an error unless the newest error line already says the same, so a long outage is one line.
    static func logOnce(_ state: inout DashboardState, _ text: String, at time: Date) {
        if state.activity.first(where: { $0.kind == .error })?.text == text,
            state.activity.first?.kind == .error
        {
            return
        }
        log(&state, .error, text, at: time)
    }

    /// An action went through: log it, update what the dashboard knows, and refresh.
    static func actionCompleted(_ state: inout DashboardState, _ action: Action, at time: Date) -> [Effect] {
        writeAnswered(&state, action)
        log(&state, .action, action.doneText, at: time)
        switch action {
        case .unlock(let key, let repository):
            state.unlocked[key, default: []].insert(repository)
        case .deleteArchive(let key):
            state.archivesDeleted.insert(key)
        case .cancelImport(let repo):
            state.imports.removeAll { $0.repository == repo }
            state.poll.remove(.sourceImport(repo))
            state.cursors[.imports]?.clamp(count: state.imports.count)
        case .startImport(let repo, _):
            if !state.imports.contains(where: { $0.repository == repo }) {
                state.imports.append(ImportEntry(repository: repo))
            }
            state.poll.add(.sourceImport(repo))
        case .mapAuthor(let repo, _, _):
            if case .authors(let form) = state.overlay, form.repository == repo { return [.loadAuthors(repo)] }
        case .updateImport(let repo, _):
            return importUpdated(&state, repo)
        case .startMigration, .setLFS:
            break
        }
        // One of a batch: the list is read again once the whole batch is done, not after each.
        if let effects = batchAnswered(&state, action, failure: nil, at: time) { return effects }
        return refreshNow(&state)
    }

    /// An action failed: say why, with GitHub's request id. An unlock of a repository that was not locked
    /// (404) is recorded as unlocked, since that is what GitHub's answer means.
    static func actionFailed(_ state: inout DashboardState, _ action: Action, _ error: GitHubError, at time: Date)
        -> [Effect]
    {
        if let effects = writeFailed(&state, action, error, at: time) { return effects }
        if error.kind == .unauthorized { _ = halt(&state, error, at: time) }
        if error.kind == .rateLimited || error.kind == .secondaryRateLimited, holdBatch(&state, action, error, at: time)
        {
            return []
        }
        if case .unlock(let key, let repository) = action, error.kind == .notFound {
            state.unlocked[key, default: []].insert(repository)
            log(&state, .action, "\(repository) of \(key) was not locked", at: time)
            return batchAnswered(&state, action, failure: nil, at: time) ?? []
        }
        if action.usesImportAPI, error.kind == .retiredAPI { markImportsRetired(&state, error, at: time) }
        log(&state, .error, "could not \(action.attemptText): \(error.userMessage)", at: time)
        notify(&state, "failed: \(action.attemptText) (see Activity)")
        updateStartDialog(&state, action, .failed("GitHub refused it: \(error.userMessage) Enter to try again"))
        return batchAnswered(&state, action, failure: error.userMessage, at: time) ?? []
    }
}
