import Foundation
import GitHubMigrations
import TerminalUI

extension Reducer {
    /// `y`: what names the selected row, as one would type it into `migdash` or `gh`: a migration's id, a
    /// repository's `owner/name` (of the migration's repositories, or of a source import), an Activity line.
    static func copyID(_ state: inout DashboardState) -> [Effect] {
        let text: String?
        switch state.focus {
        case .migrations: text = state.selectedMigration.map { String($0.id) }
        case .repositories: text = state.selectedRepository?.fullName
        case .imports: text = state.selectedImport.map { $0.repository.description }
        case .activity:
            let index = state.cursor(.activity).selected
            text = state.activity.indices.contains(index) ? state.activity[index].text : nil
        }
        return copy(&state, text)
    }

    /// `Y`: where the selected row lives. A migration: its archive's path when downloaded, else its API URL
    /// (as GitHub gave it, or built from the API root for an old payload without one). A repository: its
    /// page on GitHub. A source import: its page on GitHub.
    static func copyLink(_ state: inout DashboardState) -> [Effect] {
        switch state.focus {
        case .migrations:
            guard let key = state.selectedMigration else { return copy(&state, nil) }
            return copy(&state, state.downloaded[key] ?? migrationURL(state, key), missing: "no link for \(key)")
        case .repositories:
            guard let repository = state.selectedRepository else { return copy(&state, nil) }
            return copy(&state, repository.htmlURL, missing: "no link for \(repository.fullName)")
        case .imports:
            guard let entry = state.selectedImport else { return copy(&state, nil) }
            return copy(&state, entry.progress?.htmlURL, missing: "no link for the import of \(entry.repository)")
        case .activity:
            return copy(&state, nil)
        }
    }

    /// A migration's API URL: GitHub's `url`, else the API root and the scope's path.
    private static func migrationURL(_ state: DashboardState, _ key: MigrationKey) -> String? {
        if let url = state.migrations[key]?.url, !url.isEmpty { return url }
        guard let root = state.session.apiURL, !root.isEmpty else { return nil }
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        return "\(base)\(key.scope.migrationsPath)/\(key.id)"
    }

    /// The copy effect and its notice, or a notice that there is nothing to copy.
    private static func copy(_ state: inout DashboardState, _ text: String?, missing: String? = nil) -> [Effect] {
        guard let text, !text.isEmpty else {
            notify(&state, ScreenText.clean(missing ?? "nothing selected in \(state.focus.title) to copy"))
            return []
        }
        let clipboard = TerminalControl.clipboardText(text)
        let limit = TerminalControl.clipboardLimit / 1024
        let cut = clipboard.cut ? " (cut to its first \(limit) KiB)" : ""
        // A long text is shortened in the notice, so that what follows it stays on the line.
        let shown = clipboard.text.count > 80 ? clipboard.text.prefix(79) + "…" : clipboard.text
        notify(&state, ScreenText.clean("copied \(shown) to the clipboard (OSC 52)\(cut)"))
        return [.copy(clipboard.text)]
    }
}
