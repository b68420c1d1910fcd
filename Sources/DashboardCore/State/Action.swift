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
            "started a \(scope) migration of " + request.repositories.joined(separator: ", ")
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
        case .startMigration(let scope, _): "start a \(scope) migration"
        case .unlock(let key, let repository): "unlock \(repository) of \(key)"
        case .deleteArchive(let key): "delete the archive of \(key)"
        case .startImport(let repo, _): "start an import into \(repo)"
        case .mapAuthor(let repo, _, _): "map an author of \(repo)"
        case .setLFS(let repo, _): "set the LFS preference of \(repo)"
        case .cancelImport(let repo): "cancel the import into \(repo)"
        }
    }
}
