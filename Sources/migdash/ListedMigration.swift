import DashboardCore
import Foundation
import GitHubMigrations

/// One migration as `migdash list` prints it: the fields documented in docs/cli.md, in JSON, CSV or a table.
struct ListedMigration: Encodable, Equatable {
    /// GitHub's id.
    var id: Int64
    /// `organization` or `user`.
    var scope: String
    /// The organization's login, nil for the user's own migrations.
    var organization: String?
    /// `pending`, `exporting`, `exported`, `failed` (or what GitHub sends next).
    var state: String
    /// The repositories, as owner/name.
    var repositories: [String]
    /// True when the migration locked its repositories.
    var lockRepositories: Bool
    /// When it was created and last updated, RFC 3339 in UTC.
    var createdAt: String
    var updatedAt: String
    /// When the archive expires (seven days after it was exported, as far as `updated_at` tells), for
    /// an exported migration; nil otherwise.
    var archiveExpiresAt: String?
    /// Where the archive was saved, when the download folder's manifest vouches for it.
    var downloadedTo: String?

    enum CodingKeys: String, CodingKey {
        case id, scope, organization, state, repositories
        case lockRepositories = "lock_repositories"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case archiveExpiresAt = "archive_expires_at"
        case downloadedTo = "downloaded_to"
    }

    /// Every field, nil ones as `null`: a script can rely on each key being there.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(scope, forKey: .scope)
        try container.encode(organization, forKey: .organization)
        try container.encode(state, forKey: .state)
        try container.encode(repositories, forKey: .repositories)
        try container.encode(lockRepositories, forKey: .lockRepositories)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(archiveExpiresAt, forKey: .archiveExpiresAt)
        try container.encode(downloadedTo, forKey: .downloadedTo)
    }

    /// The columns of `--csv`, in order.
    static let csvHeader = [
        "id", "scope", "organization", "state", "repositories", "lock_repositories", "created_at", "updated_at",
        "archive_expires_at", "downloaded_to",
    ]

    /// A migration of `scope`, with the archive saved at `downloaded` if the manifest says so.
    init(_ migration: Migration, scope: MigrationScope, downloaded: String?) {
        id = migration.id
        switch scope {
        case .user:
            self.scope = "user"
            organization = nil
        case .organization(let login):
            self.scope = "organization"
            organization = login
        }
        state = migration.state.rawValue
        repositories = migration.repositories.map(\.fullName)
        lockRepositories = migration.lockRepositories
        createdAt = Self.timestamp(migration.createdAt)
        updatedAt = Self.timestamp(migration.updatedAt)
        archiveExpiresAt =
            migration.state == .exported
            ? Self.timestamp(migration.updatedAt.addingTimeInterval(DashboardState.archiveLifetime)) : nil
        downloadedTo = downloaded
    }

    /// RFC 3339 in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        date.ISO8601Format()
    }

    /// The `--csv` line: RFC 4180 quoting, repositories separated by spaces.
    var csvLine: String {
        let fields: [String] = [
            String(id), scope, organization ?? "", state, repositories.joined(separator: " "), String(lockRepositories),
            createdAt, updatedAt, archiveExpiresAt ?? "", downloadedTo ?? "",
        ]
        return fields.map(Self.csvField).joined(separator: ",")
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
