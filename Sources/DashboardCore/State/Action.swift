import GitHubMigrations

/// A change to make on GitHub: what a confirmed command or a submitted dialog asks the runtime to do.
public enum Action: Sendable, Equatable {
    case startMigration(MigrationScope, StartMigrationRequest)
    case unlock(MigrationKey, repository: String)
    case deleteArchive(MigrationKey)
    case startImport(RepositoryName, StartImportRequest)
    case mapAuthor(RepositoryName, authorID: Int64, AuthorMapping)
    case setLFS(RepositoryName, LFSChoice)
    case cancelImport(RepositoryName)

    /// A past-tense line for the activity log.
    public var doneText: String {
        switch self {
        case .startMigration(let scope, let request):
            "started \(Self.migration(of: scope)) of " + request.repositories.joined(separator: ", ")
                + (request.lockRepositories ? " (locked)" : "")
        case .unlock(let key, let repository): "unlocked \(repository) of \(key)"
        case .deleteArchive(let key): "deleted the archive of \(key)"
        case .startImport(let repo, let request): "started importing \(request.vcsURL) into \(repo)"
        case .mapAuthor(let repo, let id, let mapping):
            "mapped author \(id) of \(repo) to \(mapping.name ?? "") <\(mapping.email ?? "")>"
        case .setLFS(let repo, let choice): "set LFS to \(choice.rawValue) for \(repo)"
        case .cancelImport(let repo): "cancelled the import into \(repo)"
        }
    }

    /// What the action is, for error lines.
    public var attemptText: String {
        switch self {
        case .startMigration(let scope, _): "start \(Self.migration(of: scope))"
        case .unlock(let key, let repository): "unlock \(repository) of \(key)"
        case .deleteArchive(let key): "delete the archive of \(key)"
        case .startImport(let repo, _): "start an import into \(repo)"
        case .mapAuthor(let repo, _, _): "map an author of \(repo)"
        case .setLFS(let repo, _): "set the LFS preference of \(repo)"
        case .cancelImport(let repo): "cancel the import into \(repo)"
        }
    }

    /// `a migration for octo-org`, `a user migration`: an organization's name is a noun, not an
    /// adjective ("a octo-org migration" reads wrong, and "an" would depend on how the name sounds).
    private static func migration(of scope: MigrationScope) -> String {
        switch scope {
        case .organization(let org): "a migration for \(org)"
        case .user: "a user migration"
        }
    }
}
