import Foundation
import GitHubMigrations

/// One line of `migdash watch --ndjson`: what happened, when, and to what. Fields that do not apply to
/// an event's kind are left out; docs/cli.md lists which each kind carries. Times are RFC 3339 in UTC,
/// ids numbers, as in every `--json` of migdash.
public struct WatchEvent: Encodable, Equatable, Sendable {
    /// What happened; the `event` field of the line.
    public enum Kind: String, Encodable, Sendable, CaseIterable {
        /// Every watched scope's whole list has been read once: what follows is news.
        case ready
        case migrationNew = "migration_new"
        case migrationState = "migration_state"
        case migrationGone = "migration_gone"
        case archiveExpiring = "archive_expiring"
        case archiveDeleted = "archive_deleted"
        case importState = "import_state"
        case importGone = "import_gone"
        case downloadDone = "download_done"
        case downloadFailed = "download_failed"
        case rateLimitLow = "rate_limit_low"
        case connectionLost = "connection_lost"
        case connectionRestored = "connection_restored"
    }

    /// What happened.
    public var event: Kind
    /// When migdash saw it, RFC 3339 in UTC.
    public var at: String
    /// The migration's id.
    public var id: Int64?
    /// `organization` or `user`.
    public var scope: String?
    /// The organization's login (absent for the user's own migrations).
    public var organization: String?
    /// The import's repository, `owner/name`.
    public var repository: String?
    /// The state before the change (absent when there was none).
    public var from: String?
    /// The state now.
    public var state: String?
    /// The migration's repositories, `owner/name`.
    public var repositories: [String]?
    /// When the archive expires (or expired).
    public var expiresAt: String?
    /// Where the archive was saved.
    public var path: String?
    /// Why: a failure's message, or why an archive is gone.
    public var reason: String?
    /// Rate limit: requests left, the limit, and when it resets.
    public var remaining: Int?
    public var limit: Int?
    public var resetAt: String?
    /// `ready`: how many migrations the watched scopes hold.
    public var migrations: Int?

    enum CodingKeys: String, CodingKey {
        case event, at, id, scope, organization, repository, from, state, repositories, path, reason
        case remaining, limit, migrations
        case expiresAt = "expires_at"
        case resetAt = "reset_at"
    }

    /// An event of `kind` at `time`, with no subject yet.
    public init(_ kind: Kind, at time: Date) {
        event = kind
        at = Self.rfc3339(time)
    }

    /// An event about the migration `key`.
    init(_ kind: Kind, _ key: MigrationKey, at time: Date) {
        self.init(kind, at: time)
        id = key.id
        switch key.scope {
        case .user: scope = "user"
        case .organization(let login):
            scope = "organization"
            organization = login
        }
    }

    /// `2026-11-30T08:11:27Z`.
    static func rfc3339(_ date: Date) -> String { date.ISO8601Format() }
}
