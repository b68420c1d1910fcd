import ArchiveModel
import Foundation
import GitHubMigrations
import TerminalUI

/// Everything that can happen to the dashboard: keys, time, and the results of effects.
public enum Event: Sendable {
    case key(Key)
    case tick(Date)
    case resized(Size)
    case connected(user: String, orgs: [String], at: Date)
    /// One page of a scope's migrations; its `items` are nil when the page is as it was last read.
    case migrationPageLoaded(MigrationScope, page: Int, ListPage<Migration>, at: Date)
    /// One migration, or nil when it is as it was last read.
    case migrationLoaded(MigrationKey, Migration?, at: Date)
    case repositoriesLoaded(MigrationKey, [SimpleRepository])
    case repositoryChoicesLoaded(MigrationScope, [String])
    case importsDiscovered([RepositoryName])
    case importLoaded(RepositoryName, SourceImport, at: Date)
    case importGone(RepositoryName, at: Date)
    case importsRetired(GitHubError, at: Date)
    case authorsLoaded(RepositoryName, [ImportAuthor])
    case requestFailed(Effect, GitHubError, at: Date)
    case actionCompleted(Action, at: Date)
    /// GitHub answered a migration start with the migration it created.
    case migrationStarted(MigrationScope, StartMigrationRequest, Migration, at: Date)
    case actionFailed(Action, GitHubError, at: Date)
    case rateLimitUpdated(RateLimit?)
    /// The client holds every request back until `until` (GitHub's secondary rate limit).
    case apiPaused(APIPause)
    case downloadProgress(MigrationKey, received: Int64, total: Int64?, at: Date)
    case downloadVerifying(MigrationKey, checked: Int64, total: Int64, at: Date)
    case downloadFinished(MigrationKey, path: String, at: Date)
    case downloadFailed(MigrationKey, ArchiveDownloadError, at: Date)
    /// Every archive the download folder holds now (the manifest vouches for it and the file is there):
    /// one missing from this set is no longer on disk.
    case archivesFound([MigrationKey: String])
    /// A look at the download folder found it as it was.
    case archivesUnchanged
    case archiveInspected(MigrationKey, path: String, ArchiveReport)
    case archiveInspectionFailed(MigrationKey, path: String, reason: String)
    /// The journal opened: what earlier runs saw and did.
    case journalOpened(JournalSnapshot)
    /// The journal cannot be kept (a folder that cannot be written, a full disk): said once; the dashboard
    /// runs without it.
    case journalUnavailable(String, at: Date)
    /// A migration's history read from the journal for its details (or why there is none).
    case historyLoaded(MigrationKey, HistoryLoad)
    case quitRequested
    /// The runtime put a frame of this state on the terminal: what it shows has been seen.
    case drawn
}

extension Event {
    /// False for the frequent events that cannot change what a batch key would act on (time, drawing,
    /// download progress): after the others the footer's counts are taken again.
    var mayChangeBatchCounts: Bool {
        switch self {
        case .tick, .drawn, .resized, .downloadProgress, .downloadVerifying, .rateLimitUpdated, .apiPaused,
            .historyLoaded, .archivesUnchanged:
            false
        default:
            true
        }
    }

    /// True for events that can change what moves (migrations, imports, scopes): after them the poll
    /// planner decides again. Keys, time and drawing do not, except through writes, counted apart.
    var mayChangePlan: Bool {
        switch self {
        case .connected, .migrationPageLoaded, .migrationLoaded, .importsDiscovered, .importLoaded, .importGone,
            .importsRetired, .requestFailed, .actionCompleted, .migrationStarted, .actionFailed:
            true
        default:
            false
        }
    }
}
