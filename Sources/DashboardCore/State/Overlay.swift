import GitHubMigrations

/// What covers the panes, if anything. Keys go to the overlay first.
public enum Overlay: Sendable, Equatable {
    /// The key table, narrowed by what was typed.
    case help(HelpState)
    /// A destructive action waiting for `y`.
    case confirm(Confirmation)
    /// Everything about the selected item, scrolled to a line.
    case details(DetailsTarget, top: Int = 0)
    /// What a downloaded archive holds, scrolled to a line.
    case archive(MigrationKey, top: Int = 0)
    /// The new-migration dialog.
    case newMigration(NewMigrationForm)
    /// The new-import dialog.
    case newImport(NewImportForm)
    /// The author-mapping dialog.
    case authors(AuthorsForm)
    /// Credentials for an import that asks for them.
    case importCredentials(ImportCredentialsForm)
    /// The project to import, for an import that found several.
    case projectChoice(ProjectChoiceForm)
    /// Every locked repository, to unlock by name.
    case locked(LockedList)
    /// The LFS choice for an import.
    case lfs(RepositoryName, choice: LFSChoice)
}

/// The `?` overlay: the filter typed so far and the first line shown.
public struct HelpState: Sendable, Equatable {
    /// Text that commands' names, summaries or keys must contain; empty shows every command.
    public var filter: String
    /// The first line shown.
    public var top: Int

    /// The overlay as `?` opens it, or with a filter already typed.
    public init(filter: String = "", top: Int = 0) {
        self.filter = filter
        self.top = top
    }
}

/// What the details overlay describes.
public enum DetailsTarget: Sendable, Equatable {
    case migration(MigrationKey)
    case repository(MigrationKey, String)
    case sourceImport(RepositoryName)
    case activity(Int)
}
