import GitHubMigrations

/// A change to make on GitHub: what a confirmed command or a submitted dialog asks the runtime to do.
public enum Action: Sendable, Equatable {
    case startMigration(MigrationScope, StartMigrationRequest)
    case unlock(MigrationKey, repository: String)
    case deleteArchive(MigrationKey)
    case startImport(RepositoryName, StartImportRequest)
    /// `PATCH .../import`: credentials, or the project chosen after `detection_found_multiple`.
    case updateImport(RepositoryName, UpdateImportRequest)
    /// Maps a commit author (as GitHub listed it) to a name and email.
    case mapAuthor(RepositoryName, ImportAuthor, AuthorMapping)
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
        case .updateImport(let repo, let request):
            switch Self.update(request) {
            case .credentials(let user): ScreenText.clean("retried \(repo) with the credentials of \(user)")
            case .project(let name): ScreenText.clean("chose \(name) for \(repo)")
            case .restart: ScreenText.clean("restarted the import into \(repo)")
            }
        case .mapAuthor(let repo, let author, let mapping):
            ScreenText.clean(
                "mapped \(Self.person(author.remoteName ?? author.remoteID, author.email)) to "
                    + "\(Self.person(mapping.name, mapping.email)) in \(repo)")
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
        case .updateImport(let repo, let request):
            switch Self.update(request) {
            case .credentials: ScreenText.clean("send credentials for \(repo)")
            case .project(let name): ScreenText.clean("choose \(name) for \(repo)")
            case .restart: ScreenText.clean("restart the import into \(repo)")
            }
        case .mapAuthor(let repo, let author, _):
            ScreenText.clean("map \(Self.person(author.remoteName ?? author.remoteID, author.email)) in \(repo)")
        case .setLFS(let repo, _): "set the LFS preference of \(repo)"
        case .cancelImport(let repo): "cancel the import into \(repo)"
        }
    }

    /// True for the actions that call the Source Imports API.
    public var usesImportAPI: Bool {
        switch self {
        case .startImport, .updateImport, .mapAuthor, .setLFS, .cancelImport: true
        case .startMigration, .unlock, .deleteArchive: false
        }
    }

    /// What an import update asks for; the password is never part of any text.
    private enum Update {
        case credentials(user: String)
        case project(String)
        case restart
    }

    private static func update(_ request: UpdateImportRequest) -> Update {
        if let user = request.vcsUsername { return .credentials(user: user) }
        if let name = request.humanName ?? request.tfvcProject ?? request.vcs { return .project(name) }
        return .restart
    }

    /// A person as a reader knows them: `hubot <hubot@example.com>`, or whichever half is known.
    static func person(_ name: String?, _ email: String?) -> String {
        let name = name.flatMap { $0.isEmpty ? nil : $0 }
        let email = email.flatMap { $0.isEmpty ? nil : "<\($0)>" }
        let parts = [name, email].compactMap { $0 }
        return parts.isEmpty ? "an unnamed author" : parts.joined(separator: " ")
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
