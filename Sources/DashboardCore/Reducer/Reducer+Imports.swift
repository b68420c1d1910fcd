import Foundation
import GitHubMigrations

extension Reducer {
    /// Repositories with imports were found: follow them, and those the configuration names.
    static func importsDiscovered(_ state: inout DashboardState, _ repos: [RepositoryName]) -> [Effect] {
        state.importsDiscovering = false
        let configured = state.session.followedImports.compactMap(RepositoryName.init)
        for repo in configured + repos where !state.imports.contains(where: { $0.repository == repo }) {
            state.imports.append(ImportEntry(repository: repo))
            state.poll.add(.sourceImport(repo))
        }
        return pollEffects(&state)
    }

    /// An import's progress arrived: log status changes and ring when it completes or needs attention.
    static func importLoaded(
        _ state: inout DashboardState, _ repo: RepositoryName, _ progress: SourceImport, at time: Date
    )
        -> [Effect]
    {
        var effects: [Effect] = []
        if let index = state.imports.firstIndex(where: { $0.repository == repo }) {
            let previous = state.imports[index].progress
            if previous?.status != progress.status {
                state.changes.append(.importChanged(repo, from: previous?.status, progress, at: time))
            }
            if let previous, previous.status != progress.status {
                let change = "import \(repo)  \(previous.status) → \(progress.status)"
                log(&state, .change, ScreenText.clean(change), at: time)
                if progress.status.isComplete {
                    effects += alert(&state, .importCompleted, "import \(repo) complete")
                } else if progress.status.needsAttention {
                    effects += alert(
                        &state, .importNeedsAttention, "import \(repo) needs attention: \(progress.status)")
                }
                state.imports[index].updated = time
            }
            state.imports[index].progress = progress
        } else {
            state.imports.append(ImportEntry(repository: repo, progress: progress, updated: time))
            state.changes.append(.importChanged(repo, from: nil, progress, at: time))
        }
        pollSucceeded(&state, .sourceImport(repo), at: time)
        // A finished import does not change again: stop asking about it.
        if progress.status.isComplete { state.poll.remove(.sourceImport(repo)) }
        return effects
    }

    /// An import answered 404: it was cancelled or never existed; stop following it.
    static func importGone(_ state: inout DashboardState, _ repo: RepositoryName, at time: Date) -> [Effect] {
        if state.imports.contains(where: { $0.repository == repo && $0.progress != nil }) {
            log(&state, .change, "import \(repo)  no longer exists", at: time)
            state.changes.append(.importGone(repo, at: time))
        }
        state.imports.removeAll { $0.repository == repo }
        state.cursors[.imports]?.clamp(count: state.imports.count)
        state.poll.remove(.sourceImport(repo))
        return []
    }

    /// GitHub answered that the Source Imports API is retired: say so once, stop polling imports.
    static func importsRetired(_ state: inout DashboardState, _ error: GitHubError, at time: Date) -> [Effect] {
        markImportsRetired(&state, error, at: time)
        return []
    }

    /// Records that GitHub said the Source Imports API is retired (a load's answer or an action's): from
    /// then on no import is polled and the import commands are refused with a notice.
    static func markImportsRetired(_ state: inout DashboardState, _ error: GitHubError, at time: Date) {
        state.importsDiscovering = false
        for entry in state.imports { state.poll.remove(.sourceImport(entry.repository)) }
        guard state.importsRetired == nil else { return }
        let status = error.status.map { " (HTTP \($0))" } ?? ""
        state.importsRetired = "GitHub has retired the Source Imports API\(status)."
        log(&state, .info, "source imports: the API is retired\(status)", at: time)
    }

    /// The authors of an import arrived for the mapping dialog.
    static func authorsLoaded(_ state: inout DashboardState, _ repo: RepositoryName, _ authors: [ImportAuthor])
        -> [Effect]
    {
        guard case .authors(var form) = state.overlay, form.repository == repo else { return [] }
        form.authors = authors
        form.cursor.clamp(count: authors.count)
        fillAuthorFields(&form)
        state.overlay = .authors(form)
        return []
    }

    /// The repositories a new migration may include arrived for the dialog.
    static func repositoryChoicesLoaded(_ state: inout DashboardState, scope: MigrationScope, names: [String])
        -> [Effect]
    {
        guard case .newMigration(var form) = state.overlay, form.scope == scope else { return [] }
        form.choices = names.sorted()
        form.cursor.clamp(count: form.visibleChoices.count)
        state.overlay = .newMigration(form)
        return []
    }
}
