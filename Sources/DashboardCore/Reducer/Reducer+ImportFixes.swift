import Foundation
import GitHubMigrations
import TerminalUI

extension Reducer {
    /// What a notice says when an import command is refused because GitHub retired the API.
    static let importsRetiredNotice = "the Source Imports API is retired"

    /// `i`: retry the selected import with credentials or a chosen project when it waits for one,
    /// else open the new-import dialog; once the API is retired, only say so.
    static func openImportDialog(_ state: inout DashboardState) -> [Effect] {
        let progress = state.selectedImport?.progress
        switch state.importKeyUse {
        case .retired:
            notify(&state, importsRetiredNotice)
        case .credentials(let repo):
            state.overlay = .importCredentials(ImportCredentialsForm(repository: repo, progress: progress))
        case .chooseProject(let repo):
            state.overlay = .projectChoice(ProjectChoiceForm(repository: repo, progress: progress))
        case .start:
            state.overlay = .newImport(NewImportForm(repository: state.selectedImport?.repository.description ?? ""))
        }
        return []
    }

    /// Keys in the credentials dialog: Tab moves, Enter sends from any field, Esc cancels.
    static func importCredentialsKey(_ state: inout DashboardState, _ key: Key, _ form: inout ImportCredentialsForm)
        -> [Effect]
    {
        switch key {
        case .escape:
            state.overlay = nil
        case .tab, .down:
            form.field = form.field.cycled(by: 1)
        case .backTab, .up:
            form.field = form.field.cycled(by: -1)
        case .enter:
            if let problem = form.problem {
                notify(&state, problem)
                return []
            }
            state.overlay = nil
            return submit(&state, .updateImport(form.repository, form.request))
        default:
            switch form.field {
            case .username: form.username.edit(key)
            case .password: form.password.edit(key)
            case .submit: break
            }
        }
        return []
    }

    /// Keys in the project-choice dialog: ↑↓ (or j/k) pick, Enter sends the choice, Esc cancels.
    static func projectChoiceKey(_ state: inout DashboardState, _ key: Key, _ form: inout ProjectChoiceForm)
        -> [Effect]
    {
        switch key {
        case .escape:
            state.overlay = nil
        case .up, .character("k"):
            form.cursor.move(by: -1, count: form.choices.count)
        case .down, .character("j"):
            form.cursor.move(by: 1, count: form.choices.count)
        case .home:
            form.cursor.first()
        case .end:
            form.cursor.last(count: form.choices.count)
        case .enter:
            guard let request = form.request else {
                notify(&state, form.choices.isEmpty ? "no project to choose" : "GitHub named no VCS for this choice")
                return []
            }
            state.overlay = nil
            return submit(&state, .updateImport(form.repository, request))
        default:
            break
        }
        return []
    }

    /// An update of an import went through: follow it again at once (or as soon as its poll in flight answers).
    static func importUpdated(_ state: inout DashboardState, _ repo: RepositoryName) -> [Effect] {
        if !state.imports.contains(where: { $0.repository == repo }) {
            state.imports.append(ImportEntry(repository: repo))
        }
        state.poll.add(.sourceImport(repo))
        state.poll.makeDue(.sourceImport(repo))
        return pollEffects(&state)
    }
}
