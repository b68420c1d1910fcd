import GitHubMigrations

/// Something the dashboard asks GitHub about again and again: one request each time.
public enum PollTarget: Hashable, Sendable {
    /// Who the user is and which organizations to watch (asked until it answers once).
    case account
    /// One page of a scope's migrations, newest first, a hundred a page. Page 1 is where migrations
    /// started elsewhere appear, so it is also the scope's discovery sweep.
    case page(MigrationScope, Int)
    /// One migration, by id: the cheapest way to follow a moving migration alone on an older page.
    case migration(MigrationKey)
    /// One source import.
    case sourceImport(RepositoryName)
    /// The download folder, for archives saved by something else.
    case archives

    /// Page 1 of a scope's list: its newest migrations, where new ones appear; its health is the scope's.
    public static func front(_ scope: MigrationScope) -> PollTarget { .page(scope, 1) }

    /// True for targets asked of GitHub; the download folder is looked at on this machine.
    public var asksGitHub: Bool { self != .archives }

    /// Requests one poll of the target sends.
    public var cost: Int {
        switch self {
        case .account: 2
        case .archives: 0
        case .page, .migration, .sourceImport: 1
        }
    }

    /// The scope a list page or a migration belongs to.
    public var scope: MigrationScope? {
        switch self {
        case .page(let scope, _): scope
        case .migration(let key): key.scope
        default: nil
        }
    }

    /// The target an effect polls, nil for effects that are not polls.
    public init?(_ effect: Effect) {
        switch effect {
        case .connect: self = .account
        case .loadMigrationPage(let scope, let page): self = .page(scope, page)
        case .loadMigration(let key): self = .migration(key)
        case .loadImport(let repo): self = .sourceImport(repo)
        case .scanArchives: self = .archives
        default: return nil
        }
    }

    /// The effect that polls the target.
    public var effect: Effect {
        switch self {
        case .account: .connect
        case .page(let scope, let page): .loadMigrationPage(scope, page: page)
        case .migration(let key): .loadMigration(key)
        case .sourceImport(let repo): .loadImport(repo)
        case .archives: .scanArchives
        }
    }
}
