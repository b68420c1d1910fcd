import Foundation
import GitHubMigrations

extension Reducer {
    /// A load failed: keep the data on screen, mark it stale, log once, and back off.
    static func requestFailed(_ state: inout DashboardState, _ effect: Effect, _ error: GitHubError, at time: Date)
        -> [Effect]
    {
        switch effect {
        case .loadImport(let repo):
            if error.kind == .retiredAPI { return importsRetired(&state, error, at: time) }
            if error.kind == .notFound { return importGone(&state, repo, at: time) }
        case .discoverImports:
            if error.kind == .retiredAPI { return importsRetired(&state, error, at: time) }
            state.importsDiscovering = false
            logOnce(&state, "source imports: \(error.userMessage)", at: time)
            return []
        case .loadMigrations(.organization(let org))
        where [.notFound, .forbidden].contains(error.kind) && !state.session.configuredOrgs.contains(org):
            // Only owners see an organization's migrations: stop watching one the user does not own.
            state.orgs.removeAll { $0 == org }
            log(&state, .info, "\(org): not an owner, so its migrations are not shown", at: time)
            finishLoad(&state, failed: false, at: time)
            return []
        case .loadRepositories, .loadAuthors, .loadRepositoryChoices:
            logOnce(&state, error.userMessage, at: time)
            return []
        default:
            break
        }
        updateConnection(&state, error, at: time)
        logOnce(&state, error.userMessage, at: time)
        finishLoad(&state, failed: true, at: time)
        return []
    }

    /// What the status bar says after a failed load.
    private static func updateConnection(_ state: inout DashboardState, _ error: GitHubError, at time: Date) {
        switch error.kind {
        case .rateLimited:
            state.connection = .rateLimited(until: error.retryAt ?? time.addingTimeInterval(60))
        case .offline, .timeout:
            if case .offline = state.connection { return }
            state.connection = .offline(since: time)
        default:
            state.connection = .retrying(at: time)
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
        log(&state, .action, action.doneText, at: time)
        switch action {
        case .unlock(let key, let repository):
            state.unlocked[key, default: []].insert(repository)
        case .deleteArchive(let key):
            state.archivesDeleted.insert(key)
        case .cancelImport(let repo):
            state.imports.removeAll { $0.repository == repo }
            state.cursors[.imports]?.clamp(count: state.imports.count)
        case .startImport(let repo, _):
            if !state.imports.contains(where: { $0.repository == repo }) {
                state.imports.append(ImportEntry(repository: repo))
            }
        case .mapAuthor(let repo, _, _):
            if case .authors(let form) = state.overlay, form.repository == repo { return [.loadAuthors(repo)] }
        case .updateImport(let repo, _):
            return importUpdated(&state, repo)
        case .startMigration, .setLFS:
            break
        }
        return refreshNow(&state)
    }

    /// An action failed: say why, with GitHub's request id. An unlock of a repository that was not locked
    /// (404) is recorded as unlocked, since that is what GitHub's answer means.
    static func actionFailed(_ state: inout DashboardState, _ action: Action, _ error: GitHubError, at time: Date)
        -> [Effect]
    {
        if case .unlock(let key, let repository) = action, error.kind == .notFound {
            state.unlocked[key, default: []].insert(repository)
            log(&state, .action, "\(repository) of \(key) was not locked", at: time)
            return []
        }
        if action.usesImportAPI, error.kind == .retiredAPI { markImportsRetired(&state, error, at: time) }
        log(&state, .error, "could not \(action.attemptText): \(error.userMessage)", at: time)
        notify(&state, "failed: \(action.attemptText) (see Activity)")
        return []
    }
}
