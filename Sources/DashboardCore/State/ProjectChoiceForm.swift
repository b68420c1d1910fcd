import GitHubMigrations

/// The dialog `i` opens on an import in `detection_found_multiple`: GitHub's `project_choices`, one to pick.
public struct ProjectChoiceForm: Sendable, Equatable {
    /// The import to settle.
    public var repository: RepositoryName
    /// The projects GitHub found, at most `limit` of them.
    public var choices: [ProjectChoice]
    /// The highlighted choice.
    public var cursor = ListCursor()

    /// The most choices listed; a URL with more projects than this is not one a person picks from a list.
    public static let limit = 500

    /// Creates the dialog for an import as it was last seen.
    public init(repository: RepositoryName, progress: SourceImport?) {
        self.repository = repository
        choices = Array((progress?.projectChoices ?? []).prefix(Self.limit))
    }

    /// The highlighted choice.
    public var selected: ProjectChoice? {
        choices.indices.contains(cursor.selected) ? choices[cursor.selected] : nil
    }

    /// How a choice reads in the list: its name, then its VCS and TFVC project.
    public static func label(_ choice: ProjectChoice) -> String {
        let name = choice.humanName ?? choice.tfvcProject ?? choice.vcs ?? "?"
        let parts = [choice.vcs, choice.tfvcProject].compactMap { $0 }.filter { $0 != name }
        return ScreenText.clean(parts.isEmpty ? name : "\(name)  ·  \(parts.joined(separator: " "))")
    }

    /// The update GitHub documents for the highlighted choice: its `vcs`, `tfvc_project` and `human_name`
    /// as GitHub sent them. Nil for a choice without a `vcs`, which GitHub could not act on (and an
    /// update without fields would restart the import instead).
    public var request: UpdateImportRequest? {
        guard let choice = selected, let vcs = choice.vcs, !vcs.isEmpty else { return nil }
        return UpdateImportRequest(vcs: vcs, tfvcProject: choice.tfvcProject, humanName: choice.humanName)
    }
}
