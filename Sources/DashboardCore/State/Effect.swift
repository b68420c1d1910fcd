import GitHubMigrations
import TerminalUI

/// Work the reducer asks the runtime to do; results come back as events.
public enum Effect: Sendable, Equatable {
    /// Learn who the user is and, without `--org`, which organizations to watch.
    case connect
    /// Read one page of a scope's migrations (a conditional request: an unchanged page comes back as such).
    case loadMigrationPage(MigrationScope, page: Int)
    /// Read one migration (a conditional request too).
    case loadMigration(MigrationKey)
    /// Load the repositories of a migration.
    case loadRepositories(MigrationKey)
    /// Find which repositories have source imports to follow.
    case discoverImports
    /// Poll one source import.
    case loadImport(RepositoryName)
    /// Load the commit authors of an import, for the mapping dialog.
    case loadAuthors(RepositoryName)
    /// Load the repositories a new migration can include.
    case loadRepositoryChoices(MigrationScope)
    /// Change something on GitHub.
    case perform(Action)
    /// Download a migration's archive into the download folder.
    case download(MigrationKey, guid: String)
    /// Stop a running download; the part on disk stays for the next attempt to resume.
    case cancelDownload(MigrationKey)
    /// Look in the download folder for archives saved by something else (a `migdash download` beside).
    case scanArchives
    /// Read a downloaded archive to show what it holds.
    case inspectArchive(MigrationKey, path: String)
    /// Read a migration's history from the journal, for its details.
    case loadHistory(MigrationKey)
    /// End the client's waits (a secondary-limit pause) so the requests it holds go out now: `r`.
    case resumeRequests
    /// Ring the terminal bell.
    case bell
    /// Hand the terminal back to the shell until the user brings migdash back (Ctrl-Z, then `fg`).
    case suspend
    /// Leave the dashboard.
    case quit
    /// Put text on the terminal's clipboard (OSC 52); the text is already safe and within bounds.
    case copy(String)
    /// Show a desktop notification through the terminal (OSC 777, OSC 9), as the session chose.
    case notify(title: String, body: String, via: NotificationProtocol)
}
