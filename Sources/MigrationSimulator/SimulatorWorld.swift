import Foundation

/// Everything the simulated GitHub knows: accounts, repositories, migrations and source imports.
struct SimulatorWorld: Sendable {
    /// The authenticated user every accepted token belongs to.
    static let viewer = "octocat"
    /// The first organization the viewer owns, with the showcase migrations and imports.
    static let ownedOrganization = "octo-org"
    /// The organization the viewer only belongs to; its migrations answer 404.
    static let memberOrganization = "other-org"

    var accounts: [AccountRecord] = []
    /// Logins of the organizations the viewer owns, `octo-org` first: their migrations are visible.
    var ownedOrganizations: [String] = [ownedOrganization]
    var repositories: [RepositoryRecord] = []
    var migrations: [Int: MigrationRecord] = [:]
    /// Imports keyed by lowercased `owner/name`.
    var imports: [String: ImportRecord] = [:]
    var nextMigrationID = 240_510
    var nextAuthorID = 2_268_557

    /// The account with `login`, compared case-insensitively as GitHub does.
    func account(_ login: String) -> AccountRecord? {
        accounts.first { $0.login.lowercased() == login.lowercased() }
    }

    /// The viewer's account.
    var viewerAccount: AccountRecord {
        account(Self.viewer)!
    }

    /// The login of the owned organization `login` names, compared case-insensitively, or nil.
    func ownedOrganization(_ login: String) -> String? {
        ownedOrganizations.first { $0.lowercased() == login.lowercased() }
    }

    /// Whether the viewer administers `login`: itself, or an organization it owns.
    func administers(_ login: String) -> Bool {
        login.lowercased() == Self.viewer || ownedOrganization(login) != nil
    }

    /// The organizations the viewer belongs to.
    var organizations: [AccountRecord] {
        accounts.filter { $0.kind == .organization }
    }

    /// The repository `owner/name`, compared case-insensitively.
    func repository(owner: String, name: String) -> RepositoryRecord? {
        repositories.first { $0.owner.lowercased() == owner.lowercased() && $0.name.lowercased() == name.lowercased() }
    }

    /// Repositories owned by `login`, in creation order.
    func repositories(ownedBy login: String) -> [RepositoryRecord] {
        repositories.filter { $0.owner.lowercased() == login.lowercased() }
    }

    /// Migrations owned by `login` (an organization, or the viewer for user migrations), newest first.
    func migrations(ownedBy login: String, organization: Bool) -> [MigrationRecord] {
        migrations.values
            .filter { $0.isOrganization == organization && $0.owner.lowercased() == login.lowercased() }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    /// Key of an import in `imports`.
    static func importKey(owner: String, repository: String) -> String {
        "\(owner)/\(repository)".lowercased()
    }
}
