import Foundation
import GitHubMigrations
import TerminalUI

extension Reducer {
    /// Opens the dialog of a creating command, and loads what it needs.
    static func openDialog(_ state: inout DashboardState, _ command: Command) -> [Effect] {
        switch command {
        case .newMigration:
            if let pending = state.pendingWrites.first(where: {
                if case .startMigration = $0.action { true } else { false }
            }) {
                notify(&state, "a migration start is out (\(pending.label)); wait for GitHub's answer")
                return []
            }
            // A start that failed comes back with its picks, ready to send again.
            if let form = state.retryForm {
                state.overlay = .newMigration(form)
                return []
            }
            let form = NewMigrationForm(scopes: state.watchedScopes)
            state.overlay = .newMigration(form)
            return [.loadRepositoryChoices(form.scope)]
        case .newImport:
            return openImportDialog(&state)
        case .mapAuthors:
            guard let entry = state.selectedImport else {
                notify(&state, "no import selected")
                return []
            }
            state.overlay = .authors(AuthorsForm(repository: entry.repository))
            return [.loadAuthors(entry.repository)]
        case .lfsPreference:
            guard let entry = state.selectedImport else {
                notify(&state, "no import selected")
                return []
            }
            let current = entry.progress?.useLFS
            state.overlay = .lfs(entry.repository, choice: current == .optOut ? .optOut : .optIn)
        default:
            break
        }
        return []
    }

    /// Keys in the new-migration dialog. Enter sends from any field; Space picks a repository or
    /// toggles a flag; the first Esc clears the filter, the next closes. While the request is out
    /// only Esc works (it hides the dialog; the answer still arrives in Activity).
    static func newMigrationKey(_ state: inout DashboardState, _ key: Key, _ form: inout NewMigrationForm) -> [Effect] {
        if form.isBusy {
            if key == .escape { state.overlay = nil }
            return []
        }
        switch key {
        case .escape where form.field == .repositories && !form.filter.isEmpty:
            form.filter = ""
            form.cursor.clamp(count: form.visibleChoices.count)
        case .escape:
            state.overlay = nil
            state.retryForm = nil
        case .enter:
            return submitMigration(&state, &form)
        case .tab:
            form.field = form.field.cycled(by: 1)
        case .backTab:
            form.field = form.field.cycled(by: -1)
        case .left where form.field == .scope || form.field == .repositories,
            .right where form.field == .scope || form.field == .repositories:
            return changeScope(&form, by: key == .left ? form.scopes.count - 1 : 1)
        case .up where form.field == .repositories, .down where form.field == .repositories:
            form.cursor.move(by: key == .up ? -1 : 1, count: form.visibleChoices.count)
        case .pageUp where form.field == .repositories, .pageDown where form.field == .repositories:
            form.cursor.move(by: key == .pageUp ? -10 : 10, count: form.visibleChoices.count)
        case .character(" ") where form.field == .repositories:
            let visible = form.visibleChoices
            if visible.indices.contains(form.cursor.selected) {
                let name = visible[form.cursor.selected]
                if form.picked.contains(name) { form.picked.remove(name) } else { form.picked.insert(name) }
            }
        case .character(let c) where form.field == .repositories:
            form.filter.append(c)
            form.cursor.clamp(count: form.visibleChoices.count)
        case .backspace where form.field == .repositories:
            if !form.filter.isEmpty { form.filter.removeLast() }
            form.cursor.clamp(count: form.visibleChoices.count)
        case .character(" ") where form.field != .scope && form.field != .submit:
            if form.flags.contains(form.field) { form.flags.remove(form.field) } else { form.flags.insert(form.field) }
        default:
            break
        }
        return []
    }

    /// Sends the dialog's request, keeping the dialog open with its status until GitHub answers.
    private static func submitMigration(_ state: inout DashboardState, _ form: inout NewMigrationForm) -> [Effect] {
        if case .failed = form.status { form.status = nil }
        if let problem = form.problem {
            notify(&state, problem)
            return []
        }
        if form.startsOnePerRepository { return startOnePerRepository(&state, form) }
        let effects = submit(&state, .startMigration(form.scope, form.request))
        if !effects.isEmpty {
            form.status = .sending
            // Kept until GitHub answers: if the start fails, `n` brings the picks back.
            state.retryForm = form
        }
        return effects
    }

    /// Queues one start per picked repository, a second apart; the first failure stops the rest, and the
    /// summary says which were started. A repository already queued or being started is not queued again.
    private static func startOnePerRepository(_ state: inout DashboardState, _ form: NewMigrationForm) -> [Effect] {
        let actions = form.requests.map { Action.startMigration(form.scope, $0) }
        let queued = state.batches.flatMap { $0.waiting + ($0.current.map { [$0] } ?? []) }
        let again = actions.filter { action in
            queued.contains { $0.conflicts(with: action) }
                || state.pendingWrites.contains { $0.action.conflicts(with: action) }
        }
        guard again.isEmpty else {
            notify(&state, "already being started: \(listed(again.map(subject(of:))))")
            return []
        }
        state.overlay = nil
        state.retryForm = nil
        notify(&state, "starting \(actions.count) migrations, one a second")
        var batch = ActionBatch(title: "start migrations", actions: actions, stopsOnFailure: true)
        var retry = form
        retry.status = nil
        batch.retryForm = retry
        return enqueueBatch(&state, batch)
    }

    /// Moves to another scope: its repositories load, and picks of the old scope are dropped.
    private static func changeScope(_ form: inout NewMigrationForm, by step: Int) -> [Effect] {
        form.scopeIndex = (form.scopeIndex + step) % form.scopes.count
        form.choices = nil
        form.picked = []
        form.filter = ""
        form.cursor = ListCursor()
        form.status = nil
        return [.loadRepositoryChoices(form.scope)]
    }

    /// Keys in the new-import dialog.
    static func newImportKey(_ state: inout DashboardState, _ key: Key, _ form: inout NewImportForm) -> [Effect] {
        switch key {
        case .escape:
            state.overlay = nil
        case .tab, .down:
            form.field = form.field.cycled(by: 1)
        case .backTab, .up:
            form.field = form.field.cycled(by: -1)
        case .enter:
            guard let repo = RepositoryName(form.repository.text), form.problem == nil else {
                notify(&state, form.problem ?? "")
                return []
            }
            state.overlay = nil
            return submit(&state, .startImport(repo, form.request))
        case .left where form.field == .vcs, .right where form.field == .vcs, .character(" ") where form.field == .vcs:
            let count = NewImportForm.vcsChoices.count
            form.vcsIndex = (form.vcsIndex + (key == .left ? count - 1 : 1)) % count
        default:
            edit(&form, key)
        }
        return []
    }

    private static func edit(_ form: inout NewImportForm, _ key: Key) {
        switch form.field {
        case .repository: form.repository.edit(key)
        case .url: form.url.edit(key)
        case .username: form.username.edit(key)
        case .password: form.password.edit(key)
        case .vcs, .submit: break
        }
    }
}
