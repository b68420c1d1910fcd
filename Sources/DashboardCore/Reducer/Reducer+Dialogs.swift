import Foundation
import GitHubMigrations
import TerminalUI

extension Reducer {
    /// Opens the dialog of a creating command, and loads what it needs.
    static func openDialog(_ state: inout DashboardState, _ command: Command) -> [Effect] {
        switch command {
        case .newMigration:
            let form = NewMigrationForm(scopes: scopes(state))
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

    /// Keys in the new-migration dialog.
    static func newMigrationKey(_ state: inout DashboardState, _ key: Key, _ form: inout NewMigrationForm) -> [Effect] {
        switch key {
        case .escape:
            state.overlay = nil
        case .tab:
            form.field = form.field.cycled(by: 1)
        case .backTab:
            form.field = form.field.cycled(by: -1)
        case .enter where form.field == .submit || form.field == .repositories:
            guard form.problem == nil else {
                notify(&state, form.problem!)
                return []
            }
            state.overlay = nil
            return [.perform(.startMigration(form.scope, form.request))]
        case .left where form.field == .scope || form.field == .repositories,
            .right where form.field == .scope || form.field == .repositories:
            let step = key == .left ? form.scopes.count - 1 : 1
            form.scopeIndex = (form.scopeIndex + step) % form.scopes.count
            form.choices = nil
            form.picked = []
            form.cursor = ListCursor()
            return [.loadRepositoryChoices(form.scope)]
        case .up where form.field == .repositories, .down where form.field == .repositories:
            form.cursor.move(by: key == .up ? -1 : 1, count: form.visibleChoices.count)
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
        case .character(" "), .enter:
            if form.field != .scope, form.field != .submit, form.field != .repositories {
                if form.flags.contains(form.field) {
                    form.flags.remove(form.field)
                } else {
                    form.flags.insert(form.field)
                }
            }
        default:
            break
        }
        return []
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
            return [.perform(.startImport(repo, form.request))]
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
        case .repository: type(key, into: &form.repository)
        case .url: type(key, into: &form.url)
        case .username: type(key, into: &form.username)
        case .password: type(key, into: &form.password)
        case .vcs, .submit: break
        }
    }

    /// Edits a text field with a printable key or Backspace.
    static func type(_ key: Key, into field: inout TextField) {
        switch key {
        case .character(let c): field.text.append(c)
        case .backspace: if !field.text.isEmpty { field.text.removeLast() }
        default: break
        }
    }
}
